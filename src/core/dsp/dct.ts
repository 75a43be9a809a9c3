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

/**
 * out[offset + k] = Σ_j D[k·n + j]·x[j] for rows k = from … to − 1 of a dctMatrix with n columns. Each sum
 * adds its terms in the order j = 0, 1, …; four rows run side by side, so four independent sums keep the
 * floating-point adder busy instead of waiting on one sum's previous addition.
 */
export function applyDctRows(
  d: Float64Array,
  n: number,
  x: Float64Array,
  out: Float64Array,
  offset: number,
  from: number,
  to: number,
): void {
  let k = from;
  for (; k + 4 <= to; k += 4) {
    const r0 = k * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < n; j++) {
      const v = x[j];
      s0 += d[r0 + j] * v;
      s1 += d[r1 + j] * v;
      s2 += d[r2 + j] * v;
      s3 += d[r3 + j] * v;
    }
    out[offset + k] = s0;
    out[offset + k + 1] = s1;
    out[offset + k + 2] = s2;
    out[offset + k + 3] = s3;
  }
  for (; k < to; k++) {
    let s = 0;
    for (let j = 0, r = k * n; j < n; j++) s += d[r + j] * x[j];
    out[offset + k] = s;
  }
}
