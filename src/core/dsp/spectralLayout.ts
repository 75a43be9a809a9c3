/**
 * What each feature of the spectral block is (spectral.ts): for every analysis (the main one, then the extra
 * low-frequency one when enabled) and every axis, five statistics followed by the kept FFT bins, each bin
 * with its frequency. The studio's window view draws from this, so no DSP knowledge lives in the UI.
 */
import type { WindowShape } from './block';
import { spectralAnalyses, type Analysis, type SpectralParams } from './spectral';

/** The statistics before the bins, in the order run() writes them. */
export const SPECTRAL_STATISTICS = ['RMS', 'Skewness', 'Kurtosis', 'Spectral skewness', 'Spectral kurtosis'];

export interface SpectralSection {
  analysis: 'main' | 'low-frequency';
  axis: string;
  /** Sample rate the analysis works at (after input decimation, and ÷10 for the low-frequency one), Hz. */
  sampleRateHz: number;
  /** Feature index of each statistic, in SPECTRAL_STATISTICS order. */
  statistics: number[];
  /** Feature index and centre frequency of each kept bin. */
  bins: Array<{ index: number; hz: number }>;
}

export interface SpectralLayout {
  /** Bins hold log10 of the power (`do-log`), else the power itself. */
  logPower: boolean;
  /** Main analysis of every axis first, then the low-frequency analysis of every axis. */
  sections: SpectralSection[];
  featureCount: number;
}

/** The layout of the features `spectralBlock.run(params, window, shape)` gives; `axes` names the axes. */
export function spectralLayout(params: SpectralParams, shape: WindowShape, axes: string[]): SpectralLayout {
  const { fftLength, main, lowFreq } = spectralAnalyses(params, shape);
  const sections: SpectralSection[] = [];
  let at = 0;
  const add = (analysis: SpectralSection['analysis'], a: Analysis) => {
    for (let axis = 0; axis < shape.axes; axis++) {
      const statistics = SPECTRAL_STATISTICS.map(() => at++);
      const bins: SpectralSection['bins'] = [];
      for (let k = a.firstBin; k <= a.lastBin; k++) bins.push({ index: at++, hz: (k * a.fs) / fftLength });
      sections.push({
        analysis,
        axis: axes[axis] ?? `axis ${axis + 1}`,
        sampleRateHz: a.fs,
        statistics,
        bins,
      });
    }
  };
  add('main', main);
  if (lowFreq) add('low-frequency', lowFreq);
  return { logPower: params['do-log'], sections, featureCount: at };
}
