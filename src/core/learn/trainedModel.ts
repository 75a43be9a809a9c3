import type { Graph } from '../ir/graph';
import type { LearnBlock } from './learnBlock';
import type { EpochLog } from './train';
import type { PrecisionComparison } from './quantizeTrained';

/** Per-class precision, recall and F1 with the class's support. */
export interface ClassScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassifierEvaluation {
  kind: 'classifier';
  accuracy: number;
  loss: number | null;
  /** rows = actual, columns = predicted (an extra last column counts 'uncertain' where used). */
  confusion: number[][];
  perClass: ClassScore[];
  weightedF1: number;
}

export interface RegressionEvaluation {
  kind: 'regression';
  mse: number;
  mae: number;
  r2: number;
}

export interface AnomalyEvaluation {
  kind: 'anomaly';
  /** Share of training windows inside a cluster (score < 0) and the score percentiles. */
  insideFraction: number;
  scoreP50: number;
  scoreP95: number;
}

export type Evaluation = ClassifierEvaluation | RegressionEvaluation | AnomalyEvaluation;

export interface AnomalyModel {
  featureIndices: number[];
  mean: number[];
  std: number[];
  clusters: Array<{ center: number[]; radius: number; count: number }>;
}

/** Where each training window landed: a 2-D projection and whether the model got it right. */
export interface TrainingExplorer {
  points: Float32Array;
  sampleIds: string[];
  /** Per row: index into sampleIds, start in the sample, actual and predicted class (−1 for regression/anomaly). */
  rowSample: Int32Array;
  rowStartMs: Float32Array;
  actual: Int32Array;
  predicted: Int32Array;
  /** 1 where the row was in the validation set. */
  validation: Uint8Array;
}

/** The int8 version of a model, made by post-training quantisation (issue: quantisation, DESIGN.md §6). */
export interface QuantizedModel {
  graph: Graph;
  createdAt: number;
  ioType: 'int8' | 'float32';
  calibration: { method: 'minmax' | 'percentile'; percentile?: number; windows: number };
  /** Sizes of the written `.tflite` files, bytes. */
  floatBytes: number;
  int8Bytes: number;
  /** float32 vs int8 on the test windows (absent when there were none). */
  comparison?: PrecisionComparison;
}

/** One trained version of an impulse's learning block, stored in IndexedDB (`models`, keyed by impulse id). */
export interface TrainedModel {
  impulseId: string;
  projectId: string;
  createdAt: number;
  /** The learning block exactly as trained. */
  learn: LearnBlock;
  /** Class names in output order (classifier); [] otherwise. */
  labels: string[];
  /** The feature configuration the model was trained on: a changed impulse makes the model stale. */
  configHash: string;
  featureShape: number[];
  /** The tfjs backend that trained it ('wasm', 'cpu') or 'k-means'. */
  backend: string;
  durationMs: number;
  trainWindows: number;
  validationWindows: number;
  /** The float32 network (absent for anomaly detection). */
  float?: Graph;
  anomaly?: AnomalyModel;
  /** Present once quantised; dropped when the model is retrained. */
  int8?: QuantizedModel;
  history: EpochLog[];
  keptEpoch: number;
  stoppedEarly: boolean;
  validation: Evaluation;
  explorer: TrainingExplorer;
}

export type TrainingRunStatus = 'running' | 'completed' | 'cancelled' | 'failed';

/** The latest training run of an impulse (`trainingRuns`, keyed by impulse id). */
export interface TrainingRun {
  impulseId: string;
  projectId: string;
  status: TrainingRunStatus;
  startedAt: number;
  endedAt?: number;
  message?: string;
}
