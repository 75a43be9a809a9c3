/**
 * Generated C of spectral analysis with wavelet analysis against the TypeScript block: generated, compiled as
 * C99 and C++ (-O2 -Wall -Wextra -Werror -Wdouble-promotion), run on virtual-board gestures and seeded random
 * windows; every feature within 1e-4 × max(|TS value|, floor), the floor being the sub-band's scale: 1 for the
 * dimensionless features (entropy, crossing rates, skewness, kurtosis), the sub-band's RMS for the percentiles,
 * mean, std and RMS, its square for the variance. No feature is excused as ill-conditioned.
 */
import { describe, expect, it } from 'vitest';
import { framesPerWindow } from '../../dataset/windowing';
import { WAVELET_FEATURES } from '../../dsp/waveletFeatures';
import { GESTURE_IMPULSE } from '../../learn/gestureBenchSet';
import { checkBlock, summarise, type CheckOptions, type TestImpulse } from './testUtils/checkBlock';
import { describeFailures } from './testUtils/compareFeatures';
import { gestureWindows, randomWindows } from './testUtils/windows';

const RMS = WAVELET_FEATURES.indexOf('rms');
const VARIANCE = WAVELET_FEATURES.indexOf('var');
const DIMENSIONLESS = new Set<string>(['entropy', 'zcross', 'mcross', 'skew', 'kurtosis']);

const subBandFloor: NonNullable<CheckOptions['floor']> = (feature, ts) => {
  const band = feature - (feature % WAVELET_FEATURES.length);
  const which = feature % WAVELET_FEATURES.length;
  if (DIMENSIONLESS.has(WAVELET_FEATURES[which])) return 1;
  const rms = ts[band + RMS];
  return which === VARIANCE ? rms * rms : rms;
};

describe('generated C: spectral analysis (wavelet)', () => {
  it.each<[string, Record<string, unknown>, Partial<TestImpulse['input']>]>([
    ['defaults (db4, level 1) on the gesture window', {}, {}],
    ['haar, level 0 (the signal itself)', { wavelet: 'haar', 'wavelet-level': 0 }, {}],
    [
      'sym5, level 2, low-pass 10 Hz at 100 Hz',
      { wavelet: 'sym5', 'wavelet-level': 2, 'filter-type': 'low', 'filter-cutoff': 10 },
      { frequencyHz: 100 },
    ],
    [
      'bior3.5, level 3 at 200 Hz, 6 axes',
      { wavelet: 'bior3.5', 'wavelet-level': 3 },
      { frequencyHz: 200, axes: ['accX', 'accY', 'accZ', 'gyrX', 'gyrY', 'gyrZ'] },
    ],
    [
      'rbio2.2, level 2, high-pass 2 Hz, scale-axes 0.5',
      {
        wavelet: 'rbio2.2',
        'wavelet-level': 2,
        'filter-type': 'high',
        'filter-cutoff': 2,
        'scale-axes': 0.5,
      },
      { frequencyHz: 100 },
    ],
    [
      'db10, level 1, input-decimation-ratio 3 at 300 Hz (float64 in the studio)',
      { wavelet: 'db10', 'input-decimation-ratio': 3 },
      { frequencyHz: 300 },
    ],
    [
      'coif3, level 2, input-decimation-ratio 10 with low-pass 5 Hz at 1 kHz',
      {
        wavelet: 'coif3',
        'wavelet-level': 2,
        'input-decimation-ratio': 10,
        'filter-type': 'low',
        'filter-cutoff': 5,
      },
      { frequencyHz: 1000, windowSizeMs: 3000 },
    ],
  ])('%s', async (_name, params, input) => {
    const impulse: TestImpulse = {
      input: { ...GESTURE_IMPULSE.input, ...input },
      dsp: {
        block: 'spectral',
        params: { 'analysis-type': 'Wavelet', ...params } as TestImpulse['dsp']['params'],
      },
    };
    const values = framesPerWindow(impulse.input) * impulse.input.axes.length;
    const windows = [
      ...gestureWindows(impulse.input, { seconds: impulse.input.windowSizeMs / 1000 + 1 }),
      ...randomWindows(values, 3, 4, 1, 9.81),
    ];
    const check = await checkBlock(impulse, windows, { floor: subBandFloor });
    for (const { comparison } of check.results) {
      expect(comparison.failureCount, `${summarise(check)}\n${describeFailures(comparison)}`).toBe(0);
      expect(comparison.excused, summarise(check)).toEqual([]);
    }
  });
});
