/**
 * Windows to run the generated DSP on: real-shaped ones (the virtual board's gestures, cut by the impulse's
 * own windowing; the shared 1 s recordings at 16 kHz; the virtual microphone) and seeded random ones.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sliceWindows } from '../../../dataset/windowing';
import { parseWav } from '../../../formats/wav';
import type { Impulse } from '../../../impulse/impulse';
import { gaussian, seededRandom } from '../../../random';
import { createVirtualAudio, VIRTUAL_AUDIO_RATE_HZ } from '../../../virtual/audio';
import { createGestureStream, GESTURES, IMU_SENSORS } from '../../../virtual/gestures';

const AUDIO = resolve(process.cwd(), '../shared/testdata/audio');
export const WAV_NAMES = ['yes', 'no', 'noise', 'silence'] as const;

/**
 * Every gesture of the virtual board for `seconds` at `rateHz`, windowed as the impulse says (its axes must be
 * IMU axes), `perGesture` windows of each.
 */
export function gestureWindows(
  input: Impulse['input'],
  { rateHz = input.frequencyHz, seconds = 3, perGesture = 2, seed = 11 } = {},
): Float32Array[] {
  return GESTURES.flatMap((gesture, i) => {
    const stream = createGestureStream({ gesture, sampleRateHz: rateHz, seed: seed + i });
    const sample = {
      values: stream.next(Math.round(seconds * rateHz)),
      sensors: [...IMU_SENSORS],
      intervalMs: 1000 / rateHz,
    };
    return sliceWindows(sample, input).windows.slice(0, perGesture);
  });
}

/** The shared recordings (1 s, 16 kHz, int16) as raw-valued windows, in WAV_NAMES order. */
export function wavWindows(): Float32Array[] {
  return WAV_NAMES.map((name) => {
    const file = `${name}_1000ms.wav`;
    const { sample } = parseWav(file, new Uint8Array(readFileSync(resolve(AUDIO, file))));
    return Float32Array.from(sample.values);
  });
}

/** `count` windows of `values` Gaussian values × `scale` (+ `offset`), from `seed`. */
export function randomWindows(
  values: number,
  count: number,
  seed: number,
  scale = 1,
  offset = 0,
): Float32Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () =>
    Float32Array.from({ length: values }, () => offset + scale * gaussian(random)),
  );
}

/** Random int16-valued audio: Gaussian noise of the given RMS, rounded and clipped. */
export function randomAudio(values: number, count: number, seed: number, rms = 3000): Float32Array[] {
  return randomWindows(values, count, seed, rms).map((w) =>
    w.map((v) => Math.max(-32768, Math.min(32767, Math.round(v)))),
  );
}

/** One window of `frames` values from each of the virtual microphone's tone and whistle modes at `rateHz`. */
export function virtualAudioWindows(
  frames: number,
  rateHz = VIRTUAL_AUDIO_RATE_HZ,
  seed = 5,
): Float32Array[] {
  return (['tone', 'whistle'] as const).map((mode, i) =>
    Float32Array.from(createVirtualAudio({ mode, seed: seed + i, sampleRateHz: rateHz }).next(frames)),
  );
}
