/**
 * dsp.mfe_windows_per_s, dsp.mfcc_windows_per_s: feature generation throughput in Node as the studio runs it
 * (issue 16): one 600 s recording of 16 kHz audio (a deterministic chirp plus noise; the cost does not depend
 * on the content) cut into 1 s windows at a 250 ms stride, each block with its default parameters, through
 * streamSampleFeatures (resampling check, windowing and the block's frame reuse included); best of 3 timed
 * runs after a warm-up.
 */
import type { SampleValues } from '../src/core/dataset/sample';
import { streamSampleFeatures } from '../src/core/impulse/generateFeatures';
import type { BlockId } from '../src/core/dsp/block';
import { timeMs, type Benchmark, type BenchResult } from './types';

const FS = 16000;
const SECONDS = 600;

function recording(): {
  values: SampleValues;
  sensors: { name: string; units: string }[];
  intervalMs: number;
} {
  let seed = 1;
  const values = Int16Array.from({ length: FS * SECONDS }, (_, i) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const t = (i % FS) / FS;
    return Math.round(
      8000 * Math.sin(2 * Math.PI * (200 * t + 1500 * t * t)) + (seed / 2147483648 - 0.5) * 2000,
    );
  });
  return { values, sensors: [{ name: 'audio', units: 'wav' }], intervalMs: 1000 / FS };
}

function windowsPerSecond(block: BlockId, sample: ReturnType<typeof recording>, goal: string): BenchResult {
  const impulse = {
    input: { windowSizeMs: 1000, windowStrideMs: 250, frequencyHz: FS, zeroPad: true, axes: ['audio'] },
    dsp: { block, params: {} },
  };
  let windows = 0;
  const once = () => {
    const stream = streamSampleFeatures(impulse, sample);
    let seen = 0;
    for (const row of stream.rows()) {
      if (row.features.length !== stream.featureCount) throw new Error(`${block}: wrong feature count`);
      seen++;
    }
    windows = seen;
  };
  once();
  const ms = timeMs(once, 3);
  return { value: windows / (ms / 1000), unit: 'windows/s', goal };
}

export const dspAudioBench: Benchmark = {
  name: 'dsp.audio',
  run: async () => {
    const sample = recording();
    const workload = '600 s @ 16 kHz, 1 s windows, 250 ms stride, default params';
    return {
      'dsp.mfe_windows_per_s': windowsPerSecond('mfe', sample, `≥ 8000 (${workload})`),
      'dsp.mfcc_windows_per_s': windowsPerSecond('mfcc', sample, `≥ 10000 (${workload})`),
    };
  },
};
