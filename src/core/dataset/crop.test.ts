import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { cropSample } from './crop';
import type { Sample } from './sample';

function imu(frames: number): Sample {
  const values = new Float32Array(frames * 3);
  for (let i = 0; i < values.length; i++) values[i] = i;
  return {
    id: 'a1',
    projectId: 'p1',
    name: 'wave.1',
    label: 'wave',
    category: 'training',
    enabled: true,
    sensors: [
      { name: 'accX', units: 'm/s2' },
      { name: 'accY', units: 'm/s2' },
      { name: 'accZ', units: 'm/s2' },
    ],
    intervalMs: 10,
    frameCount: frames,
    deviceName: 'dev',
    deviceType: 'virtual',
    createdAt: 1,
    updatedAt: 2,
    values,
  };
}

function audio(frames: number): Sample {
  const values = new Int16Array(frames).map((_, i) => i - 1000);
  return {
    ...imu(0),
    sensors: [{ name: 'audio', units: 'wav' }],
    intervalMs: 0.0625,
    frameCount: frames,
    values,
  };
}

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof StudioError) return `${e.code}: ${e.message}`;
    throw e;
  }
  throw new Error('did not throw');
}

describe('cropSample', () => {
  it('keeps whole interleaved frames of every axis', () => {
    const s = imu(100);
    const c = cropSample(s, 200, 500, 99);
    expect(c.frameCount).toBe(30);
    expect(c.values).toBeInstanceOf(Float32Array);
    expect(Array.from(c.values.slice(0, 4))).toEqual([60, 61, 62, 63]);
    expect(c.values.length).toBe(90);
    expect(c.values[89]).toBe(49 * 3 + 2);
    expect(c).toMatchObject({ id: 'a1', name: 'wave.1', label: 'wave', createdAt: 1, updatedAt: 99 });
  });

  it('rounds to the nearest frame and clamps to the sample', () => {
    const c = cropSample(audio(16_000), 0.09, 5000);
    expect(c.frameCount).toBe(16_000 - 1);
    expect(c.values).toBeInstanceOf(Int16Array);
    expect(c.values[0]).toBe(1 - 1000);
    expect(cropSample(audio(100), -50, 2).frameCount).toBe(32);
  });

  it('keeps the count of stream gaps: where they were is not known', () => {
    expect(cropSample({ ...imu(100), streamGaps: 2 }, 200, 500).streamGaps).toBe(2);
  });

  it('does not change its input', () => {
    const s = imu(10);
    const copy = { ...s, values: s.values.slice() };
    cropSample(s, 10, 50);
    expect(s).toEqual(copy);
  });

  it('sets updatedAt to now by default', () => {
    const before = Date.now();
    expect(cropSample(imu(10), 0, 50).updatedAt).toBeGreaterThanOrEqual(before);
  });

  it('rejects empty, reversed and outside ranges with readable messages', () => {
    const s = imu(100);
    expect(codeOf(() => cropSample(s, 1200, 900))).toBe('crop-range: Crop range 1200–900 ms is empty');
    expect(codeOf(() => cropSample(s, 300, 300))).toBe('crop-range: Crop range 300–300 ms is empty');
    expect(codeOf(() => cropSample(s, 1000, 1500))).toBe(
      'crop-range: Crop range 1000–1500 ms is outside the sample (0–1000 ms)',
    );
    expect(codeOf(() => cropSample(s, -20, 0))).toMatch(/outside the sample/);
    expect(codeOf(() => cropSample(s, 101, 104))).toBe(
      'crop-range: Crop range 101–104 ms is empty: it is shorter than one frame',
    );
    expect(codeOf(() => cropSample(s, Number.NaN, 10))).toMatch(/not a valid time range/);
  });
});
