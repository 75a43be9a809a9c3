import type { SampleValues, SensorInfo } from './sample';
import { copyWindow, windowSignal, type WindowingParams } from './windowing';

/**
 * The sample's windows as `sliceWindows` cuts them, but as views into one signal instead of a copy each:
 * overlapping windows (a 2 s window every 0.5 s) would otherwise hold every value four times. Only a window
 * that runs past the signal's end (a zero-padded short sample) is copied. The views are read-only by
 * convention: whoever needs to change a window copies it first.
 */
export function windowViews(
  sample: { values: SampleValues; sensors: SensorInfo[]; intervalMs: number },
  params: WindowingParams,
): Float32Array[] {
  const windowed = windowSignal(sample, params);
  const { signal, total, shape } = windowed;
  const size = shape.frames * shape.axes;
  return windowed.starts.map((start) =>
    start + shape.frames <= total
      ? signal.subarray(start * shape.axes, start * shape.axes + size)
      : copyWindow(windowed, start, new Float32Array(size)),
  );
}
