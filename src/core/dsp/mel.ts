/**
 * Triangular mel filterbank (DESIGN.md §5, Edge Impulse's speechpy fork): mel = 1127·ln(1 + f/700);
 * num_filters + 2 points linear in mel from low to high, back to Hz, the last lowered by 0.001 Hz;
 * bin = floor((nFFT + 1)·hz / fs); filter i over bins l = b[i], m = b[i+1], r = b[i+2] weighs bin k
 * (k − l)/(m − l) for l < k ≤ m and (r − k)/(r − m) for m ≤ k < r. Filters are stored as sparse ranges.
 */
import { StudioError } from '../errors';
import { BoundedCache } from './boundedCache';

export function hzToMel(hz: number): number {
  return 1127 * Math.log(1 + hz / 700);
}

export function melToHz(mel: number): number {
  return 700 * (Math.exp(mel / 1127) - 1);
}

export interface MelFilterbank {
  readonly filters: number;
  /** Spectrum bins the filters read: nFFT/2 + 1. */
  readonly bins: number;
  /** Filter i weighs bins first[i] … first[i] + count[i] − 1 with weights[offset[i] …]. */
  readonly first: Int32Array;
  readonly count: Int32Array;
  readonly offset: Int32Array;
  readonly weights: Float64Array;
}

/** FFT bin of each of the num_filters + 2 edge points. */
export function melEdgeBins(
  filters: number,
  fftLength: number,
  fs: number,
  lowHz: number,
  highHz: number,
): Int32Array {
  const lowMel = hzToMel(lowHz);
  const highMel = hzToMel(highHz);
  const points = filters + 2;
  const step = (highMel - lowMel) / (points - 1);
  const bins = new Int32Array(points);
  for (let p = 0; p < points; p++) {
    // As numpy.linspace: p·step + start, the last point exactly the stop value.
    const mel = p === points - 1 ? highMel : p * step + lowMel;
    let hz = melToHz(mel);
    if (p === points - 1) hz -= 0.001;
    bins[p] = Math.floor(((fftLength + 1) * hz) / fs);
  }
  return bins;
}

/** Weight of bin k in the triangle (l, m, r). */
function triangle(k: number, l: number, m: number, r: number): number {
  if (m <= k && k < r) return (r - k) / (r - m);
  if (l < k && k <= m) return (k - l) / (m - l);
  return 0;
}

function build(
  filters: number,
  fftLength: number,
  fs: number,
  lowHz: number,
  highHz: number,
): MelFilterbank | number {
  const edges = melEdgeBins(filters, fftLength, fs, lowHz, highHz);
  const first = new Int32Array(filters);
  const count = new Int32Array(filters);
  const offset = new Int32Array(filters);
  const weights: number[] = [];
  for (let i = 0; i < filters; i++) {
    const [l, m, r] = [edges[i], edges[i + 1], edges[i + 2]];
    let lo = -1;
    let hi = -1;
    for (let k = l; k <= r; k++) {
      if (triangle(k, l, m, r) === 0) continue;
      if (lo < 0) lo = k;
      hi = k;
    }
    if (lo < 0) return i;
    first[i] = lo;
    count[i] = hi - lo + 1;
    offset[i] = weights.length;
    for (let k = lo; k <= hi; k++) weights.push(triangle(k, l, m, r));
  }
  return { filters, bins: fftLength / 2 + 1, first, count, offset, weights: Float64Array.from(weights) };
}

/**
 * The filterbank for `filters` filters over an nFFT-point spectrum at `fs` Hz between lowHz and highHz
 * (0 < highHz ≤ fs/2, lowHz < highHz: the caller checks). A filter without any non-zero weight is a
 * StudioError('dsp-config') naming num_filters and the largest count that works.
 */
export function melFilterbank(
  blockTitle: string,
  filters: number,
  fftLength: number,
  fs: number,
  lowHz: number,
  highHz: number,
): MelFilterbank {
  const built = build(filters, fftLength, fs, lowHz, highHz);
  if (typeof built !== 'number') return built;
  let fits = filters - 1;
  while (fits > 1 && typeof build(fits, fftLength, fs, lowHz, highHz) === 'number') fits--;
  throw new StudioError(
    'dsp-config',
    `${blockTitle}: num_filters ${filters} is too many for fft_length ${fftLength} between ${lowHz} and ${highHz} Hz at ` +
      `${fs} Hz: mel filter ${built + 1} covers no FFT bin. Lower num_filters to ${fits} or less, or raise ` +
      'fft_length.',
  );
}

const cache = new BoundedCache<MelFilterbank>(32);

/** melFilterbank, cached per parameter set. */
export function getMelFilterbank(
  blockTitle: string,
  filters: number,
  fftLength: number,
  fs: number,
  lowHz: number,
  highHz: number,
): MelFilterbank {
  return cache.get(`${filters}/${fftLength}/${fs}/${lowHz}/${highHz}`, () =>
    melFilterbank(blockTitle, filters, fftLength, fs, lowHz, highHz),
  );
}

/** out[outOffset + i] = Σ_k weight_i(k)·power[k] for every filter i. */
export function applyMelFilterbank(
  bank: MelFilterbank,
  power: Float64Array,
  out: Float64Array,
  outOffset: number,
): void {
  const { filters, first, count, offset, weights } = bank;
  for (let i = 0; i < filters; i++) {
    let sum = 0;
    const w0 = offset[i] - first[i];
    for (let k = first[i], end = first[i] + count[i]; k < end; k++) sum += weights[w0 + k] * power[k];
    out[outOffset + i] = sum;
  }
}
