import { describe, expect, it } from 'vitest';
import {
  FLOAT32_RESOLUTION,
  kurtosis,
  kurtosisOf,
  mean,
  moments,
  numpyMeanFloat32,
  numpyMeanFloat64,
  rms,
  skewness,
  skewnessOf,
  std,
} from './statistics';
import { butterReference } from './testUtils/butterReference';

function noise(count: number, seed: number): Float32Array {
  const out = new Float32Array(count);
  let s = seed;
  for (let i = 0; i < count; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = (s / 1073741824 - 1) * 100 + 7;
  }
  return out;
}

describe('population statistics', () => {
  it('gives the textbook values for 1, 2, 3, 4', () => {
    const x = [1, 2, 3, 4];
    expect(mean(x)).toBe(2.5);
    expect(std(x)).toBeCloseTo(Math.sqrt(1.25), 15);
    expect(rms(x)).toBeCloseTo(Math.sqrt(7.5), 15);
    expect(skewness(x)).toBeCloseTo(0, 15);
    expect(kurtosis(x)).toBeCloseTo(-1.36, 14);
  });

  it("matches SciPy's documented skew example", () => {
    expect(skewness([2, 8, 0, 4, 1, 9, 9, 0])).toBeCloseTo(0.2650554122698573, 14);
  });

  it('defines zero variance as SciPy 1.7 does: skewness 0, excess kurtosis −3', () => {
    const constant = [9.81, 9.81, 9.81];
    expect(skewness(constant)).toBe(0);
    expect(kurtosis(constant)).toBe(-3);
    expect(std(constant)).toBe(0);
    const nearlyConstant = [1e6, 1e6 + 0.001, 1e6, 1e6 + 0.003];
    expect(skewness(nearlyConstant, FLOAT32_RESOLUTION)).toBe(0);
    expect(kurtosis(nearlyConstant, FLOAT32_RESOLUTION)).toBe(-3);
    expect(skewness(nearlyConstant)).not.toBe(0);
  });

  it('reads a strided series into a reused Moments object', () => {
    const interleaved = [1, 100, 2, 200, 3, 300, 10, 400];
    const m = moments(interleaved, 0, 4, 2);
    expect(m.mean).toBe(4);
    expect(moments(interleaved, 1, 4, 2, m)).toBe(m);
    expect(m.mean).toBe(250);
    expect(skewnessOf(m)).toBeCloseTo(0, 14);
    expect(kurtosisOf(m)).toBeCloseTo(-1.36, 14);
    expect(() => moments(interleaved, 0, 5, 2)).toThrow(RangeError);
    expect(() => moments([])).toThrow(RangeError);
  });
});

describe('numpy means', () => {
  it("reproduces np.mean on float32 arrays bit-exactly (numpy's pairwise summation)", () => {
    const lengths = [
      1, 2, 7, 8, 9, 15, 16, 17, 63, 100, 125, 127, 128, 129, 200, 250, 255, 256, 257, 1000, 5000,
    ];
    const arrays = lengths.map((n, i) => noise(n, i + 3));
    const reference = butterReference({ mean32: arrays.map((a) => Array.from(a)) });
    arrays.forEach((a, i) => expect(numpyMeanFloat32(a, a.length)).toBe(reference.mean32[i]));
  });

  it('averages float64 arrays and the first `count` values only', () => {
    expect(numpyMeanFloat64(Float64Array.of(1, 2, 3, 1000), 3)).toBe(2);
    expect(numpyMeanFloat32(Float32Array.of(0.1, 0.2, 0.3, 1000), 3)).toBe(Math.fround(0.2));
  });
});
