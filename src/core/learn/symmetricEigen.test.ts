import { describe, expect, it } from 'vitest';
import { Random } from '../virtual/random';
import { symmetricEigen } from './symmetricEigen';

function randomSymmetric(m: number, seed: number): Float64Array {
  const random = new Random(seed);
  const a = new Float64Array(m * m);
  for (let r = 0; r < m; r++) {
    for (let c = r; c < m; c++) {
      a[r * m + c] = random.gaussian();
      a[c * m + r] = a[r * m + c];
    }
  }
  return a;
}

describe('symmetricEigen', () => {
  it('sorts the eigenvalues of a diagonal matrix and returns unit vectors', () => {
    const { values, vectors } = symmetricEigen([1, 0, 0, 0, 3, 0, 0, 0, 2], 3);
    expect(Array.from(values)).toEqual([3, 2, 1]);
    expect(Array.from(vectors.map(Math.abs))).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0]);
  });

  it('solves A·v = λ·v with orthonormal vectors for random matrices', () => {
    for (const m of [2, 5, 12, 40]) {
      const a = randomSymmetric(m, m);
      const { values, vectors } = symmetricEigen(a, m);
      for (let c = 0; c < m; c++) {
        if (c > 0) expect(values[c]).toBeLessThanOrEqual(values[c - 1]);
        for (let r = 0; r < m; r++) {
          let av = 0;
          for (let k = 0; k < m; k++) av += a[r * m + k] * vectors[k * m + c];
          expect(av).toBeCloseTo(values[c] * vectors[r * m + c], 10);
        }
        for (let c2 = 0; c2 <= c; c2++) {
          let dot = 0;
          for (let r = 0; r < m; r++) dot += vectors[r * m + c] * vectors[r * m + c2];
          expect(dot).toBeCloseTo(c === c2 ? 1 : 0, 12);
        }
      }
    }
  });

  it('reads only the upper triangle', () => {
    const upper = symmetricEigen([2, 1, 99, 2], 2);
    expect(upper.values[0]).toBeCloseTo(3, 12);
    expect(upper.values[1]).toBeCloseTo(1, 12);
  });
});
