/**
 * Raw data (DESIGN.md §5; Edge Impulse's raw block): the window's values, interleaved by axis, times
 * `scale-axes`. Flat output of frames × axes features.
 */
import { StudioError } from '../errors';
import type { DspBlock } from './block';
import { numberRule, paramSpecNotes, parseParamSpec, type ParamSpec } from './params';

export type RawParams = { 'scale-axes': number };

const TITLE = 'Raw data';
const DEFAULTS: RawParams = { 'scale-axes': 1 };
const RULES = { 'scale-axes': numberRule() };
/** The reference's generate_features takes it as the keyword `scale_axes`. */
const SPEC: ParamSpec<RawParams> = {
  title: TITLE,
  defaults: DEFAULTS,
  rules: RULES,
  aliases: { scale_axes: 'scale-axes' },
};

export const rawBlock: DspBlock<RawParams> = {
  id: 'raw',
  title: TITLE,
  defaults: DEFAULTS,
  parseParams: (json) => parseParamSpec(SPEC, json),
  paramNotes: (json) => paramSpecNotes(SPEC, json),
  describe(_params, window) {
    const featureCount = window.frames * window.axes;
    if (!Number.isInteger(featureCount) || featureCount < 1)
      throw new StudioError(
        'dsp-config',
        `${TITLE} needs a window of at least one frame and one axis, not ${window.frames} frames × ` +
          `${window.axes} axes: check the impulse's window settings.`,
      );
    return { featureCount, shape: [featureCount] };
  },
  run(params, window, shape) {
    const { featureCount } = rawBlock.describe(params, shape);
    if (window.length !== featureCount)
      throw new StudioError(
        'dsp-config',
        `${TITLE}: the window holds ${window.length} values, not ${shape.frames} frames × ${shape.axes} axes.`,
      );
    const scale = params['scale-axes'];
    const out = new Float32Array(featureCount);
    for (let i = 0; i < featureCount; i++) out[i] = window[i] * scale;
    return out;
  },
};
