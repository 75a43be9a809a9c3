/** Real trained models for the project-archive tests: a quantised gesture classifier and a k-means model. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { GESTURE_IMPULSE, gestureBenchSamples } from '../../learn/gestureBenchSet';
import { defaultLearnBlock, type NeuralBlock } from '../../learn/learnBlock';
import { comparePrecisions, quantizeTrained } from '../../learn/quantizeTrained';
import { DEFAULT_QUANTIZE } from '../../learn/quantizeSettings';
import { trainImpulse } from '../../learn/trainImpulse';
import { trainingSetFromSamples, type LabelledSample } from '../../learn/trainingSet';
import type { TrainedModel } from '../../learn/trainedModel';

export { GESTURE_IMPULSE };

/** Gesture recordings with the given sample ids (one per gesture), as a project's samples would be. */
export function gestureSamples(ids: readonly string[], seconds = 12): LabelledSample[] {
  return gestureBenchSamples(seconds).map((s, i) => ({ ...s, id: ids[i] }));
}

const options = (impulseId: string, projectId: string) => ({
  impulseId,
  projectId,
  backend: 'cpu',
  description: 'TinyML Studio — archive test',
});

/** A classifier trained for a few epochs on `samples`, quantised to int8 and compared on the same windows. */
export async function trainedClassifier(
  samples: readonly LabelledSample[],
  impulseId = 'imp-1',
  projectId = 'proj-1',
): Promise<TrainedModel> {
  await tf.setBackend('cpu');
  const { set } = trainingSetFromSamples(GESTURE_IMPULSE, samples);
  const learn = defaultLearnBlock('classifier', set.featureShape) as NeuralBlock;
  learn.training = { ...learn.training, epochs: 4 };
  const model = await trainImpulse(set, { ...options(impulseId, projectId), learn });
  const int8 = await quantizeTrained(model, set.rows, DEFAULT_QUANTIZE);
  int8.comparison = await comparePrecisions(model, int8, set.rows, set.rowLabels);
  return { ...model, int8 };
}

/** k-means anomaly detection on the first three features of `samples`. */
export async function trainedAnomaly(
  samples: readonly LabelledSample[],
  impulseId = 'imp-2',
  projectId = 'proj-1',
): Promise<TrainedModel> {
  const { set } = trainingSetFromSamples(GESTURE_IMPULSE, samples);
  const learn = { kind: 'anomaly' as const, clusters: 3, featureIndices: [0, 1, 2], seed: 1 };
  return trainImpulse(set, { ...options(impulseId, projectId), learn });
}
