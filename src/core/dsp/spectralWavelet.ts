/**
 * Wavelet analysis of the spectral block (Edge Impulse's spectral_analysis, implementation versions 3–4,
 * `analysis-type` Wavelet; common/wavelet.py): per axis, after the same scaling, decimation, filter and mean
 * removal as FFT analysis, `pywt.wavedec(x, wavelet, level)` in symmetric mode and the 14 features of every
 * sub-band, approximation first: [cA_level, cD_level, …, cD_1], labelled L0 … L<level> by the reference.
 * The window must hold at least 32·2^level samples per axis (at the decimated rate), as the reference demands.
 */
import { StudioError } from '../errors';
import { SPECTRAL_TITLE, type SpectralParams } from './spectralParams';
import { WAVELET_FEATURES, subBandFeatures } from './waveletFeatures';
import { waveletFilters, type WaveletFilters } from './waveletFilters';
import { wavedec } from './waveletTransform';

export interface WaveletPlan {
  filters: WaveletFilters;
  level: number;
  /** Features of one axis: 14 per sub-band, level + 1 sub-bands. */
  perAxis: number;
}

/** The reference's minimum window for a level (common/wavelet.py get_min_length). */
export const minimumSamples = (level: number): number => 32 * 2 ** level;

/** Checks the window against the level; `fs` is the rate after input decimation. */
export function waveletPlan(params: SpectralParams, samples: number, fs: number): WaveletPlan {
  const level = params['wavelet-level'];
  const needed = minimumSamples(level);
  if (needed > samples) {
    const decimated = params['input-decimation-ratio'] > 1 ? ' after input decimation' : '';
    throw new StudioError(
      'dsp-config',
      `${SPECTRAL_TITLE}: wavelet-level ${level} needs at least ${needed} samples per axis (32 × 2^${level})` +
        `${decimated}, the window has ${samples}: make the window at least ${Math.ceil((needed / fs) * 1000)} ms ` +
        'long or lower wavelet-level.',
    );
  }
  return {
    filters: waveletFilters(params.wavelet),
    level,
    perAxis: WAVELET_FEATURES.length * (level + 1),
  };
}

/**
 * The features of one axis, signal[0 … samples) (mean removed; float32 values when `float32`, as without input
 * decimation the reference works in float32), written at out[at …].
 */
export function waveletAxisFeatures(
  plan: WaveletPlan,
  signal: Float64Array,
  samples: number,
  float32: boolean,
  out: Float32Array,
  at: number,
): void {
  for (const band of wavedec(signal, samples, plan.filters, plan.level, float32)) {
    subBandFeatures(band, band.length, float32, out, at);
    at += WAVELET_FEATURES.length;
  }
}
