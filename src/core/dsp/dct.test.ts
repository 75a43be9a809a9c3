import { describe, expect, it } from 'vitest';
import { applyDctRows, dctMatrix, getDctMatrix } from './dct';

describe('dctMatrix', () => {
  it('is orthonormal: D·Dᵀ = I', () => {
    for (const n of [1, 2, 13, 32, 40]) {
      const d = dctMatrix(n, n);
      for (let a = 0; a < n; a++)
        for (let b = 0; b < n; b++) {
          let dot = 0;
          for (let j = 0; j < n; j++) dot += d[a * n + j] * d[b * n + j];
          expect(dot).toBeCloseTo(a === b ? 1 : 0, 12);
        }
    }
  });

  it('maps a constant vector to its first coefficient only, scaled by √n', () => {
    const n = 32;
    const d = dctMatrix(n, n);
    for (let k = 0; k < n; k++) {
      let y = 0;
      for (let j = 0; j < n; j++) y += d[k * n + j] * 2;
      expect(y).toBeCloseTo(k === 0 ? 2 * Math.sqrt(n) : 0, 12);
    }
  });

  it('keeps the first rows and is cached', () => {
    expect(dctMatrix(32, 13)).toEqual(dctMatrix(32, 32).subarray(0, 13 * 32));
    expect(getDctMatrix(32, 13)).toBe(getDctMatrix(32, 13));
  });
});

describe('applyDctRows', () => {
  it('gives the chosen rows of D·x, each sum added in column order as a plain loop does', () => {
    for (const [n, keep, from] of [
      [32, 13, 1],
      [40, 40, 0],
      [7, 6, 2],
      [5, 1, 0],
    ]) {
      const d = dctMatrix(n, keep);
      const x = Float64Array.from({ length: n }, (_, j) => Math.sin(j * 1.7) * 10 ** (j % 5));
      const out = new Float64Array(keep + 3).fill(-1);
      applyDctRows(d, n, x, out, 3, from, keep);
      for (let k = 0; k < keep + 3; k++) {
        if (k < from + 3) {
          expect(out[k]).toBe(-1);
          continue;
        }
        let sum = 0;
        for (let j = 0; j < n; j++) sum += d[(k - 3) * n + j] * x[j];
        expect(out[k]).toBe(sum);
      }
    }
  });
});
