/**
 * Synthetic recordings for the scale bench (issue 19): motion gestures and sounds that a model can tell apart,
 * generated sample by sample from a seed, so a large project can be built without holding all of it at once.
 */
import { gaussian, seededRandom } from '../random';
import { AUDIO_UNITS, type SensorInfo } from './sample';

export const SCALE_GESTURES = ['idle', 'wave', 'circle', 'shake'] as const;
export const SCALE_SOUNDS = ['hum', 'whistle', 'noise'] as const;

export const SCALE_IMU_SENSORS: SensorInfo[] = [
  { name: 'accX', units: 'm/s2' },
  { name: 'accY', units: 'm/s2' },
  { name: 'accZ', units: 'm/s2' },
];
export const SCALE_AUDIO_SENSORS: SensorInfo[] = [{ name: 'audio', units: AUDIO_UNITS }];

const GRAVITY = 9.81;

/** A 3-axis accelerometer recording (interleaved x, y, z) of one gesture, frames at `hz`. */
export function gestureValues(
  gesture: (typeof SCALE_GESTURES)[number],
  frames: number,
  hz: number,
  seed: number,
): Float32Array {
  const rand = seededRandom(seed);
  // Each recording varies its pace, strength and phase, so the classes overlap a little, as real takes do.
  const pace = 0.85 + 0.3 * rand();
  const strength = 0.8 + 0.4 * rand();
  const phase = 2 * Math.PI * rand();
  const values = new Float32Array(frames * 3);
  for (let i = 0; i < frames; i++) {
    const t = i / hz;
    let x = 0;
    let y = 0;
    let z = GRAVITY;
    if (gesture === 'wave') {
      x = 6 * strength * Math.sin(2 * Math.PI * 1.5 * pace * t + phase);
      z += 1.5 * strength * Math.sin(2 * Math.PI * 3 * pace * t + phase);
    } else if (gesture === 'circle') {
      x = 4 * strength * Math.sin(2 * Math.PI * pace * t + phase);
      y = 4 * strength * Math.cos(2 * Math.PI * pace * t + phase);
    } else if (gesture === 'shake') {
      y = 8 * strength * Math.sin(2 * Math.PI * 5 * pace * t + phase);
      x = 2 * strength * Math.sin(2 * Math.PI * 10 * pace * t);
    }
    values[i * 3] = x + 0.3 * gaussian(rand);
    values[i * 3 + 1] = y + 0.3 * gaussian(rand);
    values[i * 3 + 2] = z + 0.3 * gaussian(rand);
  }
  return values;
}

/** A mono 16-bit recording of one sound: a low hum with harmonics, a rising whistle, or broadband noise. */
export function soundValues(
  sound: (typeof SCALE_SOUNDS)[number],
  frames: number,
  hz: number,
  seed: number,
): Int16Array {
  const rand = seededRandom(seed);
  const level = 3000 + 6000 * rand();
  const pitch = 0.9 + 0.2 * rand();
  const values = new Int16Array(frames);
  let phase = 2 * Math.PI * rand();
  for (let i = 0; i < frames; i++) {
    const t = i / hz;
    let s: number;
    if (sound === 'hum') {
      const f = 180 * pitch;
      s =
        Math.sin(2 * Math.PI * f * t) +
        0.5 * Math.sin(4 * Math.PI * f * t) +
        0.25 * Math.sin(6 * Math.PI * f * t);
    } else if (sound === 'whistle') {
      // The instantaneous frequency rises from 1.8 to 3 kHz over a second, and again.
      phase += (2 * Math.PI * (1800 + 1200 * (t % 1)) * pitch) / hz;
      s = 1.2 * Math.sin(phase);
    } else {
      s = 0.6 * gaussian(rand);
    }
    const background = 0.05 * gaussian(rand);
    values[i] = Math.max(-32768, Math.min(32767, Math.round(level * (s + background))));
  }
  return values;
}
