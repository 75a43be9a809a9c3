/**
 * The tuner's data (issue 20): what is searched (a candidate's window, DSP parameters and network), under which
 * budget, and what each training of a candidate scored. Pure data: stored in IndexedDB (`tunerRuns`) as a run
 * progresses, so a reload shows what finished and can resume the rest.
 */
import type { BlockParams } from '../dsp/block';
import type { Impulse } from '../impulse/impulse';
import type { TrainedModel } from '../learn/trainedModel';
import type { BoardId } from '../mcu/boards';
import type { Runtime } from '../mcu/cost';

/** What a candidate may use on the target board: one window's latency, RAM and flash. */
export interface TuneBudget {
  latencyMs: number;
  ramKb: number;
  flashKb: number;
}

export interface TuneSettings {
  board: BoardId;
  /** The runtime the budget is checked under (the Arduino library's generated C by default). */
  runtime: Runtime;
  budget: TuneBudget;
  /** Candidates that fit the budget, all trained at the first rung. */
  candidates: number;
  /** Epochs of the first rung and of the last; each rung multiplies them by `eta`. */
  minEpochs: number;
  maxEpochs: number;
  /** Each rung keeps 1 / eta of the candidates and trains them eta times longer. */
  eta: number;
  seed: number;
}

/** The network family of a candidate and its sizes; the layers follow from them (searchSpace.ts). */
export interface NetworkGenes {
  family: 'dense' | 'conv1d' | 'conv2d';
  /** Neurons (dense) or filters (conv) of each hidden layer, in order. */
  widths: number[];
  /** The convolutions' kernel size (unused by 'dense'). */
  kernel: number;
}

/** One point of the search space. */
export interface CandidateSpec {
  windowSizeMs: number;
  windowStrideMs: number;
  /** The processing block's parameters in full (the base impulse's, with the searched ones replaced). */
  dspParams: BlockParams;
  network: NetworkGenes;
}

/** Latency, RAM and flash of a candidate on the target board under the run's runtime. */
export interface CostFigures {
  latencyMs: number;
  ramBytes: number;
  flashBytes: number;
}

export interface Candidate {
  id: string;
  spec: CandidateSpec;
  /** The cost planned before any training, from the architecture and the DSP settings. */
  planned: CostFigures | null;
  /** Why it was never trained ("over budget: RAM …", or settings the block refuses); absent when accepted. */
  rejected?: string;
}

/** One training of a candidate at one rung, and what it scored. */
export interface Evaluation {
  candidateId: string;
  rung: number;
  epochs: number;
  status: 'done' | 'failed';
  error?: string;
  /** Accuracy on the validation split of the training windows (float32): what ranks candidates. */
  valAccuracy: number | null;
  /** Accuracy on the testing windows, float32 and int8 (null without testing samples). */
  test: { float: number | null; int8: number | null; windows: number };
  /** The int8 model profiled on the board. */
  cost: CostFigures | null;
  /** Why the trained, quantised model does not fit the budget; null when it fits. */
  overBudget: string | null;
  durationMs: number;
}

export type TunerRunStatus = 'running' | 'completed' | 'cancelled' | 'failed';

/** The latest search of a project (`tunerRuns`, keyed by project id). */
export interface TunerRun {
  projectId: string;
  /** The impulse the search space was derived from, as it was when the search started. */
  base: Impulse;
  settings: TuneSettings;
  /** Class names of the training set, in the classifier's output order. */
  labels: string[];
  candidates: Candidate[];
  evaluations: Evaluation[];
  /** The model of each candidate's latest successful training (int8 included), to save it as an impulse. */
  models: Record<string, TrainedModel>;
  status: TunerRunStatus;
  message?: string;
  startedAt: number;
  updatedAt: number;
  /** Time spent training so far, over every session of the run (for candidates per minute). */
  activeMs: number;
}
