/** The limits of an impulse's input block (window size, stride, frequency, axes). */
import { framesPerWindow, subSampleStrideProblem } from '../dataset/windowing';
import type { ImpulseInput } from '../impulse/impulse';
import { fieldProblems, type NumberRule, type Problems } from './numberRule';

export const INPUT_RULES: Record<'windowSizeMs' | 'windowStrideMs' | 'frequencyHz', NumberRule> = {
  windowSizeMs: { label: 'Window size', above: 0, max: 600_000, unit: 'ms' },
  windowStrideMs: { label: 'Window stride', above: 0, max: 600_000, unit: 'ms' },
  frequencyHz: { label: 'Frequency', above: 0, max: 100_000, unit: 'Hz' },
};

/**
 * Problems keyed by field ('windowSizeMs', …, 'axes'); a window shorter than one frame is the size's problem,
 * a stride shorter than one sample period the stride's.
 */
export function impulseInputProblems(input: ImpulseInput): Problems {
  const out = fieldProblems(input, INPUT_RULES);
  if (!out.windowSizeMs && !out.frequencyHz && framesPerWindow(input) < 1)
    out.windowSizeMs =
      `A ${input.windowSizeMs} ms window at ${input.frequencyHz} Hz is shorter than one frame ` +
      `(${+(1000 / input.frequencyHz).toFixed(3)} ms): lengthen the window or raise the frequency.`;
  const shortStride =
    !out.windowStrideMs &&
    !out.frequencyHz &&
    subSampleStrideProblem(input.windowStrideMs, input.frequencyHz);
  if (shortStride) out.windowStrideMs = shortStride;
  if (input.axes.length === 0) out.axes = 'The impulse uses no axis: choose at least one.';
  return out;
}
