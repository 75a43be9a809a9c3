/**
 * The impulse's input block: cuts a sample into windows as Edge Impulse's time-series input does. The chosen
 * axes are taken in order and resampled to the impulse frequency (resample.ts) when the sample's differs;
 * windows of round(size · frequency) frames start at 0 ms and step by the stride while start + size ≤ the
 * sample's length. A stride that is not a whole number of samples is placed by rounding: window k starts at
 * frame round(k · stride · frequency), so 31.25 samples give starts 0, 31, 63, 94, 125 (the average step is
 * exact, single steps differ by one sample). A stride shorter than one sample period would repeat windows and
 * is refused. A sample shorter than one window gives one window, zero-padded at the end, when zeroPad is on,
 * and no window (with the reason) when it is off.
 */
import { StudioError } from '../errors';
import type { WindowShape } from '../dsp/block';
import { resampledLength, resampleToFloat32 } from './resample';
import type { SampleValues, SensorInfo } from './sample';

export interface WindowingParams {
  windowSizeMs: number;
  windowStrideMs: number;
  /** Windows are resampled to this frequency, Hz. */
  frequencyHz: number;
  /** A sample shorter than one window is zero-padded into one window instead of skipped. */
  zeroPad: boolean;
  /** Names of the sample's axes to use, in order. */
  axes: string[];
}

export interface SlicedWindows {
  /** One array per window (its own buffer, so it can be transferred), frames × axes interleaved. */
  windows: Float32Array[];
  /** Start of each window in the sample, ms. */
  startMs: number[];
  shape: WindowShape;
  /** True when the only window is a short sample padded with zeros. */
  zeroPadded: boolean;
  /** Why there is no window, when there is none. */
  reason?: string;
}

/** Frames in one window: round(windowSizeMs · frequencyHz / 1000). */
export function framesPerWindow(params: Pick<WindowingParams, 'windowSizeMs' | 'frequencyHz'>): number {
  return Math.round((params.windowSizeMs * params.frequencyHz) / 1000);
}

/** One sample period in ms, rounded up at the fourth decimal so that the figure shown is itself allowed. */
function smallestStrideText(frequencyHz: number): string {
  return String(Math.ceil((1000 / frequencyHz) * 1e4 - 1e-6) / 1e4);
}

/**
 * Why a stride (> 0) is too short for the frequency (> 0), or null: window starts are rounded to whole
 * frames, so a stride under one sample period starts some windows on the same frame as the one before.
 */
export function subSampleStrideProblem(windowStrideMs: number, frequencyHz: number): string | null {
  if (windowStrideMs * frequencyHz >= 1000 * (1 - 1e-9)) return null;
  return (
    `The window stride ${windowStrideMs} ms is shorter than one sample at ${frequencyHz} Hz, so windows would ` +
    `repeat: use a stride of at least ${smallestStrideText(frequencyHz)} ms.`
  );
}

function checkParams(params: WindowingParams): number {
  const { windowSizeMs, windowStrideMs, frequencyHz, axes } = params;
  if (!(frequencyHz > 0 && Number.isFinite(frequencyHz)))
    throw new StudioError(
      'window-params',
      `The window frequency must be a positive number of Hz, not ${frequencyHz}.`,
    );
  if (!(windowStrideMs > 0 && Number.isFinite(windowStrideMs)))
    throw new StudioError(
      'window-params',
      `The window stride must be more than 0 ms, not ${windowStrideMs} ms: set the window increase.`,
    );
  const shortStride = subSampleStrideProblem(windowStrideMs, frequencyHz);
  if (shortStride) throw new StudioError('window-params', shortStride);
  const frames = framesPerWindow(params);
  if (!(frames >= 1))
    throw new StudioError(
      'window-params',
      `A ${windowSizeMs} ms window at ${frequencyHz} Hz is shorter than one frame (${1000 / frequencyHz} ms): ` +
        'lengthen the window or raise the frequency.',
    );
  if (axes.length === 0)
    throw new StudioError('window-params', 'The impulse uses no axis: choose at least one.');
  return frames;
}

/** Start frames of the windows over `total` frames (see the module comment). */
function windowStarts(total: number, frames: number, params: WindowingParams): number[] {
  if (total === 0) return [];
  if (total < frames) return params.zeroPad ? [0] : [];
  const starts: number[] = [];
  const stride = (params.windowStrideMs * params.frequencyHz) / 1000;
  for (let k = 0; ; k++) {
    const start = Math.round(k * stride);
    if (start + frames > total) break;
    starts.push(start);
  }
  return starts;
}

/** How many windows a sample of `frameCount` frames at `fromHz` gives. */
export function windowCount(frameCount: number, params: WindowingParams, fromHz: number): number {
  const frames = checkParams(params);
  return windowStarts(resampledLength(frameCount, fromHz, params.frequencyHz), frames, params).length;
}

/** Picks the named axes (in the impulse's order) out of interleaved values. */
function selectAxes(values: SampleValues, sensors: SensorInfo[], names: string[]): SampleValues {
  const indices = names.map((name) => {
    const i = sensors.findIndex((s) => s.name === name);
    if (i < 0)
      throw new StudioError(
        'window-axis',
        `The sample has no "${name}" axis (it has ${sensors.map((s) => s.name).join(', ') || 'none'}): ` +
          "choose the impulse's axes among the sample's.",
      );
    return i;
  });
  const from = sensors.length;
  if (indices.length === from && indices.every((i, k) => i === k)) return values;
  const frames = Math.floor(values.length / from);
  const out =
    values instanceof Int16Array
      ? new Int16Array(frames * indices.length)
      : new Float32Array(frames * indices.length);
  for (let f = 0; f < frames; f++)
    for (let a = 0; a < indices.length; a++) out[f * indices.length + a] = values[f * from + indices[a]];
  return out;
}

/** A sample resampled to the impulse frequency with its window starts, before any window is copied out. */
export interface WindowedSignal {
  /** The chosen axes, resampled: `total` frames × axes, interleaved. */
  signal: Float32Array;
  total: number;
  /** Start frame of each window in `signal`. */
  starts: number[];
  shape: WindowShape;
  /** True when the only window is a short sample padded with zeros. */
  zeroPadded: boolean;
  /** Why there is no window, when there is none. */
  reason?: string;
}

/**
 * The sample's chosen axes resampled to the impulse frequency and where its windows start, without copying
 * any window (a long recording has thousands). Throws as sliceWindows.
 */
export function windowSignal(
  sample: { values: SampleValues; sensors: SensorInfo[]; intervalMs: number },
  params: WindowingParams,
): WindowedSignal {
  const frames = checkParams(params);
  const axes = params.axes.length;
  const shape: WindowShape = { axes, frames, frequencyHz: params.frequencyHz };
  if (!(sample.intervalMs > 0))
    throw new StudioError(
      'window-params',
      `The sample's interval ${sample.intervalMs} ms is not a positive number.`,
    );
  const selected = selectAxes(sample.values, sample.sensors, params.axes);
  const signal = resampleToFloat32(selected, axes, 1000 / sample.intervalMs, params.frequencyHz);
  const total = signal.length / axes;
  const starts = windowStarts(total, frames, params);
  const result: WindowedSignal = {
    signal,
    total,
    starts,
    shape,
    zeroPadded: total > 0 && total < frames && starts.length === 1,
  };
  if (starts.length === 0) {
    const lengthMs = (total * 1000) / params.frequencyHz;
    result.reason =
      total === 0
        ? 'The sample holds no data.'
        : `The sample is ${Math.round(lengthMs)} ms long, shorter than the ${params.windowSizeMs} ms window, and ` +
          'zero-padding is off: turn zero-padding on or shorten the window.';
  }
  return result;
}

/** Copies the window starting at frame `start` into `out` (frames × axes), zero-padding past the signal's end. */
export function copyWindow(windowed: WindowedSignal, start: number, out: Float32Array): Float32Array {
  const { signal, total, shape } = windowed;
  const end = Math.min(total, start + shape.frames) * shape.axes;
  out.set(signal.subarray(start * shape.axes, end));
  out.fill(0, end - start * shape.axes);
  return out;
}

/**
 * Cuts a sample into the impulse's windows. Audio (int16) values become floats unchanged (not scaled).
 * Throws StudioError 'window-axis' for an axis the sample lacks and 'window-params' for a stride under one
 * sample period, a window shorter than one frame or a frequency ≤ 0.
 */
export function sliceWindows(
  sample: { values: SampleValues; sensors: SensorInfo[]; intervalMs: number },
  params: WindowingParams,
): SlicedWindows {
  const windowed = windowSignal(sample, params);
  const size = windowed.shape.frames * windowed.shape.axes;
  const result: SlicedWindows = {
    windows: windowed.starts.map((start) => copyWindow(windowed, start, new Float32Array(size))),
    startMs: windowed.starts.map((start) => (start * 1000) / params.frequencyHz),
    shape: windowed.shape,
    zeroPadded: windowed.zeroPadded,
  };
  if (windowed.reason !== undefined) result.reason = windowed.reason;
  return result;
}
