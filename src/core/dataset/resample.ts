/**
 * Resampling of a sample's interleaved values to the impulse's frequency. The output has
 * ceil(frames · toHz / fromHz) frames (Edge Impulse's calc_resampled_size); output frame j is the signal at
 * source position j · fromHz / toHz.
 *
 * - Sensor data (Float32Array) is interpolated linearly between neighbouring frames (the last frame is held
 *   past the end). Fine for slow IMU signals; it does not remove content above the new Nyquist frequency.
 * - Audio (Int16Array) is resampled band-limited: a Blackman-windowed sinc with 16 zero crossings per side,
 *   cut off at 95% of the lower of the two Nyquist frequencies (so downsampling does not alias), evaluated
 *   from a finely tabulated kernel; values outside the sample count as silence.
 */
import { StudioError } from '../errors';
import type { SampleValues } from './sample';

/** Rates within 0.01% are treated as equal (no resampling). */
export function sameRate(fromHz: number, toHz: number): boolean {
  return Math.abs(fromHz - toHz) <= 1e-4 * toHz;
}

/** Frames after resampling `frames` frames from `fromHz` to `toHz`. */
export function resampledLength(frames: number, fromHz: number, toHz: number): number {
  if (frames === 0 || sameRate(fromHz, toHz)) return frames;
  return Math.max(1, Math.ceil((frames * toHz) / fromHz));
}

function checkRates(fromHz: number, toHz: number): void {
  for (const [name, hz] of [
    ['sample', fromHz],
    ['target', toHz],
  ] as const)
    if (!(hz > 0 && Number.isFinite(hz)))
      throw new StudioError(
        'resample-rate',
        `Cannot resample: the ${name} frequency ${hz} Hz is not a positive number.`,
      );
}

function linear(values: SampleValues, axes: number, frames: number, step: number, out: Float32Array): void {
  const outFrames = out.length / axes;
  for (let j = 0; j < outFrames; j++) {
    const position = j * step;
    const i = Math.floor(position);
    const frac = position - i;
    for (let a = 0; a < axes; a++) {
      const x0 = values[Math.min(i, frames - 1) * axes + a];
      out[j * axes + a] = i + 1 < frames ? x0 + frac * (values[(i + 1) * axes + a] - x0) : x0;
    }
  }
}

const ZERO_CROSSINGS = 16;
const TABLE_STEPS = 512;
const ROLL_OFF = 0.95;

/** sinc(u)·blackman(u / ZERO_CROSSINGS) for u = k / TABLE_STEPS, k = 0 … ZERO_CROSSINGS·TABLE_STEPS (+1 guard). */
const KERNEL = (() => {
  const size = ZERO_CROSSINGS * TABLE_STEPS + 2;
  const table = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    const u = k / TABLE_STEPS;
    const r = Math.min(1, u / ZERO_CROSSINGS);
    const window = 0.42 + 0.5 * Math.cos(Math.PI * r) + 0.08 * Math.cos(2 * Math.PI * r);
    table[k] = (u === 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u)) * window;
  }
  return table;
})();

function bandLimited(
  values: SampleValues,
  axes: number,
  frames: number,
  step: number,
  out: Float32Array,
): void {
  // Cut-off as a fraction of the source Nyquist frequency; the kernel is stretched by 1/cutoff when downsampling.
  const cutoff = ROLL_OFF * Math.min(1, 1 / step);
  const halfWidth = ZERO_CROSSINGS / cutoff;
  const outFrames = out.length / axes;
  for (let j = 0; j < outFrames; j++) {
    const position = j * step;
    const first = Math.max(0, Math.ceil(position - halfWidth));
    const last = Math.min(frames - 1, Math.floor(position + halfWidth));
    for (let a = 0; a < axes; a++) {
      let sum = 0;
      for (let i = first; i <= last; i++) {
        const t = Math.abs(position - i) * cutoff * TABLE_STEPS;
        const k = Math.floor(t);
        if (k >= ZERO_CROSSINGS * TABLE_STEPS) continue;
        const weight = KERNEL[k] + (t - k) * (KERNEL[k + 1] - KERNEL[k]);
        sum += weight * values[i * axes + a];
      }
      out[j * axes + a] = sum * cutoff;
    }
  }
}

/**
 * Resamples interleaved values to float32 (audio band-limited, other data linearly, see above). Equal rates
 * give the values converted to float32.
 */
export function resampleToFloat32(
  values: SampleValues,
  axes: number,
  fromHz: number,
  toHz: number,
): Float32Array {
  checkRates(fromHz, toHz);
  const frames = Math.floor(values.length / axes);
  const outFrames = resampledLength(frames, fromHz, toHz);
  // The typed-array constructor converts natively; Float32Array.from would walk the iterator.
  if (outFrames === frames) return new Float32Array(values.subarray(0, frames * axes));
  const out = new Float32Array(outFrames * axes);
  const step = fromHz / toHz;
  if (values instanceof Int16Array) bandLimited(values, axes, frames, step, out);
  else linear(values, axes, frames, step, out);
  return out;
}

/**
 * A sample's values at another frequency, in the same array type: audio stays int16 (rounded, clamped to
 * −32768…32767), other data float32.
 */
export function resampleSample<T extends SampleValues>(
  values: T,
  axes: number,
  fromHz: number,
  toHz: number,
): T {
  const resampled = resampleToFloat32(values, axes, fromHz, toHz);
  if (!(values instanceof Int16Array)) return resampled as T;
  const out = new Int16Array(resampled.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round(resampled[i])));
  return out as T;
}
