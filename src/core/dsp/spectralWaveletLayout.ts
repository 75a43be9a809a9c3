/**
 * What each feature of the spectral block's Wavelet analysis is (spectralWavelet.ts): for every axis, the 14
 * statistics of every sub-band, approximation first — the reference's labels L0 … L<level> — with the band of
 * frequencies each sub-band holds. The studio's window view draws from this, so no DSP knowledge lives in the UI.
 */
import type { WindowShape } from './block';
import { type SpectralParams } from './spectralParams';
import { WAVELET_FEATURES } from './waveletFeatures';

export interface WaveletBand {
  /** The reference's label prefix: L0 is the approximation, L1 … the details from the coarsest on. */
  label: string;
  /** "approximation" or "detail", and its decomposition level. */
  kind: 'approximation' | 'detail';
  level: number;
  /** The frequencies it holds (ideal half-band split of the analysed rate), Hz. */
  fromHz: number;
  toHz: number;
}

export interface WaveletLayout {
  bands: WaveletBand[];
  /** Per axis: its name and, per band, the feature index of each of WAVELET_FEATURES. */
  axes: Array<{ axis: string; features: number[][] }>;
  featureCount: number;
}

/** The layout of the features `spectralBlock.run(params, window, shape)` gives in Wavelet mode. */
export function waveletLayout(params: SpectralParams, shape: WindowShape, axes: string[]): WaveletLayout {
  const level = params['wavelet-level'];
  const nyquist = shape.frequencyHz / params['input-decimation-ratio'] / 2;
  const bands: WaveletBand[] = [
    { label: 'L0', kind: 'approximation', level, fromHz: 0, toHz: nyquist / 2 ** level },
  ];
  for (let k = 1; k <= level; k++) {
    const l = level - k + 1;
    bands.push({
      label: `L${k}`,
      kind: 'detail',
      level: l,
      fromHz: nyquist / 2 ** l,
      toHz: nyquist / 2 ** (l - 1),
    });
  }
  let at = 0;
  const perAxis = Array.from({ length: shape.axes }, (_, a) => ({
    axis: axes[a] ?? `axis ${a + 1}`,
    features: bands.map(() => WAVELET_FEATURES.map(() => at++)),
  }));
  return { bands, axes: perAxis, featureCount: at };
}
