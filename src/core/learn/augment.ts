import { StudioError } from '../errors';
import { gaussian } from '../random';

export interface MotionAugmentation {
  /** σ of the added Gaussian noise, as a fraction of each axis's standard deviation in the window. */
  noise: number;
  /** The window is multiplied by one factor drawn from U(1 − scale, 1 + scale); 0 ≤ scale < 1. */
  scale: number;
  /** Largest time shift, as a fraction of the window's length (0…1); vacated samples repeat the edge value. */
  shift: number;
}

function invalid(problem: string): StudioError {
  return new StudioError('augmentation-settings', `Augmentation: ${problem}`);
}

function meanAndStd(values: ArrayLike<number>, start: number, stride: number): [number, number] {
  const n = Math.floor((values.length - start + stride - 1) / stride);
  let mean = 0;
  for (let i = start; i < values.length; i += stride) mean += values[i];
  mean /= n;
  let variance = 0;
  for (let i = start; i < values.length; i += stride) variance += (values[i] - mean) ** 2;
  return [mean, Math.sqrt(variance / n)];
}

/**
 * A new motion window (samples × axes, interleaved by axis) shifted in time, scaled in amplitude (about zero,
 * so an offset such as gravity scales too) and with noise added, in that order. Deterministic for a given rand.
 */
export function augmentMotionWindow(
  window: Float32Array,
  axisCount: number,
  rand: () => number,
  options: MotionAugmentation,
): Float32Array {
  const { noise, scale, shift } = options;
  if (!(
    Number.isInteger(axisCount) &&
    axisCount >= 1 &&
    window.length > 0 &&
    window.length % axisCount === 0
  )) {
    throw invalid(`a window of ${window.length} values does not hold whole samples of ${axisCount} axes.`);
  }
  if (!(noise >= 0 && scale >= 0 && scale < 1 && shift >= 0 && shift <= 1)) {
    throw invalid(
      `noise must be ≥ 0, scale in [0, 1) and shift in [0, 1] (got ${noise}, ${scale}, ${shift}).`,
    );
  }
  const samples = window.length / axisCount;
  const maxShift = Math.floor(shift * samples);
  const offset = Math.round((2 * rand() - 1) * maxShift);
  const factor = 1 + (2 * rand() - 1) * scale;
  const out = new Float32Array(window.length);
  for (let a = 0; a < axisCount; a++) {
    const sigma = noise * meanAndStd(window, a, axisCount)[1];
    for (let s = 0; s < samples; s++) {
      const from = Math.min(samples - 1, Math.max(0, s - offset));
      const jitter = sigma > 0 ? sigma * gaussian(rand) : 0;
      out[s * axisCount + a] = window[from * axisCount + a] * factor + jitter;
    }
  }
  return out;
}

export interface SpectrogramAugmentation {
  /** Bands of whole frames masked per window, each 0…timeMaskMax frames wide. */
  timeMasks: number;
  timeMaskMax: number;
  /** Bands of whole coefficients masked per window, each 0…freqMaskMax coefficients wide. */
  freqMasks: number;
  freqMaskMax: number;
  /** σ of the added Gaussian noise, as a fraction of the standard deviation of the window's features. */
  noise: number;
}

/**
 * SpecAugment-style augmentation (Park et al. 2019, without time warping) of time-frequency features
 * (frames × coefs, row-major), as a new array: noise first, then time and frequency masks whose cells are set to
 * the mean of the window's features, so a masked band carries no information but no outlying value either.
 */
export function augmentSpectrogramFeatures(
  features: Float32Array,
  frames: number,
  coefs: number,
  rand: () => number,
  options: SpectrogramAugmentation,
): Float32Array {
  const { timeMasks, timeMaskMax, freqMasks, freqMaskMax, noise } = options;
  if (!(Number.isInteger(frames) && Number.isInteger(coefs) && frames > 0 && coefs > 0)) {
    throw invalid(`the features need a whole number of frames and coefficients (got ${frames} × ${coefs}).`);
  }
  if (features.length !== frames * coefs) {
    throw invalid(`${features.length} features are not ${frames} frames × ${coefs} coefficients.`);
  }
  const counts = [timeMasks, timeMaskMax, freqMasks, freqMaskMax];
  if (!counts.every((c) => Number.isInteger(c) && c >= 0) || !(noise >= 0)) {
    throw invalid(`mask counts and widths must be whole numbers ≥ 0 and noise ≥ 0.`);
  }
  const [mean, std] = meanAndStd(features, 0, 1);
  const out = Float32Array.from(features);
  const sigma = noise * std;
  if (sigma > 0) for (let i = 0; i < out.length; i++) out[i] += sigma * gaussian(rand);
  for (let m = 0; m < timeMasks; m++) {
    const width = Math.floor(rand() * (Math.min(timeMaskMax, frames) + 1));
    const start = Math.floor(rand() * (frames - width + 1));
    out.fill(mean, start * coefs, (start + width) * coefs);
  }
  for (let m = 0; m < freqMasks; m++) {
    const width = Math.floor(rand() * (Math.min(freqMaskMax, coefs) + 1));
    const start = Math.floor(rand() * (coefs - width + 1));
    for (let f = 0; f < frames; f++) out.fill(mean, f * coefs + start, f * coefs + start + width);
  }
  return out;
}
