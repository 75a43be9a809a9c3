/**
 * All the field checks of an impulse together, for the actions that start a job from it (feature generation,
 * training) and for saving: an impulse with a wrong field is kept on the page but not stored.
 */
import { describeError } from '../errors';
import { featureShape } from '../impulse/generateFeatures';
import type { Impulse } from '../impulse/impulse';
import { dspParamProblems } from './dspParamRules';
import { impulseInputProblems } from './impulseInputRules';
import { learnBlockProblems } from './learnBlockRules';
import { problemList } from './numberRule';

/** What is wrong with the settings features depend on (input block and processing block), as messages. */
export function featureSettingsProblems(impulse: Pick<Impulse, 'input' | 'dsp'>): string[] {
  return [...problemList(impulseInputProblems(impulse.input)), ...problemList(dspParamProblems(impulse.dsp))];
}

/** The feature shape, or null when the processing block does not fit the window (its own message says why). */
function shapeOrNull(impulse: Pick<Impulse, 'input' | 'dsp'>): number[] | null {
  try {
    return featureShape(impulse);
  } catch {
    return null;
  }
}

/** Every field problem of the impulse: input, processing and learning block. Empty: it can be stored. */
export function impulseFieldProblems(impulse: Impulse): string[] {
  const features = featureSettingsProblems(impulse);
  if (!impulse.learn) return features;
  const shape = features.length > 0 ? null : shapeOrNull(impulse);
  return [...features, ...problemList(learnBlockProblems(impulse.learn, shape))];
}

/**
 * Why the impulse cannot be trained as it is set, as messages (empty: it can): a wrong field anywhere, or a
 * processing block that does not fit the window.
 */
export function trainingBlockers(impulse: Impulse): string[] {
  const fields = impulseFieldProblems(impulse);
  if (fields.length > 0) return fields;
  try {
    featureShape(impulse);
  } catch (e) {
    return [describeError(e)];
  }
  return [];
}
