/** The limits of a neural learning block's training settings (the form shows them, training refuses others). */
import type { AugmentationSettings, TrainingSettings } from '../learn/learnBlock';
import { fieldProblems, type NumberRule, type Problems } from './numberRule';

type NumericKeys<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T];

export const TRAINING_RULES: Record<NumericKeys<TrainingSettings>, NumberRule> = {
  epochs: { label: 'Epochs', integer: true, min: 1, max: 1000 },
  learningRate: { label: 'Learning rate', min: 0.00001, max: 1 },
  batchSize: { label: 'Batch size', integer: true, min: 1, max: 1024 },
  validationSplit: { label: 'Validation split', min: 0, max: 0.5 },
  earlyStoppingPatience: {
    label: 'Early stopping patience',
    integer: true,
    min: 0,
    max: 100,
    unit: 'epochs',
  },
  seed: { label: 'Seed', integer: true, min: 0, max: 2 ** 31 - 1 },
};

export const AUGMENTATION_RULES: Record<NumericKeys<AugmentationSettings>, NumberRule> = {
  noise: { label: 'Noise', min: 0, max: 1 },
  scale: { label: 'Scale', min: 0, max: 0.5 },
  shift: { label: 'Time shift', min: 0, max: 0.5 },
  timeMasks: { label: 'Time masks', integer: true, min: 0, max: 10 },
  timeMaskMax: { label: 'Time mask width', integer: true, min: 1, max: 50, unit: 'frames' },
  freqMasks: { label: 'Frequency masks', integer: true, min: 0, max: 10 },
  freqMaskMax: { label: 'Frequency mask width', integer: true, min: 1, max: 40, unit: 'bins' },
};

/** Augmentation settings that apply: SpecAugment masks for time-frequency features, scale and shift otherwise. */
const AUGMENTATION_FIELDS = {
  audio: ['noise', 'timeMasks', 'timeMaskMax', 'freqMasks', 'freqMaskMax'],
  motion: ['noise', 'scale', 'shift'],
} as const;

/**
 * Problems of the settings, keyed 'epochs' … and 'augmentation.noise' …; augmentation is checked only when it
 * is on, and only the fields that apply to the features (`audio`: [frames, coefficients] features).
 */
export function trainingSettingsProblems(settings: TrainingSettings, audio: boolean): Problems {
  const problems = fieldProblems(settings, TRAINING_RULES);
  if (!settings.augmentation.enabled) return problems;
  const rules: Partial<typeof AUGMENTATION_RULES> = {};
  for (const key of AUGMENTATION_FIELDS[audio ? 'audio' : 'motion']) rules[key] = AUGMENTATION_RULES[key];
  return { ...problems, ...fieldProblems(settings.augmentation, rules, 'augmentation.') };
}
