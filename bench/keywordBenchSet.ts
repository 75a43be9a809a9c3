/**
 * The keyword impulse of the compression and tuner benchmarks: 1 s MFCC windows of the shared WAVs (yes, no,
 * noise, silence), each WAV made into many clips by seeded shifts, gains and noise.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseWav } from '../src/core/formats/wav';
import type { Impulse } from '../src/core/impulse/impulse';
import type { LabelledSample } from '../src/core/learn/trainingSet';
import { gaussian, seededRandom } from '../src/core/random';

const AUDIO = resolve('../shared/testdata/audio');

export const KEYWORD_IMPULSE: Pick<Impulse, 'input' | 'dsp'> = {
  input: { windowSizeMs: 1000, windowStrideMs: 500, frequencyHz: 16000, zeroPad: true, axes: ['audio'] },
  dsp: {
    block: 'mfcc',
    params: { num_cepstral: 13, frame_length: 0.02, frame_stride: 0.02, fft_length: 256, low_frequency: 0 },
  },
};

/** `perClass` clips of every shared WAV: circularly shifted by up to ±0.2 s, gain 0.5–1.5, noise at 2 % of full scale. */
export function keywordSamples(perClass: number, seed: number): LabelledSample[] {
  const rand = seededRandom(seed);
  return ['yes', 'no', 'noise', 'silence'].flatMap((label) => {
    const file = `${label}_1000ms.wav`;
    const { sample } = parseWav(file, new Uint8Array(readFileSync(resolve(AUDIO, file))));
    const values = sample.values;
    return Array.from({ length: perClass }, (_, k) => {
      const shift = Math.round((rand() - 0.5) * 0.4 * values.length);
      const gain = 0.5 + rand();
      const clip = Int16Array.from({ length: values.length }, (_, i) => {
        const v = values[(i + shift + values.length) % values.length] * gain + 655 * gaussian(rand);
        return Math.max(-32768, Math.min(32767, Math.round(v)));
      });
      return {
        id: `${label}-${seed}-${k}`,
        label,
        values: clip,
        sensors: sample.sensors,
        intervalMs: sample.intervalMs,
      };
    });
  });
}
