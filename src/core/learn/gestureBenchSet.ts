import { createGestureStream, GESTURES, IMU_SENSORS } from '../virtual/gestures';
import type { Impulse } from '../impulse/impulse';
import { trainingSetFromSamples, type LabelledSample } from './trainingSet';

/**
 * The standard gesture impulse of the benchmarks and docs: 2 s windows every 0.5 s of the accelerometer at
 * 62.5 Hz, spectral analysis with a 3 Hz low-pass (33 features), classified by a 33→20→10→N network.
 */
export const GESTURE_IMPULSE: Pick<Impulse, 'input' | 'dsp'> = {
  input: {
    windowSizeMs: 2000,
    windowStrideMs: 500,
    frequencyHz: 62.5,
    zeroPad: true,
    axes: ['accX', 'accY', 'accZ'],
  },
  dsp: { block: 'spectral', params: { 'filter-type': 'low', 'filter-cutoff': 3, 'fft-length': 128 } },
};

/**
 * Virtual-board recordings of four gestures (idle, wave, circle, punch), `secondsPerGesture` each, at 62.5 Hz:
 * a reproducible dataset for benchmarks (≈ 2 windows per second of recording per gesture).
 */
export function gestureBenchSamples(secondsPerGesture: number, seed = 7): LabelledSample[] {
  return GESTURES.filter((g) => g !== 'shake').map((gesture, i) => {
    const stream = createGestureStream({ gesture, sampleRateHz: 62.5, seed: seed + i });
    const values = stream.next(Math.round(secondsPerGesture * 62.5));
    return { id: `bench-${gesture}`, label: gesture, values, sensors: [...IMU_SENSORS], intervalMs: 16 };
  });
}

/** Roughly `windows` training rows of the standard gesture impulse. */
export function gestureBenchSet(windows: number) {
  const seconds = windows / 4 / 2 + 2;
  return trainingSetFromSamples(GESTURE_IMPULSE, gestureBenchSamples(seconds), true);
}
