/** The training worker's API, imported by both sides (the worker implements it, the page calls it via comlink). */
import type { Impulse } from '../src/core/impulse/impulse';
import type { EpochLog } from '../src/core/learn/train';
import type { TrainedModel } from '../src/core/learn/trainedModel';
import type { TestReport } from '../src/core/learn/modelTesting';
import type { BackendChoice } from '../src/platform/tfjs/backend';
import type { QuantizeSettings } from '../src/core/learn/quantizeSettings';
import type { FeatureJobSample, FeatureProgress } from './dspApi';

export interface TrainJob {
  impulse: Impulse;
  /** The enabled training samples. */
  samples: FeatureJobSample[];
  backend: BackendChoice;
  /** The app's base URL, to find the wasm files it serves. */
  baseUrl: string;
}

export type TrainProgress =
  | { phase: 'features'; features: FeatureProgress }
  | { phase: 'preparing'; backend: string; note?: string }
  | { phase: 'training'; epoch: EpochLog; totalEpochs: number; backend: string }
  | { phase: 'finishing' };

export interface TestJob {
  impulse: Impulse;
  model: TrainedModel;
  /** The enabled testing samples. */
  samples: FeatureJobSample[];
  threshold: number;
  precision: 'float32' | 'int8';
}

export interface QuantizeJob {
  impulse: Impulse;
  model: TrainedModel;
  /** The enabled training samples (representative data for calibration). */
  trainingSamples: FeatureJobSample[];
  /** The enabled testing samples (float32 vs int8 comparison). */
  testingSamples: FeatureJobSample[];
  settings: QuantizeSettings;
}

/** Feature windows of samples, for checks that run on the page (e.g. the official TFLite runtime). */
export interface WindowSet {
  rows: Float32Array;
  rowCount: number;
  featureCount: number;
  labels: string[];
}

export interface LiveResult {
  /** Class probabilities (classifier), [value] (regression) or [score] (anomaly). */
  outputs: Float32Array;
  dspMs: number;
  inferenceMs: number;
}

/** The jobs that `cancel` can stop, each on its own. */
export type TrainWorkerJob = 'train' | 'test' | 'quantize';

export interface TrainWorkerApi {
  /** Trains, saves the model and the completed run in IndexedDB, and resolves to the model; rejects 'cancelled' on cancel. */
  train(job: TrainJob, onProgress: (p: TrainProgress) => void): Promise<TrainedModel>;
  /** Stops the running call of that kind (within a batch, a few windows or a sample): it rejects with 'cancelled'. */
  cancel(job: TrainWorkerJob): void;
  /** Classifies every testing sample with the model (sliding windows, aggregated per sample). */
  test(job: TestJob, onProgress: (done: number, total: number) => void): Promise<TestReport>;
  /** Quantises the model to int8, compares both precisions on the test set, saves and resolves to the updated model. */
  quantize(
    job: QuantizeJob,
    onProgress: (phase: 'features' | 'calibrating' | 'comparing', fraction: number) => void,
  ): Promise<TrainedModel>;
  /** The feature windows of samples (from the cache), flattened. */
  windows(impulse: Impulse, samples: FeatureJobSample[]): Promise<WindowSet>;
  /** Prepares live classification with a model; later `classify` calls use it. */
  startLive(impulse: Impulse, model: TrainedModel, precision: 'float32' | 'int8'): Promise<void>;
  /** One window (frames × axes interleaved, in the impulse's frequency) through DSP and the model. */
  classify(window: Float32Array): Promise<LiveResult>;
}
