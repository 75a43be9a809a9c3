/** The MCU worker's API, imported by both sides (the worker implements it, the page calls it via comlink). */
import type { Impulse } from '../src/core/impulse/impulse';
import type { Architecture } from '../src/core/learn/architecture';
import type { TrainedModel } from '../src/core/learn/trainedModel';
import type { BoardId } from '../src/core/mcu/boards';
import type { Runtime } from '../src/core/mcu/cost';
import type { CalibrationRow } from '../src/core/mcu/calibration';
import type { PrecisionReport, RunProgress } from '../src/core/mcu/profileRun';
import type { PlannedEstimate } from '../src/core/tune/plannedEstimate';

export interface ImpulseProfileJob {
  impulse: Impulse;
  model: TrainedModel;
  /** Samples to take the real window from, in order of preference (the first that gives a window is used). */
  sampleIds: string[];
  /** The boards to profile (default: every deployable board). */
  boards?: BoardId[];
  /** The precisions to profile (default: float32, and int8 once quantised). */
  precisions?: Array<'int8' | 'float32'>;
}

/** A network as the architecture editor plans it, before training, to be estimated on one board. */
export interface PlannedEstimateJob {
  impulse: Pick<Impulse, 'input' | 'dsp'>;
  arch: Architecture;
  board: BoardId;
  runtime: Runtime;
}

export interface ProfileResult {
  /** What was profiled: the impulse's name or the file's. */
  title: string;
  reports: PrecisionReport[];
  /** Labels of the classifier's outputs, in order ([] otherwise). */
  labels: string[];
  /** Wall time of the whole run in the worker, ms. */
  durationMs: number;
}

/** The published calibration of the cost model (calibration.ts): what the page's calibration note shows. */
export interface CalibrationNote {
  rows: CalibrationRow[];
  worstErrorPct: number;
  fit: string;
}

export interface McuWorkerApi {
  /** Proves the impulse's model(s) run on a real window, then profiles them on the boards under every runtime. */
  profileImpulse(job: ImpulseProfileJob, onProgress: (p: RunProgress) => void): Promise<ProfileResult>;
  /**
   * Reads a `.tflite` (its bytes transferred, not copied), runs it on a seeded synthetic input and profiles it.
   * An unsupported op rejects with the reader's message, which names it and the supported ones.
   */
  profileTflite(
    bytes: Uint8Array,
    fileName: string,
    boards: BoardId[] | undefined,
    onProgress: (p: RunProgress) => void,
  ): Promise<ProfileResult>;
  /** The planned network with placeholder weights, quantised to int8 and profiled on the board (plannedEstimate.ts). */
  estimatePlanned(job: PlannedEstimateJob): Promise<PlannedEstimate>;
  /** The calibration table on the KWS reference model (served with the app). */
  calibration(): Promise<CalibrationNote>;
}
