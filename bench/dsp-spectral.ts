/**
 * dsp.spectral_windows_per_s: spectral-analysis windows per second in Node for the gesture impulse (3 axes at
 * 62.5 Hz, 2 s windows = 125 frames, FFT 128, low-pass 3 Hz order 6), best of 5 runs over 2000 windows of
 * realistic motion data.
 */
import { spectralBlock } from '../src/core/dsp/spectral';
import { seededRandom } from '../src/core/protocol/testUtils/streams';
import { timeMs, type Benchmark } from './types';

const WINDOWS = 2000;
const SHAPE = { axes: 3, frames: 125, frequencyHz: 62.5 };

function motionWindows(): Float32Array[] {
  const random = seededRandom(42);
  return Array.from({ length: WINDOWS }, () => {
    const w = new Float32Array(SHAPE.frames * SHAPE.axes);
    const hz = 0.5 + 4 * random();
    for (let i = 0; i < SHAPE.frames; i++)
      for (let a = 0; a < SHAPE.axes; a++)
        w[i * SHAPE.axes + a] =
          (a + 1) * Math.sin((2 * Math.PI * hz * i) / SHAPE.frequencyHz + a) + random() - 0.5;
    return w;
  });
}

export const dspSpectralBench: Benchmark = {
  name: 'dsp.spectral',
  run: async () => {
    const params = spectralBlock.parseParams({
      'filter-type': 'low',
      'filter-cutoff': 3,
      'filter-order': 6,
      'fft-length': 128,
    });
    const { featureCount } = spectralBlock.describe(params, SHAPE);
    if (featureCount !== 33) throw new Error(`expected 33 features, got ${featureCount}`);
    const windows = motionWindows();
    let checksum = 0;
    const ms = timeMs(() => {
      for (const w of windows) checksum += spectralBlock.run(params, w, SHAPE)[0];
    });
    if (!Number.isFinite(checksum)) throw new Error('spectral features are not finite');
    return {
      'dsp.spectral_windows_per_s': {
        value: WINDOWS / (ms / 1000),
        unit: 'windows/s',
        goal: '≥ 20000',
      },
    };
  },
};
