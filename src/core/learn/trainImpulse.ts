import { learnBlockProblems } from '../validation/learnBlockRules';
import { problemList } from '../validation/numberRule';
import { StudioError } from '../errors';
import type { Graph } from '../ir/graph';
import { standardizationOf, standardizeInput } from '../ir/standardize';
import { planFor } from './architecture';
import { fitAnomalyModel, anomalyScores } from './anomaly';
import { exportGraph } from './exportGraph';
import type { LearnBlock } from './learnBlock';
import { classificationMetrics, confusionMatrix, regressionMetrics } from './metrics';
import { projectFeatures } from './projection';
import { fitScaler } from './scaler';
import { trainNetwork, type EpochLog } from './train';
import type { Evaluation, TrainedModel, TrainingExplorer } from './trainedModel';

/** The training rows of an impulse's feature set, as the worker and the CLI assemble them. */
export interface ImpulseTrainingSet {
  rows: Float32Array[];
  /** The label of each row's sample. */
  rowLabels: string[];
  /** Per row: index into sampleIds and the window start. */
  rowSample: Int32Array;
  rowStartMs: Float32Array;
  sampleIds: string[];
  featureShape: number[];
  configHash: string;
}

export interface TrainImpulseOptions {
  impulseId: string;
  projectId: string;
  learn: LearnBlock;
  backend: string;
  description: string;
  augment?: (row: number, rand: () => number) => Float32Array;
  onEpoch?: (log: EpochLog, totalEpochs: number) => void;
  signal?: AbortSignal;
  now?: () => number;
}

/** A cluster's farthest member sits exactly on its edge (score 0): it counts as inside. */
const isInside = (score: number) => score <= 0;

/** Sorted distinct labels: the classifier's output order. */
export function classLabels(rowLabels: readonly string[]): string[] {
  return [...new Set(rowLabels)].sort((a, b) => a.localeCompare(b));
}

/** Regression targets are the labels read as numbers; a label that is not one is named. */
export function regressionTargets(rowLabels: readonly string[]): Float32Array {
  return Float32Array.from(rowLabels, (label) => {
    const v = Number(label);
    if (label.trim() === '' || !Number.isFinite(v)) {
      throw new StudioError(
        'regression-label',
        `Regression needs numeric labels; "${label}" is not a number. Relabel the samples with the value to predict.`,
      );
    }
    return v;
  });
}

function flatten(rows: readonly Float32Array[], featureCount: number): Float32Array {
  const x = new Float32Array(rows.length * featureCount);
  rows.forEach((r, i) => x.set(r, i * featureCount));
  return x;
}

function argmax(values: Float32Array, offset: number, count: number): number {
  let best = 0;
  for (let c = 1; c < count; c++) if (values[offset + c] > values[offset + best]) best = c;
  return best;
}

/**
 * Trains the impulse's learning block on its training rows and returns the model record to store: weights as
 * the float32 IR (or the k-means clusters), the per-epoch history, validation metrics and the explorer data.
 */
export async function trainImpulse(
  set: ImpulseTrainingSet,
  options: TrainImpulseOptions,
): Promise<TrainedModel> {
  const now = options.now ?? (() => Date.now());
  const started = now();
  if (set.rows.length === 0)
    throw new StudioError(
      'no-training-data',
      'There are no training windows: record or import training samples, then train.',
    );
  const wrong = problemList(learnBlockProblems(options.learn, set.featureShape))[0];
  if (wrong) throw new StudioError('learn-settings', wrong);
  const featureCount = set.rows[0].length;
  const base = {
    impulseId: options.impulseId,
    projectId: options.projectId,
    configHash: set.configHash,
    featureShape: set.featureShape,
    learn: options.learn,
  };
  const projection = projectFeatures(set.rows, 'pca', { signal: options.signal });
  const explorerBase = {
    points: projection.points,
    sampleIds: set.sampleIds,
    rowSample: set.rowSample,
    rowStartMs: set.rowStartMs,
  };

  if (options.learn.kind === 'anomaly') {
    const anomaly = fitAnomalyModel(set.rows, options.learn);
    const scores = anomalyScores(anomaly, set.rows);
    const sorted = Float32Array.from(scores).sort();
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    const validation: Evaluation = {
      kind: 'anomaly',
      insideFraction: scores.filter(isInside).length / scores.length,
      scoreP50: at(0.5),
      scoreP95: at(0.95),
    };
    const explorer: TrainingExplorer = {
      ...explorerBase,
      actual: new Int32Array(set.rows.length).fill(-1),
      predicted: Int32Array.from(scores, (s) => (isInside(s) ? 0 : 1)),
      validation: new Uint8Array(set.rows.length),
    };
    return {
      ...base,
      createdAt: now(),
      labels: [],
      backend: 'k-means',
      durationMs: now() - started,
      trainWindows: set.rows.length,
      validationWindows: 0,
      anomaly,
      history: [],
      keptEpoch: 0,
      stoppedEarly: false,
      validation,
      explorer,
    };
  }

  const learn = options.learn;
  const labels = learn.kind === 'classifier' ? classLabels(set.rowLabels) : [];
  const index = new Map(labels.map((l, i) => [l, i]));
  const y =
    learn.kind === 'classifier'
      ? Int32Array.from(set.rowLabels, (l) => index.get(l) ?? 0)
      : regressionTargets(set.rowLabels);
  const arch = planFor(learn, set.featureShape, labels.length);
  // Features of very different scales (deg/s next to g) would swamp each other: the network learns on standardised
  // features, and the standardisation becomes part of the model (Graph.standardization).
  const scaler = fitScaler(set.rows);
  const standardization = { standardization: standardizationOf(scaler.mean, scaler.std) };
  const standardize = (row: Float32Array) => standardizeInput(standardization, row);
  const augment = options.augment;
  const result = await trainNetwork(
    {
      x: flatten(set.rows.map(standardize), featureCount),
      rows: set.rows.length,
      featureCount,
      y,
    },
    {
      arch,
      settings: learn.training,
      augment: augment && ((row, rand) => standardize(augment(row, rand))),
      onEpoch: options.onEpoch,
      signal: options.signal,
    },
  );
  const float: Graph = {
    ...exportGraph(arch, result.weights, options.description),
    ...standardization,
  };
  const outputs = learn.kind === 'classifier' ? labels.length : 1;
  const validationRows = new Uint8Array(set.rows.length);
  result.valIdx.forEach((r) => (validationRows[r] = 1));
  const actual = new Int32Array(set.rows.length).fill(-1);
  const predicted = new Int32Array(set.rows.length).fill(-1);
  // Too few windows per class for a validation split: the figures are on the training windows (the UI says so).
  const evalIdx = result.valIdx.length > 0 ? result.valIdx : result.trainIdx;
  let validation: Evaluation;
  const last =
    result.history.find((h) => h.epoch === result.keptEpoch) ?? result.history[result.history.length - 1];
  if (learn.kind === 'classifier') {
    for (let r = 0; r < set.rows.length; r++) {
      actual[r] = y[r];
      predicted[r] = argmax(result.outputs, r * outputs, outputs);
    }
    const truth = Int32Array.from(evalIdx, (r) => actual[r]);
    const guess = Int32Array.from(evalIdx, (r) => predicted[r]);
    const matrix = confusionMatrix(truth, guess, outputs);
    const m = classificationMetrics(matrix, labels);
    validation = {
      kind: 'classifier',
      accuracy: m.accuracy,
      loss: last?.valLoss ?? null,
      confusion: matrix,
      perClass: m.perClass,
      weightedF1: m.weightedF1,
    };
  } else {
    const truth = Float32Array.from(evalIdx, (r) => y[r]);
    validation = {
      kind: 'regression',
      ...regressionMetrics(
        truth,
        Float32Array.from(evalIdx, (r) => result.outputs[r]),
      ),
    };
  }
  return {
    ...base,
    createdAt: now(),
    labels,
    backend: options.backend,
    durationMs: now() - started,
    trainWindows: result.trainIdx.length,
    validationWindows: result.valIdx.length,
    float,
    history: result.history,
    keptEpoch: result.keptEpoch,
    stoppedEarly: result.stoppedEarly,
    validation,
    explorer: { ...explorerBase, actual, predicted, validation: validationRows },
  };
}
