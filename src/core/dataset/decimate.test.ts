import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { decimateForChart, sliceFrames } from './decimate';

describe('decimateForChart', () => {
  it('returns the values themselves when they fit', () => {
    const values = new Float32Array([1, -1, 2, -2, 3, -3]);
    const chart = decimateForChart(values, 2, 10, 5);
    expect(Array.from(chart.timeMs)).toEqual([0, 10, 20]);
    expect(chart.min.map((a) => Array.from(a))).toEqual([
      [1, 2, 3],
      [-1, -2, -3],
    ]);
    expect(chart.max).toEqual(chart.min);
  });

  it('keeps each bucket’s exact min and max per axis', () => {
    const values = new Float32Array([0, 5, 1, 4, 9, 3, -2, 8, 7, 2, 6, -1, 3, 3]);
    const chart = decimateForChart(values, 2, 1, 3);
    expect(Array.from(chart.timeMs)).toEqual([0, 2, 4]);
    expect(Array.from(chart.min[0])).toEqual([0, -2, 3]);
    expect(Array.from(chart.max[0])).toEqual([1, 9, 7]);
    expect(Array.from(chart.min[1])).toEqual([4, 3, -1]);
    expect(Array.from(chart.max[1])).toEqual([5, 8, 3]);
  });

  it('reduces 10 minutes of 16 kHz audio (9.6 M frames) to exact min/max buckets', () => {
    const frames = 9_600_000;
    const values = new Int16Array(frames);
    for (let i = 0; i < frames; i++) values[i] = ((i * 37) % 20_001) - 10_000;
    const spikes = [
      [123, 32_000],
      [4_800_000, -32_768],
      [frames - 1, 32_767],
    ];
    for (const [i, v] of spikes) values[i] = v;
    const maxPoints = 2000;
    const chart = decimateForChart(values, 1, 0.0625, maxPoints);
    expect(chart.timeMs.length).toBe(maxPoints);
    const bucket = frames / maxPoints;
    for (let b = 0; b < maxPoints; b++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = b * bucket; i < (b + 1) * bucket; i++) {
        lo = Math.min(lo, values[i]);
        hi = Math.max(hi, values[i]);
      }
      if (chart.min[0][b] !== lo || chart.max[0][b] !== hi) throw new Error(`bucket ${b} differs`);
    }
    expect(chart.timeMs[1]).toBe(bucket * 0.0625);
    expect(chart.max[0][0]).toBe(32_000);
    expect(chart.min[0][1000]).toBe(-32_768);
    expect(chart.max[0][maxPoints - 1]).toBe(32_767);
  });

  it('rejects values that do not divide into frames and a zero point budget', () => {
    expect(() => decimateForChart(new Float32Array(5), 2, 1, 10)).toThrow(StudioError);
    expect(() => decimateForChart(new Float32Array(4), 2, 1, 0)).toThrow(/at least one point/);
  });
});

describe('sliceFrames', () => {
  it('copies whole interleaved frames in the same typed-array kind', () => {
    const values = new Int16Array([0, 1, 2, 3, 4, 5, 6, 7]);
    const part = sliceFrames(values, 2, 1, 3);
    expect(part).toEqual(new Int16Array([2, 3, 4, 5]));
    part[0] = 99;
    expect(values[2]).toBe(2);
    expect(sliceFrames(values, 2, 4, 4)).toEqual(new Int16Array(0));
  });

  it('rejects ranges outside the values', () => {
    const values = new Float32Array(6);
    expect(() => sliceFrames(values, 3, 0, 3)).toThrow('Frames 0–3 are not a range within 0–2');
    expect(() => sliceFrames(values, 3, 2, 1)).toThrow(StudioError);
  });
});
