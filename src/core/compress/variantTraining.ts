import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { StudioError } from '../errors';
import type { Graph } from '../ir/graph';
import { standardizeInput } from '../ir/standardize';
import type { Architecture, ArchitectureLayerSpec } from '../learn/architecture';
import { exportGraph } from '../learn/exportGraph';
import type { LayerSpec, NeuralBlock } from '../learn/learnBlock';
import { classificationMetrics, confusionMatrix } from '../learn/metrics';
import { graphRunner } from '../learn/modelRunner';
import { projectFeatures } from '../learn/projection';
import { validationSplit } from '../learn/split';
import { buildTfModel, readLayerWeights, type LayerWeights } from '../learn/tfModel';
import type { TrainedModel } from '../learn/trainedModel';

/** The impulse's training windows as the training worker assembles them (raw features, one row per window). */
export interface VariantTrainingSet {
  rows: Float32Array[];
  rowLabels: string[];
  rowSample: Int32Array;
  rowStartMs: Float32Array;
  sampleIds: string[];
}

/** The standardised matrix and class indices of the rows the network learns from (the validation split held out). */
export interface PreparedSet {
  x: tf.Tensor2D;
  y: Int32Array;
  oneHot: tf.Tensor2D;
  trainIdx: Int32Array;
  valIdx: Int32Array;
  /** Class index of every row (the validation rows included). */
  allY: Int32Array;
}

/** The source model as a classifier network, or a clear refusal. */
export function networkOf(model: TrainedModel): { float: Graph; learn: NeuralBlock } {
  if (model.learn.kind !== 'classifier' || !model.float)
    throw new StudioError(
      'compress-not-classifier',
      'Compression works on neural classifiers: this impulse has no trained classifier network.',
    );
  return { float: model.float, learn: model.learn };
}

/**
 * Standardises the training rows with the source model's statistics and holds out the same validation split
 * as its training run did (same labels, fraction and seed), so the variant is validated on windows it never saw.
 */
export function prepareSet(model: TrainedModel, set: VariantTrainingSet): PreparedSet {
  const { float, learn } = networkOf(model);
  if (set.rows.length === 0)
    throw new StudioError('no-training-data', 'There are no training windows to fine-tune on.');
  const index = new Map(model.labels.map((l, i) => [l, i]));
  const allY = Int32Array.from(set.rowLabels, (l) => {
    const c = index.get(l);
    if (c === undefined)
      throw new StudioError(
        'model-stale',
        `The training data has the label “${l}”, which the model does not know: train the impulse again first.`,
      );
    return c;
  });
  const { trainIdx, valIdx } = validationSplit(allY, learn.training.validationSplit, learn.training.seed);
  const features = set.rows[0].length;
  const flat = new Float32Array(trainIdx.length * features);
  trainIdx.forEach((r, i) => flat.set(standardizeInput(float, set.rows[r]), i * features));
  const y = Int32Array.from(trainIdx, (r) => allY[r]);
  const classes = model.labels.length;
  const hot = new Float32Array(y.length * classes);
  y.forEach((c, i) => (hot[i * classes + c] = 1));
  return {
    x: tf.tensor2d(flat, [trainIdx.length, features]),
    y,
    oneHot: tf.tensor2d(hot, [y.length, classes]),
    trainIdx,
    valIdx,
    allY,
  };
}

export function disposeSet(set: PreparedSet): void {
  tf.dispose([set.x, set.oneHot]);
}

/** A tfjs model of the architecture holding the given weights (layers with weights, in order). */
export function modelWithWeights(
  arch: Architecture,
  weights: readonly LayerWeights[] | null,
  seed: number,
): tfl.Sequential {
  const model = buildTfModel(arch, { seed, learningRate: 0.001 });
  if (!weights) return model;
  const layers = model.layers.filter((l) => l.getWeights().length > 0);
  if (layers.length !== weights.length)
    throw new StudioError('compress', 'The stored model’s weights do not match its architecture.');
  layers.forEach((layer, i) => {
    const tensors = [tf.tensor(weights[i].kernel, weights[i].kernelShape), tf.tensor(weights[i].bias)];
    layer.setWeights(tensors);
    tf.dispose(tensors);
  });
  return model;
}

/** The hidden layers of a planned architecture, as a learning block stores them. */
export function layerSpecsOf(arch: Architecture): LayerSpec[] {
  return arch.layers.flatMap((l) => {
    const spec: ArchitectureLayerSpec | undefined = l.spec;
    if (!spec) return [];
    if (spec.type === 'separableConv')
      throw new StudioError('compress', 'A separable block cannot be stored in this learning block yet.');
    return [spec];
  });
}

export interface VariantInput {
  source: TrainedModel;
  impulseId: string;
  arch: Architecture;
  tfModel: tfl.LayersModel;
  set: VariantTrainingSet;
  prepared: PreparedSet;
  losses: number[];
  description: string;
  startedAt: number;
  now: () => number;
}

/**
 * The trained model record of a compressed variant: the fine-tuned network as float32 IR (with the source's
 * input standardisation), its per-epoch loss, validation metrics on the held-out split and a fresh explorer.
 * Quantisation and the test set come afterwards (`quantizeTrained`, `comparePrecisions`), as for any model.
 */
export function variantModel(input: VariantInput): TrainedModel {
  const { source, arch, prepared, set } = input;
  const { float: sourceFloat, learn } = networkOf(source);
  const float: Graph = {
    ...exportGraph(arch, readLayerWeights(input.tfModel), input.description),
    standardization: sourceFloat.standardization,
  };
  const run = graphRunner(float);
  const predicted = Int32Array.from(set.rows, (row) => argmax(run(row)));
  const evalIdx = prepared.valIdx.length > 0 ? prepared.valIdx : prepared.trainIdx;
  const matrix = confusionMatrix(
    Array.from(evalIdx, (r) => prepared.allY[r]),
    Array.from(evalIdx, (r) => predicted[r]),
    source.labels.length,
  );
  const metrics = classificationMetrics(matrix, source.labels);
  const validation = new Uint8Array(set.rows.length);
  prepared.valIdx.forEach((r) => (validation[r] = 1));
  const elapsed = input.now() - input.startedAt;
  return {
    impulseId: input.impulseId,
    projectId: source.projectId,
    createdAt: input.now(),
    learn: {
      ...learn,
      layers: layerSpecsOf(arch),
      training: { ...learn.training, epochs: input.losses.length },
    },
    labels: source.labels,
    configHash: source.configHash,
    featureShape: source.featureShape,
    backend: tf.getBackend(),
    durationMs: elapsed,
    trainWindows: prepared.trainIdx.length,
    validationWindows: prepared.valIdx.length,
    float,
    history: input.losses.map((loss, i) => ({
      epoch: i + 1,
      loss,
      valLoss: null,
      accuracy: null,
      valAccuracy: null,
      elapsedMs: (elapsed * (i + 1)) / input.losses.length,
    })),
    keptEpoch: input.losses.length,
    stoppedEarly: false,
    validation: {
      kind: 'classifier',
      accuracy: metrics.accuracy,
      loss: null,
      confusion: matrix,
      perClass: metrics.perClass,
      weightedF1: metrics.weightedF1,
    },
    explorer: {
      points: projectFeatures(set.rows, 'pca').points,
      sampleIds: set.sampleIds,
      rowSample: set.rowSample,
      rowStartMs: set.rowStartMs,
      actual: prepared.allY,
      predicted,
      validation,
    },
  };
}

function argmax(v: Float32Array): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
  return best;
}
