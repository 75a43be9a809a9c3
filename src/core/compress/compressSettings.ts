import type { LayerSpec } from '../learn/learnBlock';
import { layerProblems } from '../validation/learnBlockRules';
import { fieldProblems, type NumberRule, type Problems } from '../validation/numberRule';

/** How each compressed variant is fine-tuned (or, for distillation, trained). */
export interface TuneSettings {
  epochs: number;
  learningRate: number;
  batchSize: number;
  seed: number;
}

export interface MagnitudeSettings extends TuneSettings {
  /** Fraction of every kernel's weights that is zero at the end, 0…0.99. */
  sparsity: number;
}

export interface StructuredSettings extends TuneSettings {
  /** Fraction of the filters / neurons of every hidden layer removed. */
  fraction: number;
}

export interface DistillSettings extends TuneSettings {
  studentLayers: LayerSpec[];
  temperature: number;
  alpha: number;
}

export const DEFAULT_TUNE: TuneSettings = { epochs: 15, learningRate: 0.002, batchSize: 32, seed: 1 };

const TUNE_RULES: Record<keyof TuneSettings, NumberRule> = {
  epochs: { label: 'Epochs', min: 1, max: 500, integer: true },
  learningRate: { label: 'Learning rate', above: 0, max: 1 },
  batchSize: { label: 'Batch size', min: 1, max: 4096, integer: true },
  seed: { label: 'Seed', min: 0, max: 2 ** 31 - 1, integer: true },
};

export function magnitudeProblems(s: MagnitudeSettings): Problems {
  return fieldProblems(s, {
    ...TUNE_RULES,
    sparsity: { label: 'Target sparsity', min: 0.01, max: 0.99 },
  });
}

export function structuredProblems(s: StructuredSettings): Problems {
  return fieldProblems(s, {
    ...TUNE_RULES,
    fraction: { label: 'Fraction removed', min: 0.01, max: 0.9 },
  });
}

export function distillProblems(s: DistillSettings): Problems {
  const problems = fieldProblems(s, {
    ...TUNE_RULES,
    temperature: { label: 'Temperature T', min: 1, max: 50 },
    alpha: { label: 'Weight α', min: 0, max: 1 },
  });
  if (s.studentLayers.length === 0)
    return { ...problems, studentLayers: 'Give the student at least one hidden layer.' };
  return { ...problems, ...layerProblems(s.studentLayers) };
}

/** The default student: the teacher's layers with half the units and filters (at least 2), the rest as is. */
export function smallerLayers(layers: readonly LayerSpec[]): LayerSpec[] {
  return layers.map((l) => {
    if (l.type === 'dense') return { ...l, units: Math.max(2, Math.round(l.units / 2)) };
    if (l.type === 'conv1d' || l.type === 'conv2d')
      return { ...l, filters: Math.max(2, Math.round(l.filters / 2)) };
    return { ...l };
  });
}
