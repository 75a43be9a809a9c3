/**
 * The two inner loops of PCA, unrolled by four. V8 does not vectorise, and a single running sum is bound by
 * the latency of each add; four independent sums (and four independent updates) run about three times
 * faster in Node 20 on 650-long vectors.
 */

/** Σ a[offset + t]·x[t] for t < length. */
export function dot(a: Float64Array, offset: number, x: Float64Array, length: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t = 0;
  for (; t + 3 < length; t += 4) {
    s0 += a[offset + t] * x[t];
    s1 += a[offset + t + 1] * x[t + 1];
    s2 += a[offset + t + 2] * x[t + 2];
    s3 += a[offset + t + 3] * x[t + 3];
  }
  for (; t < length; t++) s0 += a[offset + t] * x[t];
  return s0 + s1 + (s2 + s3);
}

/** out[offset + t] += alpha·x[t] for t < length. */
export function addScaled(
  out: Float64Array,
  offset: number,
  alpha: number,
  x: Float64Array,
  length: number,
): void {
  let t = 0;
  for (; t + 3 < length; t += 4) {
    out[offset + t] += alpha * x[t];
    out[offset + t + 1] += alpha * x[t + 1];
    out[offset + t + 2] += alpha * x[t + 2];
    out[offset + t + 3] += alpha * x[t + 3];
  }
  for (; t < length; t++) out[offset + t] += alpha * x[t];
}
