/** The tuner worker's API, imported by both sides (the worker implements it, the page calls it via comlink). */
import type { Impulse } from '../src/core/impulse/impulse';
import type { BoardId } from '../src/core/mcu/boards';
import type { Runtime } from '../src/core/mcu/cost';
import type { ScorePhase, ScoreResult } from '../src/core/tune/scoreCandidate';
import type { Candidate, TuneBudget, TuneSettings } from '../src/core/tune/tuneTypes';
import type { BackendChoice } from '../src/platform/tfjs/backend';
import type { FeatureJobSample } from './dspApi';

export interface TunePlanJob {
  /** The impulse the search space is derived from. */
  base: Impulse;
  settings: TuneSettings;
  /** Classes of the training set (the size of each candidate's output layer). */
  classes: number;
}

/** One training of one candidate at one rung. */
export interface TuneJob {
  /** The candidate's impulse, its learning block set for the rung's epochs. */
  impulse: Impulse;
  /** The enabled training and testing samples with the impulse's axes. */
  trainingSamples: FeatureJobSample[];
  testingSamples: FeatureJobSample[];
  board: BoardId;
  runtime: Runtime;
  budget: TuneBudget;
  backend: BackendChoice;
  /** The app's base URL, to find the wasm files it serves. */
  baseUrl: string;
}

export interface TuneProgress {
  phase: 'features' | ScorePhase;
  /** 0…1 within the phase. */
  fraction: number;
}

export interface TuneWorkerApi {
  /** Draws the candidates (seeded) and costs each on the board before any training; over-budget ones say why. */
  plan(job: TunePlanJob): Promise<Candidate[]>;
  /** Features → training → int8 → test accuracy → profile on the board; rejects 'cancelled' on cancel. */
  evaluate(job: TuneJob, onProgress: (p: TuneProgress) => void): Promise<ScoreResult>;
  /** Stops the running evaluation (within a batch or a few windows). */
  cancel(): void;
}
