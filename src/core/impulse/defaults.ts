import type { SampleMeta } from '../dataset/sample';
import { isAudio } from '../dataset/sample';
import type { ImpulseDsp, ImpulseInput } from './impulse';

/**
 * A sensible starting impulse for a dataset: keywords (1 s windows, MFCC) for audio, the gesture impulse
 * (2 s windows, spectral analysis with a low-pass filter, every axis of the first sample) for motion, as Edge
 * Impulse's tutorials set them up.
 */
export function defaultImpulse(samples: Pick<SampleMeta, 'sensors' | 'intervalMs'>[]): {
  input: ImpulseInput;
  dsp: ImpulseDsp;
} {
  const first = samples[0];
  if (first && isAudio(first)) {
    return {
      input: {
        windowSizeMs: 1000,
        windowStrideMs: 500,
        frequencyHz: Math.round(1000 / first.intervalMs),
        zeroPad: true,
        axes: ['audio'],
      },
      dsp: { block: 'mfcc', params: {} },
    };
  }
  const hz = first ? Number((1000 / first.intervalMs).toFixed(3)) : 62.5;
  // Every axis the data has (accelerometer and gyroscope together, say): the model standardises its features,
  // so axes of very different scales train side by side.
  const axes = first ? first.sensors.map((s) => s.name) : ['accX', 'accY', 'accZ'];
  return {
    input: { windowSizeMs: 2000, windowStrideMs: 500, frequencyHz: hz, zeroPad: true, axes },
    dsp: { block: 'spectral', params: { 'filter-type': 'low', 'filter-cutoff': 3, 'fft-length': 128 } },
  };
}

/** Why a sample cannot feed the impulse (an axis it lacks), or null. */
export function missingAxes(
  sample: Pick<SampleMeta, 'sensors'>,
  input: Pick<ImpulseInput, 'axes'>,
): string | null {
  const names = new Set(sample.sensors.map((s) => s.name));
  const missing = input.axes.filter((a) => !names.has(a));
  return missing.length > 0 ? `has no ${missing.join(', ')} axis` : null;
}
