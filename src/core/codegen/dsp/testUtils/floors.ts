/**
 * Absolute floors of the motion blocks' features for compareFeatures (for features near 0, whose float32 error
 * is relative to what they are computed from):
 * - flatten: the axis' RMS for average, minimum, maximum, RMS and std; 1 for skewness and kurtosis
 *   (dimensionless);
 * - spectral (FFT): none for RMS; 1 for the four skewness/kurtosis statistics and for log10 powers (a log10 near 0
 *   is a power near 1, whose error is relative); without do-log, the largest kept power of the axis' analysis (a
 *   float32 FFT's error is relative to the spectrum's peak).
 */
import { framesPerWindow } from '../../../dataset/windowing';
import type { FlattenParams } from '../../../dsp/flatten';
import { spectralBlock, type SpectralParams } from '../../../dsp/spectral';
import { spectralLayout } from '../../../dsp/spectralLayout';
import type { CheckOptions, TestImpulse } from './checkBlock';

export type Floor = NonNullable<CheckOptions['floor']>;

const FLATTEN_STATISTICS = ['average', 'minimum', 'maximum', 'rms', 'stdev', 'skewness', 'kurtosis'] as const;

export function flattenFloor(params: FlattenParams, axes: number): Floor {
  const chosen = FLATTEN_STATISTICS.filter((s) => params[s]);
  return (feature, _ts, window) => {
    const statistic = chosen[feature % chosen.length];
    if (statistic === 'skewness' || statistic === 'kurtosis') return 1;
    const axis = Math.floor(feature / chosen.length);
    let squares = 0;
    for (let i = axis; i < window.length; i += axes) squares += (window[i] * params['scale-axes']) ** 2;
    return Math.sqrt(squares / (window.length / axes));
  };
}

export function spectralFloor(impulse: TestImpulse): Floor {
  const params = spectralBlock.parseParams(impulse.dsp.params) as SpectralParams;
  const shape = {
    axes: impulse.input.axes.length,
    frames: framesPerWindow(impulse.input),
    frequencyHz: impulse.input.frequencyHz,
  };
  const layout = spectralLayout(params, shape, impulse.input.axes);
  const kinds: string[] = [];
  const sectionOf: number[] = [];
  // Per feature: the RMS, a skewness/kurtosis (time domain or spectral: dimensionless) or a bin.
  layout.sections.forEach((section, s) => {
    ['rms', 'moment', 'moment', 'moment', 'moment'].forEach((kind, i) => {
      kinds[section.statistics[i]] = kind;
      sectionOf[section.statistics[i]] = s;
    });
    for (const bin of section.bins) {
      kinds[bin.index] = 'bin';
      sectionOf[bin.index] = s;
    }
  });
  return (feature, ts) => {
    const kind = kinds[feature];
    if (kind === 'rms') return 0;
    if (kind !== 'bin' || layout.logPower) return 1;
    return Math.max(...layout.sections[sectionOf[feature]].bins.map((b) => Math.abs(ts[b.index])));
  };
}
