/**
 * Generated C of the motion blocks (raw, flatten, spectral analysis with FFT) against the TypeScript blocks:
 * each parameter set is generated, compiled as C99 and as C++ (gcc/g++ -O2 -Wall -Wextra -Werror
 * -Wdouble-promotion), run on virtual-board gesture windows and seeded random windows, and every feature must
 * lie within 1e-4 × max(|TS value|, floor) of the TS value. Floors: none for raw (one float32 product per
 * value), testUtils/floors.ts for flatten and spectral analysis. No feature is excused as ill-conditioned (compareFeatures.ts): every one is within its tolerance.
 */
import { describe, expect, it } from 'vitest';
import { framesPerWindow } from '../../dataset/windowing';
import { flattenBlock } from '../../dsp/flatten';
import { GESTURE_IMPULSE } from '../../learn/gestureBenchSet';
import { checkBlock, summarise, type TestImpulse } from './testUtils/checkBlock';
import { flattenFloor, spectralFloor, type Floor } from './testUtils/floors';
import { describeFailures } from './testUtils/compareFeatures';
import { gestureWindows, randomWindows } from './testUtils/windows';

const ACC = ['accX', 'accY', 'accZ'];
const IMU6 = [...ACC, 'gyrX', 'gyrY', 'gyrZ'];

function motion(
  block: TestImpulse['dsp']['block'],
  params: TestImpulse['dsp']['params'],
  input: Partial<TestImpulse['input']> = {},
): TestImpulse {
  return { input: { ...GESTURE_IMPULSE.input, ...input }, dsp: { block, params } };
}

/** Gesture windows plus random ones (accelerometer-like: an offset and unit noise). */
function windowsFor(impulse: TestImpulse, seed: number, rateHz?: number): Float32Array[] {
  const values = framesPerWindow(impulse.input) * impulse.input.axes.length;
  return [
    ...gestureWindows(impulse.input, { rateHz, seconds: Math.max(3, impulse.input.windowSizeMs / 1000 + 1) }),
    ...randomWindows(values, 3, seed, 1, 9.81),
  ];
}

/** Every feature within its tolerance, in the C and the C++ build. */
async function expectMatches(impulse: TestImpulse, windows: Float32Array[], floor?: Floor) {
  const check = await checkBlock(impulse, windows, { floor });
  for (const { comparison } of check.results) {
    expect(comparison.failureCount, `${summarise(check)}\n${describeFailures(comparison)}`).toBe(0);
    expect(comparison.excused, summarise(check)).toEqual([]);
  }
  return check;
}

describe('generated C: raw data', () => {
  it.each([
    ['defaults', {}],
    ['scale-axes 0.1 (not a float32 value)', { 'scale-axes': 0.1 }],
  ])('%s', async (_name, params) => {
    const impulse = motion('raw', params);
    await expectMatches(impulse, windowsFor(impulse, 1));
  });
});

describe('generated C: flatten', () => {
  it.each([
    ['defaults, accelerometer', {}, ACC],
    [
      'average, rms and kurtosis of 6 axes scaled by 9.81',
      { minimum: false, maximum: false, stdev: false, skewness: false, 'scale-axes': 9.81 },
      IMU6,
    ],
    [
      'minimum and maximum only',
      { average: false, rms: false, stdev: false, skewness: false, kurtosis: false },
      ACC,
    ],
  ])('%s', async (_name, params, axes) => {
    const impulse = motion('flatten', params, { axes });
    await expectMatches(
      impulse,
      windowsFor(impulse, 2),
      flattenFloor(flattenBlock.parseParams(params), axes.length),
    );
  });

  it('gives exactly skewness 0 and kurtosis −3 for a constant axis, as the float64 reference', async () => {
    const impulse = motion('flatten', {});
    const constant = new Float32Array(framesPerWindow(impulse.input) * 3).fill(9.81);
    const check = await expectMatches(impulse, [constant], flattenFloor(flattenBlock.parseParams({}), 3));
    for (const { c } of check.results) expect(Array.from(c[0].slice(5, 7))).toEqual([0, -3]);
  });
});

describe('generated C: spectral analysis (FFT)', () => {
  it.each<[string, Record<string, unknown>, Partial<TestImpulse['input']>]>([
    ['defaults (no filter, FFT 16, log)', {}, {}],
    ['the gesture impulse (low-pass 3 Hz, FFT 128)', GESTURE_IMPULSE.dsp.params, {}],
    [
      'high-pass 5 Hz order 4, FFT 64, linear, no overlap, 6 axes',
      {
        'filter-type': 'high',
        'filter-cutoff': 5,
        'filter-order': 4,
        'fft-length': 64,
        'do-log': false,
        'do-fft-overlap': false,
      },
      { axes: IMU6 },
    ],
    [
      'low-pass order 8, FFT 256 (zero-padded frames), scale-axes 2.5',
      { 'filter-type': 'low', 'filter-cutoff': 8, 'filter-order': 8, 'fft-length': 256, 'scale-axes': 2.5 },
      {},
    ],
    ['extra-low-freq without decimation', { 'extra-low-freq': true }, {}],
    [
      'input-decimation-ratio 3, low-pass 5 Hz at 100 Hz',
      { 'input-decimation-ratio': 3, 'filter-type': 'low', 'filter-cutoff': 5, 'fft-length': 32 },
      { frequencyHz: 100 },
    ],
    [
      'input-decimation-ratio 10, high-pass 2 Hz, linear, at 500 Hz',
      {
        'input-decimation-ratio': 10,
        'filter-type': 'high',
        'filter-cutoff': 2,
        'fft-length': 32,
        'do-log': false,
      },
      { frequencyHz: 500 },
    ],
    [
      'input-decimation-ratio 30 and extra-low-freq at 1 kHz, 4 s',
      { 'input-decimation-ratio': 30, 'extra-low-freq': true, 'fft-length': 16 },
      { frequencyHz: 1000, windowSizeMs: 4000, axes: ['accX'] },
    ],
    [
      'input-decimation-ratio 100 at 1 kHz, 4 s',
      { 'input-decimation-ratio': 100, 'fft-length': 8 },
      { frequencyHz: 1000, windowSizeMs: 4000, axes: ['accZ'] },
    ],
  ])('%s', async (_name, params, input) => {
    const impulse = motion('spectral', params as TestImpulse['dsp']['params'], input);
    await expectMatches(impulse, windowsFor(impulse, 3), spectralFloor(impulse));
  });
});
