/**
 * The spectral block's parameters, as Edge Impulse's spectral_analysis/parameters.json (implementation
 * version 4) declares them: names, defaults, allowed values, in its order. Also accepted: the reference's
 * Python keyword spellings (`fft_length` for `fft-length`: generate_features takes its parameters by these
 * names) and the keys only implementation version 1 reads, which are ignored.
 */
import { isPowerOfTwo } from './fft';
import { booleanRule, choiceRule, numberRule, type ParamRule, type ParamSpec } from './params';
import { WAVELETS, type WaveletName } from './waveletFilters';

export type SpectralParams = {
  'scale-axes': number;
  'input-decimation-ratio': number;
  'filter-type': 'none' | 'low' | 'high';
  'filter-cutoff': number;
  'filter-order': number;
  'analysis-type': 'FFT' | 'Wavelet';
  'fft-length': number;
  'do-log': boolean;
  'do-fft-overlap': boolean;
  'wavelet-level': number;
  wavelet: WaveletName;
  'extra-low-freq': boolean;
};

export const SPECTRAL_TITLE = 'Spectral analysis';

const DEFAULTS: SpectralParams = {
  'scale-axes': 1,
  'input-decimation-ratio': 1,
  'filter-type': 'none',
  'filter-cutoff': 3,
  'filter-order': 6,
  'analysis-type': 'FFT',
  'fft-length': 16,
  'do-log': true,
  'do-fft-overlap': true,
  'wavelet-level': 1,
  wavelet: 'db4',
  'extra-low-freq': false,
};

/** Decimation ratios of the reference and the stages each is done in (common/sampling.py get_ratio_combo). */
export const DECIMATION_STAGES: Record<number, number[]> = {
  1: [],
  3: [3],
  10: [10],
  30: [3, 10],
  100: [10, 10],
  1000: [10, 10, 10],
};

const integerRule = numberRule({ integer: true });

function oneOfRule(expected: string, allowed: (n: number) => boolean): ParamRule<number> {
  return {
    expected,
    parse(value) {
      const n = integerRule.parse(value);
      return n !== undefined && allowed(n) ? n : undefined;
    },
  };
}

const RULES = {
  'scale-axes': numberRule(),
  'input-decimation-ratio': oneOfRule('one of 1, 3, 10, 30, 100, 1000', (n) => n in DECIMATION_STAGES),
  'filter-type': choiceRule(['none', 'low', 'high'] as const),
  'filter-cutoff': numberRule({ above: 0 }),
  'filter-order': oneOfRule('an even integer from 2 to 8', (n) => n >= 2 && n <= 8 && n % 2 === 0),
  'analysis-type': choiceRule(['FFT', 'Wavelet'] as const),
  'fft-length': oneOfRule('a power of two from 2 to 65536', (n) => n >= 2 && n <= 65536 && isPowerOfTwo(n)),
  'do-log': booleanRule(),
  'do-fft-overlap': booleanRule(),
  // "Decomposition level (must be >= 0)"; how deep a window allows is checked against the window.
  'wavelet-level': numberRule({ integer: true, min: 0 }),
  wavelet: choiceRule(WAVELETS),
  'extra-low-freq': booleanRule(),
};

const VERSION_1_ONLY =
  'read only by implementation version 1 (spectral peaks and power edges); version 4 ignores it';
const FFT_ONLY = 'used by FFT analysis only';
const WAVELET_ONLY = 'used by Wavelet analysis only';
const FILTER_ONLY = 'used only by a low- or high-pass filter';

const underscored = (key: string) => key.replaceAll('-', '_');
const HYPHENATED = Object.keys(DEFAULTS).filter((key) => key.includes('-')) as (keyof SpectralParams)[];

export const SPECTRAL_SPEC: ParamSpec<SpectralParams> = {
  title: SPECTRAL_TITLE,
  defaults: DEFAULTS,
  rules: RULES,
  aliases: Object.fromEntries(HYPHENATED.map((key) => [underscored(key), key])),
  ignored: Object.fromEntries(
    ['spectral-peaks-count', 'spectral-peaks-threshold', 'spectral-power-edges'].flatMap((key) => [
      [key, VERSION_1_ONLY],
      [underscored(key), VERSION_1_ONLY],
    ]),
  ),
  unused(given) {
    const out: Partial<Record<keyof SpectralParams, string>> = {};
    if (given['filter-type'] === 'none') out['filter-cutoff'] = out['filter-order'] = FILTER_ONLY;
    if (given['analysis-type'] === 'Wavelet')
      for (const key of ['fft-length', 'do-log', 'do-fft-overlap', 'extra-low-freq'] as const)
        out[key] = FFT_ONLY;
    if (given['analysis-type'] === 'FFT') out.wavelet = out['wavelet-level'] = WAVELET_ONLY;
    return out;
  },
};
