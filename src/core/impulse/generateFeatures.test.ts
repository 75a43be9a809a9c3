import { describe, expect, it } from 'vitest';
import type { SampleValues, SensorInfo } from '../dataset/sample';
import { sliceWindows } from '../dataset/windowing';
import type { BlockId } from '../dsp/block';
import { describeImpulse, sampleFeatures, streamSampleFeatures } from './generateFeatures';
import type { ImpulseInput } from './impulse';

type Sample = { values: SampleValues; sensors: SensorInfo[]; intervalMs: number };

function audio(seconds: number, fs: number): Sample {
  let s = 3;
  const values = Int16Array.from({ length: Math.round(seconds * fs) }, (_, i) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.round(6000 * Math.sin(i / 5) + (s / 2147483648 - 0.5) * 12000);
  });
  return { values, sensors: [{ name: 'audio', units: 'wav' }], intervalMs: 1000 / fs };
}

function motion(frames: number): Sample {
  const values = Float32Array.from({ length: frames * 3 }, (_, i) => Math.sin(i / 7) * (1 + (i % 3)));
  const sensors = ['accX', 'accY', 'accZ'].map((name) => ({ name, units: 'm/s2' }));
  return { values, sensors, intervalMs: 16 };
}

const AUDIO: ImpulseInput = {
  windowSizeMs: 1000,
  windowStrideMs: 250,
  frequencyHz: 16000,
  zeroPad: true,
  axes: ['audio'],
};
const MOTION: ImpulseInput = {
  windowSizeMs: 2000,
  windowStrideMs: 80,
  frequencyHz: 62.5,
  zeroPad: true,
  axes: ['accX', 'accY', 'accZ'],
};

/** The features of every window as sliceWindows cuts them and the block's `run` computes them. */
function perWindow(input: ImpulseInput, block: BlockId, sample: Sample) {
  const sliced = sliceWindows(sample, input);
  const { block: b, params } = describeImpulse({ dsp: { block, params: {} } }, sliced.shape);
  return { sliced, rows: sliced.windows.map((w) => b.run(params, w, sliced.shape)) };
}

describe('streamSampleFeatures', () => {
  const cases: [string, ImpulseInput, BlockId, Sample][] = [
    ['MFE (frames reused)', AUDIO, 'mfe', audio(3.3, 16000)],
    ['MFCC (frames reused over two phases)', AUDIO, 'mfcc', audio(3.3, 16000)],
    [
      'spectrogram at a stride that is no whole number of frames',
      { ...AUDIO, windowStrideMs: 333 },
      'spectrogram',
      audio(2.5, 16000),
    ],
    ['MFCC from 8 kHz audio resampled to 16 kHz', AUDIO, 'mfcc', audio(2.2, 8000)],
    ['MFE of one zero-padded window', AUDIO, 'mfe', audio(0.6, 16000)],
    ['spectral analysis (no frame reuse)', MOTION, 'spectral', motion(300)],
    ['flatten (no frame reuse)', MOTION, 'flatten', motion(300)],
  ];
  for (const [name, input, block, sample] of cases)
    it(`gives every window the features of run on that window: ${name}`, () => {
      const impulse = { input, dsp: { block, params: {} } };
      const expected = perWindow(input, block, sample);
      const stream = streamSampleFeatures(impulse, sample);
      expect(stream.windowCount).toBe(expected.rows.length);
      expect(stream.featureCount).toBe(expected.rows[0].length);
      expect(stream.shape).toEqual(describeImpulse(impulse, expected.sliced.shape).shape);
      expect(stream.skippedReason).toBeUndefined();
      // Each row is copied as it comes: the next one may overwrite it.
      const rows = Array.from(stream.rows(), (r) => ({ ...r, features: r.features.slice() }));
      expect(rows.map((r) => r.index)).toEqual(expected.rows.map((_, i) => i));
      expect(rows.map((r) => r.startMs)).toEqual(expected.sliced.startMs);
      rows.forEach((r, i) => expect(r.features).toEqual(expected.rows[i]));
      // sampleFeatures is the same, row after row.
      const all = sampleFeatures(impulse, sample);
      expect(all.features).toEqual(Float32Array.from(expected.rows.flatMap((r) => Array.from(r))));
      expect(Array.from(all.startMs)).toEqual(expected.sliced.startMs.map(Math.fround));
    });

  it('can be read again, and says why a sample gives no window', () => {
    const impulse = { input: AUDIO, dsp: { block: 'mfe' as const, params: {} } };
    const stream = streamSampleFeatures(impulse, audio(1.5, 16000));
    const first = Array.from(stream.rows(), (r) => r.features.slice());
    const again = Array.from(stream.rows(), (r) => r.features.slice());
    expect(again).toEqual(first);

    const short = streamSampleFeatures(
      { ...impulse, input: { ...AUDIO, zeroPad: false } },
      audio(0.5, 16000),
    );
    expect(short.windowCount).toBe(0);
    expect([...short.rows()]).toEqual([]);
    expect(short.skippedReason).toMatch(/500 ms long, shorter than the 1000 ms window/);
    expect(short.shape).toEqual([99, 40]);
  });
});
