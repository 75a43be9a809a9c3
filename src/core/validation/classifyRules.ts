/** The limits of the settings used when classifying: the test threshold or tolerance, live smoothing. */
import type { LearnKind } from '../learn/learnBlock';
import { numberProblem, type NumberRule, type Problems } from './numberRule';

export const CONFIDENCE_RULE: NumberRule = { label: 'Confidence threshold', min: 0, max: 1 };
export const TOLERANCE_RULE: NumberRule = { label: 'Tolerance', min: 0 };
export const SMOOTHING_RULE: NumberRule = {
  label: 'Smoothing',
  integer: true,
  min: 1,
  max: 50,
  unit: 'windows',
};

/** The rule of the testing threshold: a confidence for a classifier, a tolerance for a regressor, none for k-means. */
export function thresholdRule(kind: LearnKind): NumberRule | null {
  return kind === 'classifier' ? CONFIDENCE_RULE : kind === 'regression' ? TOLERANCE_RULE : null;
}

/** Problem of the testing page's threshold, keyed 'threshold'. */
export function testSettingsProblems(kind: LearnKind, threshold: number): Problems {
  const rule = thresholdRule(kind);
  const problem = rule && numberProblem(threshold, rule);
  return problem ? { threshold: problem } : {};
}

/** Problems of live classification, keyed 'smoothing' and 'threshold' (a confidence, for classifiers only). */
export function liveSettingsProblems(
  kind: LearnKind,
  settings: { smoothing: number; threshold: number },
): Problems {
  const out: Problems = {};
  const smoothing = numberProblem(settings.smoothing, SMOOTHING_RULE);
  if (smoothing) out.smoothing = smoothing;
  const threshold = kind === 'classifier' && numberProblem(settings.threshold, CONFIDENCE_RULE);
  if (threshold) out.threshold = threshold;
  return out;
}
