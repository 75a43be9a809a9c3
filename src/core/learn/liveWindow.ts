/**
 * Live windowing: turns a sensor stream into the impulse's windows as sliceWindows (dataset/windowing.ts)
 * cuts the same signal recorded as a sample from the moment the stream started: the impulse's axes in order,
 * resampled to its frequency (dataset/resample.ts), windows of framesPerWindow frames starting at
 * round(k · stride).
 *
 * The chosen axes of the raw frames are kept in a ring buffer. Resampling is positional (output frame j is
 * the signal at source position j · fromHz / toHz): sensor data is interpolated linearly here at the same
 * positions and with the same arithmetic as resample.ts, so windows are bit-identical. Audio at another rate
 * is resampled band-limited by resample.ts itself, over a stretch of raw frames that starts where an output
 * frame falls exactly on a raw frame (a multiple of the rates' common period) and reaches past the kernel's
 * width on both sides; that is bit-identical when the rate ratio is exact in binary (16 → 8 kHz) and within
 * a float32 rounding step otherwise (16 → 11.025 kHz), as positions then differ in their last bit.
 */
import { StudioError } from '../errors';
import { framesPerWindow, subSampleStrideProblem } from '../dataset/windowing';
import { resampleToFloat32, sameRate } from '../dataset/resample';
import type { SampleValues } from '../dataset/sample';
import type { ImpulseInput } from '../impulse/impulse';

/** How far resample.ts's band-limited kernel reaches, in source frames at most: 16 zero crossings / 0.95 roll-off. */
const SINC_REACH = 16 / 0.95;
/** Rates are matched to 1 mHz to find their common period. */
const RATE_UNIT = 1000;
/** A longer common period means the rates have no usable ratio (e.g. a measured, not declared, rate). */
const MAX_PERIOD = 100_000;

export interface LiveWindowOptions {
  input: Pick<ImpulseInput, 'windowSizeMs' | 'windowStrideMs' | 'frequencyHz' | 'axes'>;
  /** The sensor's axis names, in the order its frames interleave them. */
  sensorAxes: readonly string[];
  sensorName: string;
  /** The sensor's declared rate (the one its recorded samples get), Hz. */
  sensorHz: number;
}

export interface LiveWindow {
  /** frames × axes interleaved, at the impulse's frequency; its own buffer (transferable). */
  values: Float32Array;
  /** Start of the window since the stream (re)started, ms. */
  startMs: number;
  /** Windows that came due before this one and were passed over. */
  skipped: number;
}

/** Where each of the impulse's axes is in the sensor's frames; throws 'live-axis' naming a missing one. */
export function liveAxisIndices(
  sensorAxes: readonly string[],
  wanted: readonly string[],
  sensorName: string,
): number[] {
  return wanted.map((name) => {
    const i = sensorAxes.indexOf(name);
    if (i < 0)
      throw new StudioError(
        'live-axis',
        `The sensor "${sensorName}" has no "${name}" axis (it has ${sensorAxes.join(', ') || 'none'}): ` +
          'choose the sensor the impulse was designed for.',
      );
    return i;
  });
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The smallest raw and output frame counts that span the same time exactly. */
function commonPeriod(fromHz: number, toHz: number): { raw: number; out: number } {
  if (sameRate(fromHz, toHz)) return { raw: 1, out: 1 };
  const a = Math.round(fromHz * RATE_UNIT);
  const b = Math.round(toHz * RATE_UNIT);
  const g = gcd(a, b);
  if (a / g > MAX_PERIOD || b / g > MAX_PERIOD)
    throw new StudioError(
      'live-rate',
      `A ${fromHz} Hz stream cannot be resampled live to ${toHz} Hz: the rates have no common period. ` +
        "Set the impulse's frequency to the sensor's rate or a simple fraction of it.",
    );
  return { raw: a / g, out: b / g };
}

/** Cuts a live stream of one sensor into the impulse's windows; push frames, then take the latest due window. */
export class LiveWindower {
  readonly frames: number;
  private readonly axes: number;
  private readonly indices: number[];
  private readonly sensorAxisCount: number;
  private readonly fromHz: number;
  private readonly toHz: number;
  /** Source position of output frame j is j · step (1 at equal rates, as resample.ts treats them). */
  private readonly step: number;
  private readonly strideFrames: number;
  private ring: SampleValues | null = null;
  private capacity = 0;
  /** Audio at another rate: resampled in stretches starting on multiples of this common period. */
  private period = { raw: 1, out: 1 };
  /** Raw frames each side of a window that resampling reads. */
  private before = 0;
  private after = 0;
  /** Raw frames received since the stream (re)started. */
  private received = 0;
  private nextWindow = 0;

  constructor(options: LiveWindowOptions) {
    const { input, sensorAxes, sensorName, sensorHz } = options;
    if (!(sensorHz > 0 && Number.isFinite(sensorHz)))
      throw new StudioError(
        'live-rate',
        `The rate of ${sensorName} is not known yet: wait until data arrives.`,
      );
    if (!(input.windowStrideMs > 0 && Number.isFinite(input.windowStrideMs)))
      throw new StudioError(
        'window-params',
        `The window stride must be more than 0 ms, not ${input.windowStrideMs} ms.`,
      );
    this.frames = framesPerWindow(input);
    if (!(this.frames >= 1))
      throw new StudioError(
        'window-params',
        `A ${input.windowSizeMs} ms window at ${input.frequencyHz} Hz holds no frame.`,
      );
    // The same refusal as windowSignal: window starts are rounded to whole frames, so they would repeat.
    const shortStride = subSampleStrideProblem(input.windowStrideMs, input.frequencyHz);
    if (shortStride) throw new StudioError('window-params', shortStride);
    this.indices = liveAxisIndices(sensorAxes, input.axes, sensorName);
    this.axes = this.indices.length;
    this.sensorAxisCount = sensorAxes.length;
    this.fromHz = sensorHz;
    this.toHz = input.frequencyHz;
    this.step = sameRate(sensorHz, input.frequencyHz) ? 1 : sensorHz / input.frequencyHz;
    this.strideFrames = (input.windowStrideMs * input.frequencyHz) / 1000;
  }

  /** Appends frames of the sensor (all its axes, interleaved). The first push fixes the value type. */
  push(values: SampleValues, frames: number): void {
    if (values.length !== frames * this.sensorAxisCount)
      throw new StudioError(
        'live-format',
        `The device sent ${values.length / Math.max(1, frames)} values per reading instead of ${this.sensorAxisCount}.`,
      );
    const ring = this.ring ?? this.allocate(values);
    if (values instanceof Int16Array !== ring instanceof Int16Array)
      throw new StudioError(
        'live-format',
        'The device switched between audio and sensor readings mid-stream.',
      );
    const first = Math.max(0, frames - this.capacity);
    for (let f = first; f < frames; f++) {
      const at = ((this.received + f) % this.capacity) * this.axes;
      for (let a = 0; a < this.axes; a++) ring[at + a] = values[f * this.sensorAxisCount + this.indices[a]];
    }
    this.received += frames;
  }

  /** Forgets the stream (after a gap): the next window starts at 0 ms of what arrives next. */
  reset(): void {
    this.received = 0;
    this.nextWindow = 0;
  }

  /** The newest window whose frames have all arrived and that was not taken yet, or null. */
  takeLatest(): LiveWindow | null {
    if (!this.ring || !this.isDue(this.nextWindow)) return null;
    let k = this.nextWindow;
    while (this.isDue(k + 1)) k++;
    const skipped = k - this.nextWindow;
    this.nextWindow = k + 1;
    const start = this.windowStart(k);
    return { values: this.windowAt(this.ring, start), startMs: (start * 1000) / this.toHz, skipped };
  }

  private allocate(values: SampleValues): SampleValues {
    const audio = values instanceof Int16Array;
    if (this.step !== 1 && audio) {
      this.period = commonPeriod(this.fromHz, this.toHz);
      this.before = Math.ceil(SINC_REACH * Math.max(1, this.step)) + 1;
      this.after = this.before;
    } else if (this.step !== 1) {
      // Linear interpolation reads the next frame; one more absorbs a position rounded down.
      this.after = 2;
    }
    // The newest due window and everything after it: the next window is not due yet (see takeLatest).
    this.capacity =
      Math.ceil((this.frames + this.strideFrames + 2) * this.step) +
      this.before +
      this.after +
      this.period.raw +
      2;
    this.ring = audio
      ? new Int16Array(this.capacity * this.axes)
      : new Float32Array(this.capacity * this.axes);
    return this.ring;
  }

  private windowStart(k: number): number {
    return Math.round(k * this.strideFrames);
  }

  /** The raw frames window k is made from: [first, last], first on a common-period boundary. */
  private rawSpan(start: number): { first: number; last: number } {
    const lo = Math.floor(start * this.step) - this.before;
    const first = Math.max(0, Math.floor(lo / this.period.raw)) * this.period.raw;
    const last = Math.floor((start + this.frames - 1) * this.step) + this.after;
    return { first, last };
  }

  private isDue(k: number): boolean {
    return this.rawSpan(this.windowStart(k)).last < this.received;
  }

  private at(frame: number): number {
    return (frame % this.capacity) * this.axes;
  }

  private windowAt(ring: SampleValues, start: number): Float32Array {
    const { axes, frames, step } = this;
    const window = new Float32Array(frames * axes);
    if (step === 1) {
      for (let f = 0; f < frames; f++)
        window.set(ring.subarray(this.at(start + f), this.at(start + f) + axes), f * axes);
      return window;
    }
    if (ring instanceof Float32Array) {
      // resample.ts's linear interpolation, at the same (whole-stream) positions.
      for (let f = 0; f < frames; f++) {
        const position = (start + f) * step;
        const i = Math.floor(position);
        const frac = position - i;
        const i0 = this.at(i);
        const i1 = this.at(i + 1);
        for (let a = 0; a < axes; a++)
          window[f * axes + a] = ring[i0 + a] + frac * (ring[i1 + a] - ring[i0 + a]);
      }
      return window;
    }
    const { first, last } = this.rawSpan(start);
    const span = new Int16Array((last - first + 1) * axes);
    for (let f = first; f <= last; f++)
      span.set(ring.subarray(this.at(f), this.at(f) + axes), (f - first) * axes);
    const resampled = resampleToFloat32(span, axes, this.fromHz, this.toHz);
    const offset = start - (first / this.period.raw) * this.period.out;
    window.set(resampled.subarray(offset * axes, (offset + frames) * axes));
    return window;
  }
}
