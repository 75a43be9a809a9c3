/**
 * Population statistics of a strided series, as Edge Impulse's blocks compute them with numpy and SciPy 1.7
 * (the version its processing blocks pin): mean, RMS = √mean(x²), population std, skewness m3/m2^1.5 and
 * excess kurtosis m4/m2² − 3 from central moments m_k = mean((x − mean)^k).
 *
 * Zero variance is SciPy's test m2 ≤ (resolution · mean)², with the resolution of the data's dtype (1e-6 for
 * float32, 1e-15 for float64): there skewness is 0 and excess kurtosis −3, never NaN.
 *
 * These are computed in float64; on float32 data SciPy works in float32, so results agree to ~1e-6 relative.
 */

export const FLOAT32_RESOLUTION = 1e-6;
export const FLOAT64_RESOLUTION = 1e-15;

/** Mean, mean square (RMS²) and central moments 2–4 of a series. */
export class Moments {
  mean = 0;
  meanSquare = 0;
  m2 = 0;
  m3 = 0;
  m4 = 0;
}

/**
 * Moments of values[start + i·stride], i < count (population, two passes), written into `into` (a reused
 * object keeps hot loops allocation-free).
 */
export function moments(
  values: ArrayLike<number>,
  start = 0,
  count = values.length - start,
  stride = 1,
  into = new Moments(),
): Moments {
  if (!(count >= 1) || start < 0 || start + (count - 1) * stride >= values.length)
    throw new RangeError(`statistics need 1 or more values inside the series, not ${count} from ${start}`);
  const end = start + count * stride;
  let sum = 0;
  let sumSquares = 0;
  for (let i = start; i < end; i += stride) {
    sum += values[i];
    sumSquares += values[i] * values[i];
  }
  const mean = sum / count;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = start; i < end; i += stride) {
    const d = values[i] - mean;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  into.mean = mean;
  into.meanSquare = sumSquares / count;
  into.m2 = s2 / count;
  into.m3 = s3 / count;
  into.m4 = s4 / count;
  return into;
}

function hasZeroVariance(m: Moments, resolution: number): boolean {
  return m.m2 <= (resolution * m.mean) ** 2;
}

/** Skewness m3/m2^1.5; 0 when the variance is zero (SciPy 1.7 skew). */
export function skewnessOf(m: Moments, resolution = FLOAT64_RESOLUTION): number {
  return hasZeroVariance(m, resolution) ? 0 : m.m3 / m.m2 ** 1.5;
}

/** Excess kurtosis m4/m2² − 3; −3 when the variance is zero (SciPy 1.7 kurtosis, Fisher). */
export function kurtosisOf(m: Moments, resolution = FLOAT64_RESOLUTION): number {
  return (hasZeroVariance(m, resolution) ? 0 : m.m4 / (m.m2 * m.m2)) - 3;
}

export const mean = (values: ArrayLike<number>): number => moments(values).mean;
export const rms = (values: ArrayLike<number>): number => Math.sqrt(moments(values).meanSquare);
export const std = (values: ArrayLike<number>): number => Math.sqrt(moments(values).m2);
export const skewness = (values: ArrayLike<number>, resolution = FLOAT64_RESOLUTION): number =>
  skewnessOf(moments(values), resolution);
export const kurtosis = (values: ArrayLike<number>, resolution = FLOAT64_RESOLUTION): number =>
  kurtosisOf(moments(values), resolution);

const PAIRWISE_BLOCK = 128;

/**
 * numpy's pairwise summation of values[start … start + n) (umath pairwise_sum: eight accumulators over blocks
 * of ≤ 128, halves rounded down to a multiple of 8 above that), each addition rounded by `round`.
 */
function pairwiseSum(
  values: ArrayLike<number>,
  start: number,
  n: number,
  round: (x: number) => number,
): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res = round(res + values[start + i]);
    return res;
  }
  if (n <= PAIRWISE_BLOCK) {
    let r0 = values[start];
    let r1 = values[start + 1];
    let r2 = values[start + 2];
    let r3 = values[start + 3];
    let r4 = values[start + 4];
    let r5 = values[start + 5];
    let r6 = values[start + 6];
    let r7 = values[start + 7];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const at = start + i;
      r0 = round(r0 + values[at]);
      r1 = round(r1 + values[at + 1]);
      r2 = round(r2 + values[at + 2]);
      r3 = round(r3 + values[at + 3]);
      r4 = round(r4 + values[at + 4]);
      r5 = round(r5 + values[at + 5]);
      r6 = round(r6 + values[at + 6]);
      r7 = round(r7 + values[at + 7]);
    }
    let res = round(round(round(r0 + r1) + round(r2 + r3)) + round(round(r4 + r5) + round(r6 + r7)));
    for (; i < n; i++) res = round(res + values[start + i]);
    return res;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return round(pairwiseSum(values, start, half, round) + pairwiseSum(values, start + half, n - half, round));
}

/** numpy reduces a contiguous array in buffers of 8192 values (NPY_BUFSIZE), added one after another. */
const NUMPY_BUFFER = 8192;

/**
 * `np.sum` of values[start … start + count): numpy's pairwise summation within each 8192-value buffer, the
 * buffers' sums added in turn, each addition rounded by `round` (Math.fround for float32 data).
 */
export function numpySum(
  values: ArrayLike<number>,
  start: number,
  count: number,
  round: (x: number) => number,
): number {
  let sum = 0;
  for (let at = 0; at < count; at += NUMPY_BUFFER)
    sum = round(sum + pairwiseSum(values, start + at, Math.min(NUMPY_BUFFER, count - at), round));
  return sum;
}

const identity = (x: number) => x;

/** `np.mean` of the first `count` values of a float32 array: numpy's float32 sum, then divided by count. */
export function numpyMeanFloat32(values: Float32Array, count: number): number {
  return Math.fround(numpySum(values, 0, count, Math.fround) / count);
}

/** `np.mean` of the first `count` values of a float64 array (numpy's sum, then divided by count). */
export function numpyMeanFloat64(values: Float64Array, count: number): number {
  return numpySum(values, 0, count, identity) / count;
}
