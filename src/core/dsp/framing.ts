/**
 * Framing of an audio window into overlapping frames (DESIGN.md §5, Edge Impulse implementation version ≥ 2):
 * lengths in samples are ceil(fs · seconds), except that a product within 0.001 above an integer is floored
 * (float noise such as 0.018 s · 1000 Hz = 18.000000001); frames = floor((N − L) / S) + 1; at most 500.
 */
import { StudioError } from '../errors';

export const MAX_FRAMES = 500;

export interface FrameLayout {
  /** Samples per frame. */
  readonly length: number;
  /** Samples between the starts of consecutive frames. */
  readonly stride: number;
  /** Frames in the window. */
  readonly count: number;
}

/** Samples spanned by `seconds` at `fs` Hz: ceil, unless within 0.001 above an integer (then floor). */
export function samplesIn(seconds: number, fs: number): number {
  const v = fs * seconds;
  const floor = Math.floor(v);
  return v - floor < 0.001 ? floor : Math.ceil(v);
}

/**
 * Frame layout of a window of `samples` values at `fs` Hz. Throws StudioError('dsp-config') when a frame or
 * the stride is shorter than `minSamples`, when the window is shorter than one frame, or when there would be
 * more than 500 frames.
 */
export function frameLayout(
  blockTitle: string,
  fs: number,
  samples: number,
  frameLengthS: number,
  frameStrideS: number,
  minSamples = 1,
): FrameLayout {
  const length = samplesIn(frameLengthS, fs);
  const stride = samplesIn(frameStrideS, fs);
  const unit = minSamples === 1 ? 'sample' : `${minSamples} samples`;
  if (length < minSamples)
    throw new StudioError(
      'dsp-config',
      `${blockTitle}: frame_length ${frameLengthS} s is ${length} samples at ${fs} Hz, less than ${unit}: ` +
        `raise frame_length to at least ${minSamples / fs} s.`,
    );
  if (stride < minSamples)
    throw new StudioError(
      'dsp-config',
      `${blockTitle}: frame_stride ${frameStrideS} s is ${stride} samples at ${fs} Hz, less than ${unit}: ` +
        `raise frame_stride to at least ${minSamples / fs} s.`,
    );
  if (samples < length)
    throw new StudioError(
      'dsp-config',
      `${blockTitle}: the window has ${samples} samples, fewer than one frame of ${length} ` +
        `(frame_length ${frameLengthS} s at ${fs} Hz): enlarge the window or shorten frame_length.`,
    );
  const count = Math.floor((samples - length) / stride) + 1;
  if (count > MAX_FRAMES) {
    const minStride = Math.floor((samples - length) / MAX_FRAMES) + 1;
    throw new StudioError(
      'dsp-config',
      `${blockTitle}: frame_stride ${frameStrideS} s gives ${count} frames per window, more than ${MAX_FRAMES}: ` +
        `raise frame_stride to at least ${minStride / fs} s (${minStride} samples) or shorten the window.`,
    );
  }
  return { length, stride, count };
}
