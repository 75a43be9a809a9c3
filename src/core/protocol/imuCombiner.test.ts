import { describe, expect, it } from 'vitest';
import { ImuCombiner } from './imuCombiner';

type Chunk = { values: number[]; frames: number; continuous: boolean };

function collector() {
  const chunks: Chunk[] = [];
  const combiner = new ImuCombiner([3, 3], (values, frames, continuous) =>
    chunks.push({ values: [...values], frames, continuous }),
  );
  return { chunks, combiner };
}

/** `frames` readings of one sensor whose axes hold (reading index, sensor, axis) so pairs can be checked. */
const readings = (from: number, frames: number, sensor: number) =>
  Float32Array.from(
    { length: frames * 3 },
    (_, k) => (from + Math.floor(k / 3)) * 100 + sensor * 10 + (k % 3),
  );

describe('ImuCombiner', () => {
  it('pairs readings taken at the same device time, whatever order and batching they arrive in', () => {
    const { chunks, combiner } = collector();
    combiner.push(0, readings(0, 5, 1), 1_000, 100, false);
    expect(chunks).toEqual([]);
    combiner.push(1, readings(0, 3, 2), 1_000, 100, false);
    combiner.push(1, readings(3, 4, 2), 31_000, 100, true);
    combiner.push(0, readings(5, 5, 1), 51_000, 100, true);
    const frames = chunks.reduce((n, c) => n + c.frames, 0);
    expect(frames).toBe(7);
    const all = chunks.flatMap((c) => c.values);
    for (let r = 0; r < 7; r++) {
      expect(all.slice(r * 6, r * 6 + 6)).toEqual([
        r * 100 + 10,
        r * 100 + 11,
        r * 100 + 12,
        r * 100 + 20,
        r * 100 + 21,
        r * 100 + 22,
      ]);
    }
    expect(chunks.every((c) => c.continuous)).toBe(true);
  });

  it('drops readings one sensor has before the other starts, then joins from the first common time', () => {
    const { chunks, combiner } = collector();
    combiner.push(0, readings(0, 5, 1), 0, 100, false);
    combiner.push(1, readings(2, 3, 2), 20_000, 100, false);
    expect(chunks.map((c) => c.frames)).toEqual([3]);
    expect(chunks[0].values.slice(0, 6)).toEqual([210, 211, 212, 220, 221, 222]);
  });

  it('marks the readings after a lost frame as not continuous', () => {
    const { chunks, combiner } = collector();
    combiner.push(0, readings(0, 2, 1), 0, 100, false);
    combiner.push(1, readings(0, 2, 2), 0, 100, false);
    // Sensor 0 lost readings 2-3: they arrive for sensor 1 only.
    combiner.push(1, readings(2, 4, 2), 20_000, 100, true);
    combiner.push(0, readings(4, 2, 1), 40_000, 100, false);
    expect(chunks.map((c) => [c.frames, c.continuous])).toEqual([
      [2, true],
      [2, false],
    ]);
    expect(chunks[1].values.slice(0, 3)).toEqual([410, 411, 412]);
  });

  it('carries on across the wrap of the 32-bit microsecond clock', () => {
    const { chunks, combiner } = collector();
    const nearWrap = 0xffff_ffff - 15_000;
    combiner.push(0, readings(0, 2, 1), nearWrap, 100, false);
    combiner.push(1, readings(0, 2, 2), nearWrap, 100, false);
    const after = (nearWrap + 20_000) % 0x1_0000_0000;
    combiner.push(0, readings(2, 2, 1), after, 100, true);
    combiner.push(1, readings(2, 2, 2), after, 100, true);
    expect(chunks.reduce((n, c) => n + c.frames, 0)).toBe(4);
    expect(chunks.every((c) => c.continuous)).toBe(true);
  });

  it('keeps at most about 2 s of one sensor while the other is silent', () => {
    const { chunks, combiner } = collector();
    combiner.push(0, readings(0, 1000, 1), 0, 100, false);
    combiner.push(1, readings(999, 1, 2), 9_990_000, 100, false);
    expect(chunks).toEqual([
      { values: [99910, 99911, 99912, 99920, 99921, 99922], frames: 1, continuous: false },
    ]);
  });
});
