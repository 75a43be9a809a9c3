/** The compression worker's API, imported by both sides (the worker implements it, the page calls it via comlink). */
import type {
  DistillSettings,
  MagnitudeSettings,
  StructuredSettings,
} from '../src/core/compress/compressSettings';
import type { FileSize, LayerSparsity } from '../src/core/compress/compressTechniques';
import type { Impulse } from '../src/core/impulse/impulse';
import type { TrainedModel } from '../src/core/learn/trainedModel';
import type { BackendChoice } from '../src/platform/tfjs/backend';
import type { FeatureJobSample } from './dspApi';

export type CompressTechnique =
  | { kind: 'magnitude'; settings: MagnitudeSettings }
  | { kind: 'structured'; settings: StructuredSettings }
  | { kind: 'distill'; settings: DistillSettings };

export interface CompressJob {
  /** The impulse whose trained model is compressed (the teacher, for distillation). */
  impulse: Impulse;
  model: TrainedModel;
  trainingSamples: FeatureJobSample[];
  testingSamples: FeatureJobSample[];
  technique: CompressTechnique;
  backend: BackendChoice;
  baseUrl: string;
}

export interface CompressProgress {
  phase: 'features' | 'training' | 'quantising' | 'testing' | 'saving';
  /** 0…1 within the phase. */
  fraction: number;
  /** What is being trained ("pruned", "distilled student", "student from scratch"). */
  network?: string;
}

/** Test-set accuracy per window of a model, float32 and int8 (null without testing windows). */
export interface TestAccuracy {
  float: number | null;
  int8: number | null;
  windows: number;
}

/** A saved variant: a new impulse of the project with its trained, quantised model. */
export interface SavedVariant {
  impulse: Impulse;
  model: TrainedModel;
  test: TestAccuracy;
  float: FileSize;
  int8: FileSize;
}

export interface CompressResult {
  technique: CompressTechnique['kind'];
  source: { test: TestAccuracy; float: FileSize; int8: FileSize };
  /** Magnitude: the pruned model; structured: the smaller one; distillation: the student, then from scratch. */
  variants: SavedVariant[];
  /** Magnitude pruning: every layer's share of exact zeros. */
  sparsity?: LayerSparsity[];
  /** Structured pruning: filters / neurons of every hidden layer before and after. */
  units?: Array<{ layer: string; before: number; after: number }>;
}

export interface CompressWorkerApi {
  /** Runs the technique, saves each result as a new impulse, and resolves to what was saved; 'cancelled' on cancel. */
  compress(job: CompressJob, onProgress: (p: CompressProgress) => void): Promise<CompressResult>;
  cancel(): void;
}
