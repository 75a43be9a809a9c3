/**
 * Orthonormal DCT-II (scipy.fftpack.dct(type=2, norm='ortho')): y[k] = s_k·Σ_j x[j]·cos(πk(2j + 1)/(2n)),
 * s_0 = √(1/n), s_k = √(2/n). The matrix keeps the first `keep` rows; it is built once per (n, keep).
 */
import { BoundedCache } from './boundedCache';

/** Row-major `keep × n` matrix D with y = D·x. */
export function dctMatrix(n: number, keep: number): Float64Array {
  const d = new Float64Array(keep * n);
  for (let k = 0; k < keep; k++) {
    const s = Math.sqrt((k === 0 ? 1 : 2) / n);
    for (let j = 0; j < n; j++) d[k * n + j] = s * Math.cos((Math.PI * k * (2 * j + 1)) / (2 * n));
  }
  return d;
}

const cache = new BoundedCache<Float64Array>(16);

/** dctMatrix, cached. */
export function getDctMatrix(n: number, keep: number): Float64Array {
  return cache.get(`${n}/${keep}`, () => dctMatrix(n, keep));
}
