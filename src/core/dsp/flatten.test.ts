import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { flattenBlock } from './flatten';

describe('flattenBlock', () => {
  it('gives average, minimum, maximum, RMS, stdev, skewness and kurtosis per axis, in that order', () => {
    const p = flattenBlock.parseParams({});
    const shape = { axes: 2, frames: 4, frequencyHz: 1 };
    const window = Float32Array.of(1, 10, 2, 10, 3, 10, 4, 10);
    expect(flattenBlock.describe(p, shape)).toEqual({ featureCount: 14, shape: [14] });
    const f = Array.from(flattenBlock.run(p, window, shape));
    const expected = [2.5, 1, 4, Math.sqrt(7.5), Math.sqrt(1.25), 0, -1.36, 10, 10, 10, 10, 0, 0, -3];
    expected.forEach((v, i) => expect(f[i]).toBeCloseTo(v, 6));
  });

  it('keeps only the chosen statistics and applies scale-axes first', () => {
    const p = flattenBlock.parseParams({
      'scale-axes': -2,
      average: false,
      rms: false,
      skewness: false,
      kurtosis: 'false',
    });
    const shape = { axes: 1, frames: 3, frequencyHz: 1 };
    expect(flattenBlock.describe(p, shape).featureCount).toBe(3);
    const f = Array.from(flattenBlock.run(p, Float32Array.of(1, 2, 3), shape));
    expect(f[0]).toBe(-6);
    expect(f[1]).toBe(-2);
    expect(f[2]).toBeCloseTo(Math.sqrt(8 / 3), 6);
  });

  it('refuses to compute nothing, and unknown keys', () => {
    const off = flattenBlock.parseParams({
      average: false,
      minimum: false,
      maximum: false,
      rms: false,
      stdev: false,
      skewness: false,
      kurtosis: false,
    });
    expect(() => flattenBlock.describe(off, { axes: 1, frames: 3, frequencyHz: 1 })).toThrow(StudioError);
    expect(() => flattenBlock.describe(off, { axes: 1, frames: 3, frequencyHz: 1 })).toThrow(
      /turn on at least one/,
    );
    expect(() => flattenBlock.parseParams({ median: true })).toThrow(/unknown parameter "median"/);
  });
});
