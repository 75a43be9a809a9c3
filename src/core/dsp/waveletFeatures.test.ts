import { describe, expect, it } from 'vitest';
import { WAVELET_FEATURES, subBandFeatures } from './waveletFeatures';

function features(values: number[], float32 = false): Record<string, number> {
  const out = new Float32Array(WAVELET_FEATURES.length);
  subBandFeatures(Float64Array.from(values), values.length, float32, out, 0);
  return Object.fromEntries(WAVELET_FEATURES.map((name, i) => [name, out[i]]));
}

describe('subBandFeatures', () => {
  it('computes the reference statistics of a small band by hand', () => {
    // Unsorted on purpose: crossings follow the order, the statistics the sorted values.
    const f = features([-2, -1, 0, 1, 2, 3, 4, 5].reverse());
    expect(f.zcross).toBe(1 / 8);
    expect(f.mcross).toBe(1 / 8);
    // sorted[int((8 − 1)·p/100 + 0.5)]: p 5 → 0, 25 → 2, 75 → 5, 95 → 7, 50 → 4.
    expect([f.n5, f.n25, f.n75, f.n95, f.median]).toEqual([-2, 0, 3, 5, 2]);
    expect(f.mean).toBe(1.5);
    expect(f.std).toBe(Math.fround(Math.sqrt(42 / 8)));
    expect(f.var).toBe(6);
    expect(f.rms).toBe(Math.fround(Math.sqrt(60 / 8)));
    expect(f.skew).toBe(0);
    // m4 / m2² − 3 with m2 = 42/8 and m4 = 2·(3.5⁴ + 2.5⁴ + 1.5⁴ + 0.5⁴)/8.
    expect(f.kurtosis).toBeCloseTo(
      (2 * (3.5 ** 4 + 2.5 ** 4 + 1.5 ** 4 + 0.5 ** 4)) / 8 / (42 / 8) ** 2 - 3,
      6,
    );
    // Eight values, each alone in one of 100 equal bins: ln 8.
    expect(f.entropy).toBeCloseTo(Math.log(8), 6);
  });

  it('counts sign changes of x > 0 and of x > mean between neighbours', () => {
    const f = features([1, -1, 1, -1, 3, 3]);
    expect(f.zcross).toBe(Math.fround(4 / 6));
    // mean 1: above it only the last two.
    expect(f.mcross).toBe(Math.fround(1 / 6));
  });

  it("bins as numpy's histogram: a value on an inner edge goes up, the maximum into the last bin", () => {
    // Edges 0, 0.01, … 1: 0.5 starts bin 50; three single-value bins → ln 3; four values in 2 + 1 + 1 → −Σp ln p.
    expect(features([0, 0.5, 1]).entropy).toBeCloseTo(Math.log(3), 6);
    const p = [0.5, 0.25, 0.25];
    expect(features([0, 0.005, 0.5, 1]).entropy).toBeCloseTo(-p.reduce((s, x) => s + x * Math.log(x), 0), 6);
  });

  it('gives entropy 0 and skew, kurtosis 0 for an all-zero band; −3 kurtosis for a constant one', () => {
    const zero = features(new Array(40).fill(0));
    expect([zero.entropy, zero.rms, zero.skew, zero.kurtosis]).toEqual([0, 0, 0, 0]);
    const constant = features(new Array(40).fill(2.5));
    expect([constant.entropy, constant.std, constant.skew, constant.kurtosis]).toEqual([0, 0, 0, -3]);
  });

  it('skews towards the long tail', () => {
    expect(features([0, 0, 0, 0, 0, 0, 1, 10]).skew).toBeGreaterThan(1);
    expect(features([0, 0, 0, 0, 0, 0, -1, -10]).skew).toBeLessThan(-1);
  });

  it('rounds every step to float32 for float32 data, as numpy does', () => {
    const values = Array.from({ length: 300 }, (_, i) => Math.fround(Math.sin(i * 0.37) * 3 + 1e-3 * i));
    const single = features(values, true);
    const double = features(values, false);
    expect(single.mean).not.toBe(double.mean);
    for (const name of WAVELET_FEATURES) expect(single[name], name).toBeCloseTo(double[name], 4);
  });
});
