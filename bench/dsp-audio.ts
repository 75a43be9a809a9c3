/**
 * dsp.mfe_windows_per_s, dsp.mfcc_windows_per_s: feature generation throughput in Node for 1 s windows of
 * 16 kHz audio (a deterministic chirp plus noise; the cost does not depend on the content) with each block's
 * default parameters, best of 5 timed runs after a warm-up.
 */
import type { BlockParams, DspBlock, WindowShape } from '../src/core/dsp/block';
import { mfccBlock } from '../src/core/dsp/mfcc';
import { mfeBlock } from '../src/core/dsp/mfe';
import { timeMs, type Benchmark, type BenchResult } from './types';

const FS = 16000;
const WINDOWS = 200;
const SHAPE: WindowShape = { axes: 1, frames: FS, frequencyHz: FS };

function audioWindow(): Float32Array {
  let seed = 1;
  return Float32Array.from({ length: FS }, (_, i) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const t = i / FS;
    return Math.round(
      8000 * Math.sin(2 * Math.PI * (200 * t + 1500 * t * t)) + (seed / 2147483648 - 0.5) * 2000,
    );
  });
}

function windowsPerSecond<P extends BlockParams>(block: DspBlock<P>, window: Float32Array): BenchResult {
  const params = block.parseParams({});
  const expected = block.describe(params, SHAPE).featureCount;
  const once = () => {
    for (let w = 0; w < WINDOWS; w++)
      if (block.run(params, window, SHAPE).length !== expected)
        throw new Error(`${block.title}: wrong feature count`);
  };
  once();
  const ms = timeMs(once);
  return { value: WINDOWS / (ms / 1000), unit: 'windows/s', goal: '≥ 1000 (1 s @ 16 kHz, default params)' };
}

export const dspAudioBench: Benchmark = {
  name: 'dsp.audio',
  run: async () => {
    const window = audioWindow();
    return {
      'dsp.mfe_windows_per_s': windowsPerSecond(mfeBlock, window),
      'dsp.mfcc_windows_per_s': windowsPerSecond(mfccBlock, window),
    };
  },
};
