/**
 * The 14 features Edge Impulse's spectral block takes from each wavelet sub-band (common/wavelet.py
 * get_features), in its order, with the arithmetic of the numpy 1.21 / SciPy 1.7 calls it makes (the versions
 * its blocks pin):
 *
 * - entropy: SciPy `entropy` of `np.histogram(x, bins=100, density=True)` — 100 equal bins from min to max
 *   (edges from np.linspace in float64, stored in the data's dtype; each value binned as numpy's fast path
 *   does, then moved across an edge it lands on the wrong side of), densities count / width / total;
 * - zcross, mcross: sign changes of x > 0 and of x > mean(x), divided by the length;
 * - n5, n25, n75, n95, median: sorted[int((n − 1)·p/100 + 0.5)];
 * - mean, std, var (ddof 1), rms, skew, kurtosis (excess; both 0 when rms is 0; SciPy's zero-variance rule
 *   gives 0 and −3) — of the *sorted* values, as the reference sorts in place before taking them.
 *
 * The data's dtype decides the arithmetic: on float32 coefficients numpy rounds every step to float32
 * (pairwise sums included), SciPy's moments too, while entropy, the crossing rates, and the final
 * skew/kurtosis quotients are float64. `float32` selects that; otherwise everything is float64.
 */
import { numpySum } from './statistics';

export const WAVELET_FEATURES = [
  'entropy',
  'zcross',
  'mcross',
  'n5',
  'n25',
  'n75',
  'n95',
  'median',
  'mean',
  'std',
  'var',
  'rms',
  'skew',
  'kurtosis',
] as const;

const BINS = 100;
/** np.finfo(dtype).resolution, SciPy's zero-variance threshold factor. */
const RESOLUTION32 = Math.fround(1e-6);
const RESOLUTION64 = 1e-15;
const identity = (x: number) => x;

/** Reused buffers. */
let sorted = new Float64Array(0);
let scratch = new Float64Array(0);
const counts = new Float64Array(BINS);
const density = new Float64Array(BINS);
const edges = new Float64Array(BINS + 1);

/** `np.mean`: numpy's sum, then divided by the count (in float32 for float32 data). */
function mean(x: Float64Array, n: number, round: (v: number) => number): number {
  return round(numpySum(x, 0, n, round) / n);
}

/** Mean of f(x) over x[0 … n), each f(x) rounded (numpy's elementwise step, then np.mean). */
function meanOf(x: Float64Array, n: number, f: (v: number) => number, round: (v: number) => number): number {
  for (let i = 0; i < n; i++) scratch[i] = round(f(x[i]));
  return mean(scratch, n, round);
}

function entropy(x: Float64Array, n: number, round: (v: number) => number): number {
  let min = x[0];
  let max = x[0];
  for (let i = 1; i < n; i++) {
    if (x[i] < min) min = x[i];
    if (x[i] > max) max = x[i];
  }
  // Equal values all fall into one bin (numpy widens the range by ±0.5): the entropy of one bin is 0.
  if (min === max) return 0;
  const step = (max - min) / BINS;
  for (let k = 0; k < BINS; k++) edges[k] = round(k * step + min);
  edges[BINS] = max;
  // norm = n_bins / (last − first) in float64, then cast to the data's dtype for x − first times norm.
  const norm = round(BINS / round(max - min));
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    let bin = Math.trunc(round(round(x[i] - min) * norm));
    if (bin === BINS) bin--;
    if (x[i] < edges[bin]) bin--;
    if (bin !== BINS - 1 && x[i] >= edges[bin + 1]) bin++;
    counts[bin]++;
  }
  for (let k = 0; k < BINS; k++) density[k] = counts[k] / round(edges[k + 1] - edges[k]) / n;
  // scipy.stats.entropy: p = density / Σ density; Σ −p·ln p (0 for p = 0), both sums as numpy's.
  const total = numpySum(density, 0, BINS, identity);
  for (let k = 0; k < BINS; k++) {
    const p = (1.0 * density[k]) / total;
    density[k] = p > 0 ? -p * Math.log(p) : 0;
  }
  return numpySum(density, 0, BINS, identity);
}

/** Sign changes of (x > threshold) between neighbours, divided by the length. */
function crossings(x: Float64Array, n: number, threshold: number): number {
  let changes = 0;
  for (let i = 1; i < n; i++) if (x[i] > threshold !== x[i - 1] > threshold) changes++;
  return changes / n;
}

function percentile(values: Float64Array, n: number, p: number): number {
  return values[Math.trunc(((n - 1) * p) / 100 + 0.5)];
}

/**
 * SciPy 1.7 skew and (excess) kurtosis of the sorted values s with mean m and m2 = mean((s − m)²): the central
 * moments m3, m4 in the data's dtype (d², d²·d, (d²)², as _moment forms them), the quotients in float64; zero
 * variance (m2 ≤ (resolution·mean)²) gives 0 and −3.
 */
function shape(s: Float64Array, n: number, m: number, m2: number, float32: boolean): [number, number] {
  const round = float32 ? Math.fround : identity;
  const d2 = (v: number) => round(round(v - m) * round(v - m));
  const m3 = meanOf(s, n, (v) => d2(v) * round(v - m), round);
  const m4 = meanOf(s, n, (v) => d2(v) ** 2, round);
  const resolution = float32 ? RESOLUTION32 : RESOLUTION64;
  const zeroVariance = m2 <= round(round(resolution * m) ** 2);
  return [zeroVariance ? 0 : m3 / m2 ** 1.5, (zeroVariance ? 0 : m4 / (m2 * m2)) - 3];
}

/** Writes the 14 features of x[0 … n) at out[at …]; n ≥ 2. */
export function subBandFeatures(
  x: Float64Array,
  n: number,
  float32: boolean,
  out: Float32Array,
  at: number,
): void {
  const round = float32 ? Math.fround : identity;
  if (sorted.length < n) {
    sorted = new Float64Array(n);
    scratch = new Float64Array(n);
  }
  out[at++] = entropy(x, n, round);
  out[at++] = crossings(x, n, 0);
  out[at++] = crossings(x, n, mean(x, n, round));

  sorted.set(x.subarray(0, n));
  const s = sorted.subarray(0, n).sort();
  for (const p of [5, 25, 75, 95, 50]) out[at++] = percentile(s, n, p);
  const m = mean(s, n, round);
  // np.std / np.var: Σ (s − m)², each deviation and square rounded, then divided.
  for (let i = 0; i < n; i++) scratch[i] = round(round(s[i] - m) * round(s[i] - m));
  const ss = numpySum(scratch, 0, n, round);
  const rms = round(Math.sqrt(meanOf(s, n, (v) => v * v, round)));
  out[at++] = m;
  out[at++] = round(Math.sqrt(round(ss / n)));
  out[at++] = round(ss / (n - 1));
  out[at++] = rms;
  const [skew, kurtosis] = rms === 0 ? [0, 0] : shape(s, n, m, round(ss / n), float32);
  out[at] = skew;
  out[at + 1] = kurtosis;
}
