/** The limits of a learning block: each hidden layer's sizes, the training settings, the k-means settings. */
import type { AnomalyBlock, LayerSpec, LayerType, LearnBlock } from '../learn/learnBlock';
import { fieldProblems, type NumberRule, type Problems } from './numberRule';
import { trainingSettingsProblems } from './trainingSettingsRules';

type LayerRules = { [T in LayerType]: Record<string, NumberRule> };

export const LAYER_RULES: LayerRules = {
  dense: { units: { label: 'Neurons', integer: true, min: 1, max: 4096 } },
  conv1d: {
    filters: { label: 'Filters', integer: true, min: 1, max: 512 },
    kernelSize: { label: 'Kernel', integer: true, min: 1, max: 15 },
  },
  conv2d: {
    filters: { label: 'Filters', integer: true, min: 1, max: 512 },
    kernelSize: { label: 'Kernel', integer: true, min: 1, max: 15 },
  },
  separableConv: {
    filters: { label: 'Filters', integer: true, min: 1, max: 512 },
    kernelSize: { label: 'Kernel', integer: true, min: 1, max: 15 },
  },
  maxPool: { size: { label: 'Size', integer: true, min: 2, max: 8 } },
  avgPool: { size: { label: 'Size', integer: true, min: 2, max: 8 } },
  dropout: { rate: { label: 'Rate', min: 0, max: 0.95 } },
};

export const ANOMALY_RULES: Record<'clusters' | 'seed', NumberRule> = {
  clusters: { label: 'Clusters', integer: true, min: 1, max: 64 },
  seed: { label: 'Seed', integer: true, min: 0, max: 2 ** 31 - 1 },
};

/** The rule of one field of a layer (for the form's min / max). */
export function layerRule(layer: LayerSpec, field: string): NumberRule {
  return LAYER_RULES[layer.type][field];
}

/** Problems of one layer's fields, keyed by field ("Neurons must be …"). */
export function layerFieldProblems(layer: LayerSpec): Problems {
  return fieldProblems(layer, LAYER_RULES[layer.type] as Record<string, NumberRule>);
}

/** Problems keyed 'layers.<index>.<field>', each message naming the layer ("Layer 2: Neurons must be …"). */
export function layerProblems(layers: readonly LayerSpec[]): Problems {
  const out: Problems = {};
  layers.forEach((layer, i) => {
    const found = layerFieldProblems(layer);
    for (const [field, message] of Object.entries(found))
      out[`layers.${i}.${field}`] = `Layer ${i + 1}: ${message}`;
  });
  return out;
}

/** Larger ranges are not expanded: they cannot be feature indices anyway. */
const MAX_RANGE = 1 << 16;

/**
 * The feature indices typed as "0, 3, 5-9": a range is expanded, a token that is not a whole number or a
 * range becomes NaN, so that the check below reports it instead of it being dropped.
 */
export function parseFeatureIndices(text: string): number[] {
  const out: number[] = [];
  for (const token of text.split(/[\s,]+/).filter(Boolean)) {
    const range = /^(\d+)-(\d+)$/.exec(token);
    if (!range) {
      out.push(/^\d+$/.test(token) ? Number(token) : NaN);
      continue;
    }
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (from > to || to - from > MAX_RANGE) out.push(NaN);
    else for (let i = from; i <= to; i++) out.push(i);
  }
  return [...new Set(out)];
}

/** `featureCount` null: not known (the processing block needs attention), so indices are not checked. */
function anomalyProblems(block: AnomalyBlock, featureCount: number | null): Problems {
  const out = fieldProblems(block, ANOMALY_RULES);
  if (featureCount === null) return out;
  if (block.featureIndices.some((i) => !(Number.isInteger(i) && i >= 0 && i < featureCount)))
    out.featureIndices =
      `Features used must be indices from 0 to ${featureCount - 1} or ranges like 0-5, ` +
      'separated by commas (empty: all).';
  return out;
}

/**
 * Every problem of a learning block for features of `featureShape` ([features] or [frames, coefficients];
 * null when the processing block cannot say): layer sizes, training settings (keys as
 * trainingSettingsProblems) or k-means settings.
 */
export function learnBlockProblems(learn: LearnBlock, featureShape: readonly number[] | null): Problems {
  if (learn.kind === 'anomaly')
    return anomalyProblems(learn, featureShape && featureShape.reduce((a, b) => a * b, 1));
  return {
    ...layerProblems(learn.layers),
    ...trainingSettingsProblems(learn.training, featureShape?.length === 2),
  };
}
