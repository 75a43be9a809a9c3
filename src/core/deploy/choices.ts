/**
 * What the Deployment page and `studio export` offer for a subject: the formats that apply (a k-means block has
 * no TensorFlow Lite model; a model file has no processing block, so no Arduino sketch and no second .tflite) and
 * the precisions (int8 once quantised), each refused one with the reason.
 */
import type { TrainedModel } from '../learn/trainedModel';
import { DEPLOY_FORMATS, type DeployFormat } from './formats';
import type { Precision } from './impulseLibrary';

export type DeploySubject =
  { kind: 'impulse'; model: Pick<TrainedModel, 'learn' | 'float' | 'int8' | 'anomaly'> } | { kind: 'file' };

/** Why a format cannot be chosen for the subject, or null when it can. */
export function formatProblem(subject: DeploySubject, format: DeployFormat): string | null {
  if (subject.kind === 'file') {
    if (format === 'arduino')
      return 'A model file has no processing block: the Arduino sketches need the impulse.';
    if (format === 'tflite') return 'This is the file you brought.';
    return null;
  }
  if (subject.model.learn.kind === 'anomaly' && (format === 'tflite' || format === 'header')) {
    return 'K-means anomaly detection has no TensorFlow Lite model: it deploys as generated C.';
  }
  return null;
}

/** Why a precision cannot be chosen, or null; k-means anomaly detection has only one (null for both). */
export function precisionProblem(
  model: Pick<TrainedModel, 'learn' | 'float' | 'int8'>,
  precision: Precision,
): string | null {
  if (model.learn.kind === 'anomaly') return null;
  if (precision === 'int8' && !model.int8) return 'Quantise the model to int8 on the Training page first.';
  if (precision === 'float32' && !model.float) return 'The model has no float32 version.';
  return null;
}

/** What a format gives for the subject: a model file's library has no processing block and no run_impulse. */
export function formatDescription(subject: DeploySubject, format: DeployFormat): string {
  if (subject.kind === 'file' && format === 'cpp') {
    return 'The model as generated C behind model_invoke(input, output): static arena, no interpreter.';
  }
  return DEPLOY_FORMATS.find((f) => f.id === format)!.description;
}
