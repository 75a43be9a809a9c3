/**
 * Multilevel discrete wavelet decomposition as `pywt.wavedec(x, wavelet, mode='symmetric', level)` computes it,
 * the call Edge Impulse's spectral block makes (common/wavelet.py dwt_features). Each level convolves with the
 * decomposition low-pass and high-pass filters and keeps every second output (PyWavelets'
 * downsampling_convolution, convolution.template.c), the signal extended by half-sample symmetry
 * (… x1 x0 | x0 x1 … x(N−1) | x(N−1) x(N−2) …). PyWavelets computes in the data's own precision: for float32
 * data every product and every partial sum is rounded to float32, and the taps are summed in its order, so
 * the result is bit for bit the same.
 */
import type { WaveletFilters } from './waveletFilters';

/** Coefficients per sub-band of one level in symmetric mode: ⌊(N + F − 1) / 2⌋ (PyWavelets dwt_coeff_len). */
export function dwtLength(samples: number, filterLength: number): number {
  return Math.floor((samples + filterLength - 1) / 2);
}

const identity = (x: number) => x;

/** x̃[k] of the half-sample symmetric extension (period 2N). */
function extended(x: ArrayLike<number>, n: number, k: number): number {
  if (k >= 0 && k < n) return x[k];
  const m = ((k % (2 * n)) + 2 * n) % (2 * n);
  return x[m < n ? m : 2 * n - 1 - m];
}

/**
 * out[o] = Σⱼ filter[j]·x̃[2o + 1 − j]. PyWavelets adds first the taps that reach past the right end (from tap
 * i − N down to 0), then the others in increasing order; with `float32` each product and each sum is rounded
 * to float32. Outputs whose taps all fall inside the signal take a loop without the extension.
 */
function downsamplingConvolution(
  x: ArrayLike<number>,
  n: number,
  filter: ArrayLike<number>,
  out: Float64Array,
  float32: boolean,
): void {
  const taps = filter.length;
  const f = Math.fround;
  for (let i = 1, o = 0; i < n + taps - 1; i += 2, o++) {
    let sum = 0;
    const right = i - n;
    if (right < 0 && i >= taps - 1) {
      if (float32) for (let j = 0; j < taps; j++) sum = f(sum + f(filter[j] * x[i - j]));
      else for (let j = 0; j < taps; j++) sum += filter[j] * x[i - j];
    } else {
      const round = float32 ? f : identity;
      for (let j = right; j >= 0; j--) sum = round(sum + round(filter[j] * extended(x, n, i - j)));
      for (let j = Math.max(0, right + 1); j < taps; j++)
        sum = round(sum + round(filter[j] * extended(x, n, i - j)));
    }
    out[o] = sum;
  }
}

/**
 * `pywt.wavedec` of x[0 … n): [cA_level, cD_level, …, cD_1] (level 0 gives [x] itself). `float32` selects
 * PyWavelets' float32 arithmetic and filters (x must then hold float32 values).
 */
export function wavedec(
  x: ArrayLike<number>,
  n: number,
  filters: WaveletFilters,
  level: number,
  float32: boolean,
): Float64Array[] {
  const lo = float32 ? filters.decLo32 : filters.decLo;
  const hi = float32 ? filters.decHi32 : filters.decHi;
  let approximation = new Float64Array(n);
  for (let i = 0; i < n; i++) approximation[i] = x[i];
  const details: Float64Array[] = [];
  for (let l = 0; l < level; l++) {
    const length = dwtLength(approximation.length, lo.length);
    const a = new Float64Array(length);
    const d = new Float64Array(length);
    downsamplingConvolution(approximation, approximation.length, lo, a, float32);
    downsamplingConvolution(approximation, approximation.length, hi, d, float32);
    details.push(d);
    approximation = a;
  }
  return [approximation, ...details.reverse()];
}
