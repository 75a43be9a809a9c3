import { describe, expect, it } from 'vitest';
import { SlidingCmvn, symmetricRow } from './cmvn';

/** Straightforward cmvnw: pad, window means, pad the centred rows, window population std. */
function naiveCmvn(x: number[][], win: number): number[][] {
  const rows = x.length;
  const pad = (win - 1) / 2;
  const window = (m: number[][], r: number, c: number) =>
    Array.from({ length: win }, (_, w) => m[symmetricRow(r + w - pad, rows)][c]);
  const mean = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;
  const centred = x.map((row, r) => row.map((v, c) => v - mean(window(x, r, c))));
  return centred.map((row, r) =>
    row.map((v, c) => {
      const w = window(centred, r, c);
      const m = mean(w);
      return v / (Math.sqrt(mean(w.map((a) => (a - m) ** 2))) + 1e-10);
    }),
  );
}

describe('symmetricRow', () => {
  it("pads like numpy.pad(…, 'symmetric'), repeating when the padding is longer than the data", () => {
    // numpy.pad(arange(3), (7, 7), 'symmetric')
    const expected = [0, 0, 1, 2, 2, 1, 0, 0, 1, 2, 2, 1, 0, 0, 1, 2, 2];
    expect(Array.from({ length: 17 }, (_, i) => symmetricRow(i - 7, 3))).toEqual(expected);
    expect(Array.from({ length: 5 }, (_, i) => symmetricRow(i - 2, 1))).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('SlidingCmvn', () => {
  it('matches the straightforward computation, also when the window is longer than the data', () => {
    let s = 3;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 20 - 10;
    for (const [rows, cols, win] of [
      [50, 13, 101],
      [99, 4, 21],
      [7, 3, 1],
      [1, 2, 5],
    ]) {
      const x = Array.from({ length: rows }, () => Array.from({ length: cols }, rand));
      const out = new Float32Array(rows * cols);
      new SlidingCmvn(rows, cols, win).apply(Float64Array.from(x.flat()), out);
      const expected = naiveCmvn(x, win).flat();
      for (let i = 0; i < out.length; i++) expect(out[i]).toBeCloseTo(expected[i], 5);
    }
  });

  it('gives (near) zero for constant columns instead of dividing by a zero std', () => {
    const out = new Float32Array(20 * 2);
    new SlidingCmvn(20, 2, 11).apply(new Float64Array(40).fill(-23.025850929940457), out);
    for (const v of out) expect(Math.abs(v)).toBeLessThan(1e-3);
  });
});
