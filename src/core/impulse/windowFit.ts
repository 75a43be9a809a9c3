/**
 * How an impulse's window fits the samples it is cut from, from their metadata alone (no values): how much of
 * the windows is zero padding when samples are shorter than the window, and why no window comes out at all
 * when zero-padding is off. Counts follow windowing.ts exactly (the same resampled lengths and starts).
 */
import type { SampleMeta } from '../dataset/sample';
import { resampledLength } from '../dataset/resample';
import { framesPerWindow, windowCount, type WindowingParams } from '../dataset/windowing';
import { impulseInputProblems } from '../validation/impulseInputRules';

export type SampleLength = Pick<SampleMeta, 'frameCount' | 'intervalMs'>;

export interface WindowFit {
  samples: number;
  windowMs: number;
  shortestMs: number;
  medianMs: number;
  longestMs: number;
  /** Samples shorter than one window (each gives one zero-padded window, or none with zero-padding off). */
  shorter: number;
  windows: number;
  /** Of all the windows' frames, the share that is zero padding (0 with zero-padding off). */
  paddedFraction: number;
}

const lengthMs = (s: SampleLength) => s.frameCount * s.intervalMs;

/** The fit of the window to the samples; null without samples or with input settings that give no window. */
export function windowFit(samples: readonly SampleLength[], input: WindowingParams): WindowFit | null {
  if (samples.length === 0 || Object.keys(impulseInputProblems(input)).length > 0) return null;
  const frames = framesPerWindow(input);
  const lengths = samples.map(lengthMs).sort((a, b) => a - b);
  let windows = 0;
  let padded = 0;
  let shorter = 0;
  for (const s of samples) {
    const fromHz = 1000 / s.intervalMs;
    const count = windowCount(s.frameCount, input, fromHz);
    const total = resampledLength(s.frameCount, fromHz, input.frequencyHz);
    windows += count;
    if (total < frames) {
      shorter++;
      if (count > 0) padded += frames - total;
    }
  }
  return {
    samples: samples.length,
    windowMs: input.windowSizeMs,
    shortestMs: lengths[0],
    medianMs: lengths[Math.floor((lengths.length - 1) / 2)],
    longestMs: lengths[lengths.length - 1],
    shorter,
    windows,
    paddedFraction: windows > 0 ? padded / (windows * frames) : 0,
  };
}

/** "2 s", "1.8 s", "750 ms". */
function seconds(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

const ms = (v: number) => `${Math.round(v)} ms`;

/**
 * Why the samples give no window at all, naming the real cause (every sample shorter than the window with
 * zero-padding off, or no data), or null when some window comes out.
 */
export function noWindowReason(fit: WindowFit | null): string | null {
  if (!fit || fit.windows > 0) return null;
  if (fit.longestMs === 0) return 'The samples hold no data: record or import some.';
  return (
    `No sample is at least ${ms(fit.windowMs)} long (the longest is ${ms(fit.longestMs)}); ` +
    'shorten the window or turn on zero-padding.'
  );
}

/** Padding at or above this share of the windows is worth a warning: most of what the model sees is zeros. */
export const PADDING_WARNING_FRACTION = 0.5;

/**
 * A warning for the impulse page, or null: most of every window is zero padding, some samples give no
 * window with zero-padding off, or none does.
 */
export function windowFitWarning(fit: WindowFit | null, zeroPad: boolean): string | null {
  if (!fit) return null;
  const none = noWindowReason(fit);
  if (none) return none;
  if (!zeroPad && fit.shorter > 0) {
    const one = fit.shorter === 1;
    return (
      `${fit.shorter} of ${fit.samples} samples ${one ? 'is' : 'are'} shorter than the ${ms(fit.windowMs)} window ` +
      `(the shortest is ${ms(fit.shortestMs)}) and ${one ? 'gives' : 'give'} no window, since zero-padding is off.`
    );
  }
  if (!zeroPad || fit.paddedFraction < PADDING_WARNING_FRACTION) return null;
  const pct = Math.round(fit.paddedFraction * 100);
  const lengths =
    fit.shortestMs < fit.medianMs * 0.95
      ? `${seconds(fit.medianMs)} long (shortest ${seconds(fit.shortestMs)})`
      : `${seconds(fit.medianMs)} long`;
  const share =
    fit.shortestMs === fit.longestMs ? `${pct} % of each window is` : `on average ${pct} % of a window is`;
  return (
    `Your samples are ${lengths} but the window is ${seconds(fit.windowMs)}: ${share} zero padding. ` +
    'Shorten the window or record longer samples.'
  );
}
