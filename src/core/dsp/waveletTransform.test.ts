import { describe, expect, it } from 'vitest';
import { WAVELETS, waveletFilters } from './waveletFilters';
import { dwtLength, wavedec } from './waveletTransform';

const ramp = (n: number) => Float64Array.from({ length: n }, (_, i) => i + 1);

describe('wavedec', () => {
  it("gives PyWavelets' documented example: wavedec([1 … 8], 'db1', level=2)", () => {
    const [a2, d2, d1] = wavedec(ramp(8), 8, waveletFilters('haar'), 2, false);
    [5, 13].forEach((x, i) => expect(a2[i]).toBeCloseTo(x, 14));
    [-2, -2].forEach((x, i) => expect(d2[i]).toBeCloseTo(x, 14));
    expect(d1).toHaveLength(4);
    d1.forEach((x) => expect(x).toBeCloseTo(-Math.SQRT1_2, 14));
  });

  it('extends the signal by half-sample symmetry at both ends', () => {
    // db2 on [1, 2, 3]: x̃[−2 … 5] = 2 1 | 1 2 3 | 3 2 1; output o sums filter[j]·x̃[2o + 1 − j].
    const { decLo } = waveletFilters('db2');
    const [a] = wavedec(Float64Array.of(1, 2, 3), 3, waveletFilters('db2'), 1, false);
    const x = [2, 1, 1, 2, 3, 3, 2, 1];
    expect(a).toHaveLength(dwtLength(3, 4));
    a.forEach((value, o) => {
      let expected = 0;
      for (let j = 0; j < 4; j++) expected += decLo[j] * x[2 * o + 1 - j + 2];
      expect(value, `output ${o}`).toBeCloseTo(expected, 14);
    });
  });

  it('keeps a constant constant and leaves no detail, boundaries included', () => {
    for (const name of ['db4', 'sym8', 'coif3', 'bior3.5', 'rbio6.8'] as const) {
      const [a, d] = wavedec(new Float64Array(50).fill(3), 50, waveletFilters(name), 1, false);
      a.forEach((x) => expect(x, name).toBeCloseTo(3 * Math.SQRT2, 12));
      d.forEach((x) => expect(Math.abs(x), name).toBeLessThan(1e-12));
    }
  });

  it('returns [cA_level, cD_level, …, cD_1] of ⌊(N + F − 1)/2⌋ coefficients per level, level 0 the signal', () => {
    for (const name of WAVELETS) {
      const taps = waveletFilters(name).decLo.length;
      const out = wavedec(ramp(300), 300, waveletFilters(name), 3, false);
      const l1 = dwtLength(300, taps);
      const l2 = dwtLength(l1, taps);
      const l3 = dwtLength(l2, taps);
      expect(
        out.map((b) => b.length),
        name,
      ).toEqual([l3, l3, l2, l1]);
    }
    expect(wavedec(ramp(40), 40, waveletFilters('db4'), 0, true)).toEqual([ramp(40)]);
  });

  it('computes in float32 when asked: every coefficient is a float32 value, and differs from float64', () => {
    const x = Float64Array.from({ length: 200 }, (_, i) => Math.fround(Math.sin(i / 3) * 7.3));
    const single = wavedec(x, 200, waveletFilters('sym5'), 2, true).flatMap((b) => [...b]);
    const double = wavedec(x, 200, waveletFilters('sym5'), 2, false).flatMap((b) => [...b]);
    expect(single.every((c) => Math.fround(c) === c)).toBe(true);
    expect(single.some((c, i) => c !== double[i])).toBe(true);
    single.forEach((c, i) => expect(Math.abs(c - double[i])).toBeLessThan(1e-5));
  });
});
