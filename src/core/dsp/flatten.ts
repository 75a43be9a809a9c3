/**
 * Flatten (DESIGN.md §5; Edge Impulse's flatten block): per axis, the chosen statistics of the scaled values in
 * the order average, minimum, maximum, RMS, standard deviation, skewness, kurtosis (population std; skewness
 * and excess kurtosis from population moments, zero variance as in statistics.ts). Computed in float64 as the
 * reference does.
 */
import { StudioError } from '../errors';
import type { DspBlock } from './block';
import { booleanRule, numberRule, paramSpecNotes, parseParamSpec, type ParamSpec } from './params';
import { kurtosisOf, Moments, moments, skewnessOf } from './statistics';

export type FlattenParams = {
  'scale-axes': number;
  average: boolean;
  minimum: boolean;
  maximum: boolean;
  rms: boolean;
  stdev: boolean;
  skewness: boolean;
  kurtosis: boolean;
};

const TITLE = 'Flatten';
const STATISTICS = ['average', 'minimum', 'maximum', 'rms', 'stdev', 'skewness', 'kurtosis'] as const;

const DEFAULTS: FlattenParams = {
  'scale-axes': 1,
  average: true,
  minimum: true,
  maximum: true,
  rms: true,
  stdev: true,
  skewness: true,
  kurtosis: true,
};

const RULES = {
  'scale-axes': numberRule(),
  average: booleanRule(),
  minimum: booleanRule(),
  maximum: booleanRule(),
  rms: booleanRule(),
  stdev: booleanRule(),
  skewness: booleanRule(),
  kurtosis: booleanRule(),
};
/** The reference's generate_features takes it as the keyword `scale_axes`. */
const SPEC: ParamSpec<FlattenParams> = {
  title: TITLE,
  defaults: DEFAULTS,
  rules: RULES,
  aliases: { scale_axes: 'scale-axes' },
};

let scaled = new Float64Array(0);
const stats = new Moments();

export const flattenBlock: DspBlock<FlattenParams> = {
  id: 'flatten',
  title: TITLE,
  defaults: DEFAULTS,
  parseParams: (json) => parseParamSpec(SPEC, json),
  paramNotes: (json) => paramSpecNotes(SPEC, json),
  describe(params, window) {
    const chosen = STATISTICS.filter((s) => params[s]).length;
    if (chosen === 0)
      throw new StudioError(
        'dsp-config',
        `${TITLE}: every statistic is off: turn on at least one (e.g. average).`,
      );
    if (
      !Number.isInteger(window.axes) ||
      window.axes < 1 ||
      !Number.isInteger(window.frames) ||
      window.frames < 1
    )
      throw new StudioError(
        'dsp-config',
        `${TITLE} needs a window of at least one frame and one axis, not ${window.frames} frames × ` +
          `${window.axes} axes: check the impulse's window settings.`,
      );
    const featureCount = chosen * window.axes;
    return { featureCount, shape: [featureCount] };
  },
  run(params, window, shape) {
    const { featureCount } = flattenBlock.describe(params, shape);
    const { axes, frames } = shape;
    if (window.length !== frames * axes)
      throw new StudioError(
        'dsp-config',
        `${TITLE}: the window holds ${window.length} values, not ${frames} frames × ${axes} axes.`,
      );
    if (scaled.length < frames) scaled = new Float64Array(frames);
    const scale = params['scale-axes'];
    const out = new Float32Array(featureCount);
    let at = 0;
    for (let axis = 0; axis < axes; axis++) {
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < frames; i++) {
        const v = window[i * axes + axis] * scale;
        scaled[i] = v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      const m = moments(scaled, 0, frames, 1, stats);
      if (params.average) out[at++] = m.mean;
      if (params.minimum) out[at++] = min;
      if (params.maximum) out[at++] = max;
      if (params.rms) out[at++] = Math.sqrt(m.meanSquare);
      if (params.stdev) out[at++] = Math.sqrt(m.m2);
      if (params.skewness) out[at++] = skewnessOf(m);
      if (params.kurtosis) out[at++] = kurtosisOf(m);
    }
    return out;
  },
};
