import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { findSegmentsByEnergy, splitAt, type FrameSegment } from './segment';
import type { Sample, SampleValues, SensorInfo } from './sample';

/** Uniform noise in [-1, 1) from a fixed seed. */
function noise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  };
}

function sampleOf(values: SampleValues, sensors: SensorInfo[], intervalMs: number): Sample {
  return {
    id: 'orig',
    projectId: 'p',
    name: 'clap.3',
    label: 'clap',
    category: 'testing',
    enabled: false,
    sensors,
    intervalMs,
    frameCount: values.length / sensors.length,
    deviceName: 'mic',
    deviceType: 'microphone',
    createdAt: 5,
    updatedAt: 6,
    values,
  };
}

const MIC = [{ name: 'audio', units: 'wav' }];
const ACC = ['accX', 'accY', 'accZ'].map((name) => ({ name, units: 'm/s2' }));

interface Burst {
  startS: number;
  endS: number;
}

/** 16-bit audio: quiet noise (±30 LSB) with loud bursts of noise or a 440 Hz tone. */
function audio(
  seconds: number,
  bursts: Array<Burst & { kind: 'noise' | 'tone'; amplitude: number }>,
  rate = 16_000,
) {
  const rand = noise(7);
  const values = new Int16Array(Math.round(seconds * rate));
  for (let i = 0; i < values.length; i++) {
    const t = i / rate;
    let v = 30 * rand();
    for (const b of bursts) {
      if (t >= b.startS && t < b.endS)
        v += b.kind === 'tone' ? b.amplitude * Math.sin(2 * Math.PI * 440 * t) : b.amplitude * rand();
    }
    values[i] = Math.round(v);
  }
  return sampleOf(values, MIC, 1000 / rate);
}

/** 3-axis accelerometer at rest (gravity on z, small noise) with circular gesture bursts. */
function imu(seconds: number, bursts: Burst[], rate = 100) {
  const rand = noise(11);
  const frames = Math.round(seconds * rate);
  const values = new Float32Array(frames * 3);
  for (let i = 0; i < frames; i++) {
    const t = i / rate;
    const active = bursts.some((b) => t >= b.startS && t < b.endS);
    const w = 2 * Math.PI * 2 * t;
    values[i * 3] = 0.05 * rand() + (active ? 4 * Math.sin(w) : 0);
    values[i * 3 + 1] = 0.05 * rand() + (active ? 3 * Math.cos(w) : 0);
    values[i * 3 + 2] = 9.81 + 0.05 * rand() + (active ? 2 * Math.sin(1.5 * w) : 0);
  }
  return sampleOf(values, ACC, 1000 / rate);
}

/** Every burst lies inside its own segment, in order. */
function expectEachBurstCovered(segments: FrameSegment[], bursts: Burst[], rate: number) {
  expect(segments).toHaveLength(bursts.length);
  bursts.forEach((b, i) => {
    expect(segments[i].startFrame).toBeLessThanOrEqual(Math.round(b.startS * rate));
    expect(segments[i].endFrame).toBeGreaterThanOrEqual(Math.round(b.endS * rate));
  });
}

function expectSortedFixedLength(segments: FrameSegment[], length: number, frames: number) {
  segments.forEach((s, i) => {
    expect(s.endFrame - s.startFrame).toBe(length);
    expect(s.startFrame).toBeGreaterThanOrEqual(i === 0 ? 0 : segments[i - 1].endFrame);
    expect(s.endFrame).toBeLessThanOrEqual(frames);
  });
}

function errorOf(f: () => unknown): StudioError {
  try {
    f();
  } catch (e) {
    if (e instanceof StudioError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('splitAt', () => {
  const source = imu(3, []);
  let n = 0;
  const ids = () => `new${++n}`;

  it('makes one new sample per segment, numbered after the original name', () => {
    const parts = splitAt(
      source,
      [
        { startFrame: 0, endFrame: 100 },
        { startFrame: 150, endFrame: 300 },
      ],
      ids,
      42,
    );
    expect(parts.map((p) => [p.id, p.name, p.frameCount])).toEqual([
      ['new1', 'clap.3.s1', 100],
      ['new2', 'clap.3.s2', 150],
    ]);
    for (const p of parts) {
      expect(p).toMatchObject({
        label: 'clap',
        category: 'testing',
        enabled: false,
        sensors: ACC,
        intervalMs: 10,
        projectId: 'p',
        createdAt: 42,
        updatedAt: 42,
      });
      expect(p.values).toBeInstanceOf(Float32Array);
    }
    expect(parts[1].values).toEqual(source.values.slice(450, 900));
  });

  it('keeps the count of stream gaps in every part', () => {
    const parts = splitAt({ ...source, streamGaps: 1 }, [{ startFrame: 0, endFrame: 100 }], ids);
    expect(parts[0].streamGaps).toBe(1);
  });

  it('keeps Int16 audio as Int16', () => {
    const a = audio(1, []);
    const [part] = splitAt(a, [{ startFrame: 10, endFrame: 20 }], ids);
    expect(part.values).toEqual(a.values.slice(10, 20));
  });

  it('rejects empty, outside, unsorted, overlapping and fractional segments', () => {
    const bad: Array<[FrameSegment[], RegExp]> = [
      [[], /at least one segment/],
      [[{ startFrame: 50, endFrame: 50 }], /Segment 1 \(500–500 ms\) is empty/],
      [
        [{ startFrame: 250, endFrame: 301 }],
        /Segment 1 \(2500–3010 ms\) is outside the sample \(0–3000 ms\)/,
      ],
      [[{ startFrame: -1, endFrame: 10 }], /outside the sample/],
      [
        [
          { startFrame: 0, endFrame: 100 },
          { startFrame: 99, endFrame: 150 },
        ],
        /Segment 2 \(990–1500 ms\) overlaps or comes before segment 1 \(0–1000 ms\)/,
      ],
      [
        [
          { startFrame: 200, endFrame: 250 },
          { startFrame: 0, endFrame: 10 },
        ],
        /overlaps or comes before/,
      ],
      [[{ startFrame: 0.5, endFrame: 10 }], /whole frames/],
    ];
    for (const [segments, message] of bad) {
      const e = errorOf(() => splitAt(source, segments, ids));
      expect(e.code).toBe('split-segments');
      expect(e.message).toMatch(message);
    }
  });
});

describe('findSegmentsByEnergy', () => {
  it('finds three bursts of noise and tone in 16 kHz audio', () => {
    const bursts = [
      { startS: 0.4, endS: 0.7, kind: 'noise' as const, amplitude: 8000 },
      { startS: 1.6, endS: 2.0, kind: 'tone' as const, amplitude: 10_000 },
      { startS: 2.9, endS: 3.2, kind: 'noise' as const, amplitude: 5000 },
    ];
    const s = audio(4, bursts);
    const segments = findSegmentsByEnergy(s, { segmentLengthMs: 1000 });
    expectEachBurstCovered(segments, bursts, 16_000);
    expectSortedFixedLength(segments, 16_000, s.frameCount);
  });

  it('ignores a DC offset in audio', () => {
    const bursts = [{ startS: 1, endS: 1.5, kind: 'tone' as const, amplitude: 8000 }];
    const s = audio(3, bursts);
    const shifted = { ...s, values: s.values.map((v) => v + 3000) };
    expect(findSegmentsByEnergy(shifted, { segmentLengthMs: 1000 })).toEqual(
      findSegmentsByEnergy(s, { segmentLengthMs: 1000 }),
    );
  });

  it('finds three gestures in 3-axis 100 Hz IMU data with gravity on z', () => {
    const bursts = [
      { startS: 1, endS: 2 },
      { startS: 4.5, endS: 5.5 },
      { startS: 8, endS: 9 },
    ];
    const s = imu(10, bursts);
    const segments = findSegmentsByEnergy(s, { segmentLengthMs: 2000 });
    expectEachBurstCovered(segments, bursts, 100);
    expectSortedFixedLength(segments, 200, s.frameCount);
  });

  it('works at 10 Hz and at 48 kHz', () => {
    const slowBursts = [
      { startS: 3, endS: 5 },
      { startS: 12, endS: 14 },
    ];
    const slow = findSegmentsByEnergy(imu(20, slowBursts, 10), { segmentLengthMs: 4000 });
    expectEachBurstCovered(slow, slowBursts, 10);
    const fastBursts = [
      { startS: 0.3, endS: 0.5, kind: 'noise' as const, amplitude: 9000 },
      { startS: 1.2, endS: 1.4, kind: 'tone' as const, amplitude: 9000 },
    ];
    const fast = findSegmentsByEnergy(audio(2, fastBursts, 48_000), { segmentLengthMs: 500 });
    expectEachBurstCovered(fast, fastBursts, 48_000);
  });

  it('finds nothing in silence or in a sensor at rest', () => {
    expect(
      findSegmentsByEnergy(sampleOf(new Int16Array(32_000), MIC, 0.0625), { segmentLengthMs: 1000 }),
    ).toEqual([]);
    expect(findSegmentsByEnergy(audio(3, []), { segmentLengthMs: 1000 })).toEqual([]);
    expect(findSegmentsByEnergy(imu(10, []), { segmentLengthMs: 1000 })).toEqual([]);
    const still = new Float32Array(300).map((_, i) => (i % 3 === 2 ? 9.81 : 0));
    expect(findSegmentsByEnergy(sampleOf(still, ACC, 10), { segmentLengthMs: 500 })).toEqual([]);
  });

  it('makes one segment of a sustained tone, not one per stretch of it', () => {
    const inSilence = audio(5, [{ startS: 0.5, endS: 4.5, kind: 'tone', amplitude: 6000 }]);
    const [segment, ...rest] = findSegmentsByEnergy(inSilence, { segmentLengthMs: 1000 });
    expect(rest).toEqual([]);
    expect(Math.abs((segment.startFrame + segment.endFrame) / 2 - 2.5 * 16_000)).toBeLessThan(1600);

    const throughout = audio(3, [{ startS: 0, endS: 3, kind: 'tone', amplitude: 6000 }]);
    expect(findSegmentsByEnergy(throughout, { segmentLengthMs: 1000 })).toHaveLength(1);
  });

  it('merges regions closer than minGapMs', () => {
    const bursts = [
      { startS: 1, endS: 1.2, kind: 'noise' as const, amplitude: 8000 },
      { startS: 1.3, endS: 1.5, kind: 'noise' as const, amplitude: 8000 },
    ];
    const s = audio(3, bursts);
    expect(findSegmentsByEnergy(s, { segmentLengthMs: 1000, minGapMs: 200 })).toHaveLength(1);
    const apart = findSegmentsByEnergy(s, { segmentLengthMs: 280, minGapMs: 0 });
    expectEachBurstCovered(apart, bursts, 16_000);
  });

  it('shifts or drops segments so that they never overlap', () => {
    const bursts = [0.5, 0.9, 1.3, 1.7].map((startS) => ({
      startS,
      endS: startS + 0.1,
      kind: 'noise' as const,
      amplitude: 8000,
    }));
    const s = audio(2.5, bursts);
    const segments = findSegmentsByEnergy(s, { segmentLengthMs: 600, minGapMs: 0 });
    expect(segments.length).toBeGreaterThanOrEqual(2);
    expect(segments.length).toBeLessThan(4);
    expectSortedFixedLength(segments, 9600, s.frameCount);
    for (const seg of segments) {
      const centres = bursts.map((b) => (b.startS + 0.05) * 16_000);
      expect(centres.some((c) => c >= seg.startFrame && c < seg.endFrame)).toBe(true);
    }
  });

  it('keeps segments inside the sample when an event is at an edge', () => {
    const bursts = [
      { startS: 0, endS: 0.2, kind: 'noise' as const, amplitude: 8000 },
      { startS: 1.85, endS: 2, kind: 'noise' as const, amplitude: 8000 },
    ];
    const s = audio(2, bursts);
    const segments = findSegmentsByEnergy(s, { segmentLengthMs: 500 });
    expect(segments).toEqual([
      { startFrame: 0, endFrame: 8000 },
      { startFrame: 24_000, endFrame: 32_000 },
    ]);
  });

  it('rejects impossible options', () => {
    const s = audio(1, []);
    expect(errorOf(() => findSegmentsByEnergy(s, { segmentLengthMs: 2000 })).message).toBe(
      'Segment length 2000 ms is longer than the sample (1000 ms)',
    );
    expect(errorOf(() => findSegmentsByEnergy(s, { segmentLengthMs: 0 })).code).toBe('segment-length');
    expect(errorOf(() => findSegmentsByEnergy(s, { segmentLengthMs: 100, minGapMs: -1 })).code).toBe(
      'segment-gap',
    );
    expect(errorOf(() => findSegmentsByEnergy(s, { segmentLengthMs: 100, thresholdFraction: 1 })).code).toBe(
      'segment-threshold',
    );
  });
});
