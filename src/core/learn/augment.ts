import { gaussian } from '../random';

export interface MotionAugmentation {
  /** σ of added noise as a fraction of each axis's standard deviation in the window. */
  noise: number;
  /** Amplitude scaled by a factor in [1 − scale, 1 + scale] per window. */
  scale: number;
  /** Largest shift as a fraction of the window; vacated frames repeat the edge value. */
  shift: number;
}

/** A new window (frames × axes, interleaved) with noise, scaling and a time shift applied. */
export function augmentMotionWindow(window: Float32Array, axisCount: number, rand: () => number, o: MotionAugmentation): Float32Array {
  const frames = window.length / axisCount;
  const out = new Float32Array(window.length);
  const maxShift = Math.floor(o.shift * frames);
  const shift = maxShift > 0 ? Math.round((rand() * 2 - 1) * maxShift) : 0;
  const factor = 1 + (rand() * 2 - 1) * o.scale;
  for (let a = 0; a < axisCount; a++) {
    let mean = 0;
    for (let f = 0; f < frames; f++) mean += window[f * axisCount + a] / frames;
    let variance = 0;
    for (let f = 0; f < frames; f++) variance += (window[f * axisCount + a] - mean) ** 2 / frames;
    const sigma = o.noise * Math.sqrt(variance);
    for (let f = 0; f < frames; f++) {
      const src = Math.min(frames - 1, Math.max(0, f - shift));
      out[f * axisCount + a] = window[src * axisCount + a] * factor + (sigma > 0 ? sigma * gaussian(rand) : 0);
    }
  }
  return out;
}

export interface SpectrogramAugmentation {
  timeMasks: number;
  timeMaskMax: number;
  freqMasks: number;
  freqMaskMax: number;
  /** σ of added noise as a fraction of the window's feature standard deviation. */
  noise: number;
}

/**
 * SpecAugment-style: a few bands of frames and of coefficients set to the window's mean value, plus noise.
 * `features` is frames × coefs, row-major; the result is a new array.
 */
export function augmentSpectrogramFeatures(features: Float32Array, frames: number, coefs: number, rand: () => number, o: SpectrogramAugmentation): Float32Array {
  const out = Float32Array.from(features);
  let mean = 0;
  for (const v of features) mean += v / features.length;
  let variance = 0;
  for (const v of features) variance += (v - mean) ** 2 / features.length;
  for (let m = 0; m < o.timeMasks; m++) {
    const width = Math.floor(rand() * (Math.min(o.timeMaskMax, frames) + 1));
    const start = Math.floor(rand() * (frames - width + 1));
    for (let f = start; f < start + width; f++) out.fill(mean, f * coefs, (f + 1) * coefs);
  }
  for (let m = 0; m < o.freqMasks; m++) {
    const width = Math.floor(rand() * (Math.min(o.freqMaskMax, coefs) + 1));
    const start = Math.floor(rand() * (coefs - width + 1));
    for (let f = 0; f < frames; f++) out.fill(mean, f * coefs + start, f * coefs + start + width);
  }
  const sigma = o.noise * Math.sqrt(variance);
  if (sigma > 0) for (let i = 0; i < out.length; i++) out[i] += sigma * gaussian(rand);
  return out;
}
