import { create } from 'zustand';
import { proxy, transfer } from 'comlink';
import { describeError } from '../core/errors';
import type { Impulse } from '../core/impulse/impulse';
import type { TrainedModel } from '../core/learn/trainedModel';
import type { BoardId } from '../core/mcu/boards';
import type { Runtime } from '../core/mcu/cost';
import type { RunProgress } from '../core/mcu/profileRun';
import type { BoardProfile } from '../core/mcu/profileTypes';
import { mcuWorker } from '../platform/workers/mcuClient';
import type { CalibrationNote, ProfileResult } from '../../workers/mcuApi';
import { journaled } from './jobJournal';
import { jobSamples } from './trainingStore';

/** The runtime the published MLPerf Tiny figures used, and the page's default. */
export const DEFAULT_RUNTIME: Runtime = 'tflm-cmsis-nn';

/** What a profile is of: an impulse's trained model (as it was when profiled) or a dropped file. */
export type ProfileSubject = { kind: 'impulse'; key: string } | { kind: 'file'; fileName: string };

/** Identifies a trained model's version: retraining or quantising again gives a new key. */
export function modelKey(impulse: Impulse, model: TrainedModel): string {
  return `${impulse.id}|${model.createdAt}|${model.int8?.createdAt ?? 0}`;
}

/** The samples a real window is taken from: enabled testing samples first (held out), then training ones. */
function windowSamples(impulse: Impulse): string[] {
  return [...jobSamples(impulse, 'testing'), ...jobSamples(impulse, 'training')].map((s) => s.id);
}

interface TargetSummary {
  key: string;
  status: 'running' | 'done' | 'error';
  profile: BoardProfile | null;
  error: string | null;
}

interface ProfilingState {
  status: 'idle' | 'running' | 'done' | 'error';
  subject: ProfileSubject | null;
  progress: RunProgress | null;
  result: ProfileResult | null;
  error: string | null;
  runtime: Runtime;
  precision: 'int8' | 'float32' | 'none';
  calibration: {
    status: 'loading' | 'done' | 'error';
    note: CalibrationNote | null;
    error: string | null;
  } | null;
  /** The quantised model on the project's target board, for the Training page. */
  summary: TargetSummary | null;
  profileImpulse: (impulse: Impulse, model: TrainedModel) => Promise<void>;
  profileFile: (file: File) => Promise<void>;
  setRuntime: (runtime: Runtime) => void;
  setPrecision: (precision: 'int8' | 'float32' | 'none') => void;
  loadCalibration: () => Promise<void>;
  loadSummary: (impulse: Impulse, model: TrainedModel, board: BoardId) => Promise<void>;
}

/** Each run gets a number; a result that arrives after a newer run started is dropped. */
let runs = 0;

export const useProfiling = create<ProfilingState>((set, get) => {
  async function run(
    subject: ProfileSubject,
    name: string,
    start: (onProgress: (p: RunProgress) => void) => Promise<ProfileResult>,
  ) {
    const id = ++runs;
    set({ status: 'running', subject, progress: null, error: null, result: null });
    try {
      const result = await journaled('profiling', name, () =>
        start(proxy((p: RunProgress) => id === runs && set({ progress: p }))),
      );
      if (id !== runs) return;
      const precisions = result.reports.map((r) => r.precision);
      const keep = precisions.includes(get().precision) ? get().precision : precisions[0];
      set({ status: 'done', result, progress: null, precision: keep });
    } catch (e) {
      if (id === runs) set({ status: 'error', error: describeError(e), progress: null });
    }
  }

  return {
    status: 'idle',
    subject: null,
    progress: null,
    result: null,
    error: null,
    runtime: DEFAULT_RUNTIME,
    precision: 'int8',
    calibration: null,
    summary: null,

    profileImpulse: (impulse, model) =>
      run({ kind: 'impulse', key: modelKey(impulse, model) }, impulse.name, (onProgress) =>
        mcuWorker().profileImpulse({ impulse, model, sampleIds: windowSamples(impulse) }, onProgress),
      ),

    profileFile: (file) =>
      run({ kind: 'file', fileName: file.name }, file.name, async (onProgress) => {
        const bytes = new Uint8Array(await file.arrayBuffer());
        return mcuWorker().profileTflite(transfer(bytes, [bytes.buffer]), file.name, undefined, onProgress);
      }),

    setRuntime: (runtime) => set({ runtime }),
    setPrecision: (precision) => set({ precision }),

    loadCalibration: async () => {
      if (get().calibration?.status === 'done' || get().calibration?.status === 'loading') return;
      set({ calibration: { status: 'loading', note: null, error: null } });
      try {
        set({ calibration: { status: 'done', note: await mcuWorker().calibration(), error: null } });
      } catch (e) {
        set({ calibration: { status: 'error', note: null, error: describeError(e) } });
      }
    },

    loadSummary: async (impulse, model, board) => {
      const key = `${modelKey(impulse, model)}|${board}`;
      if (get().summary?.key === key) return;
      set({ summary: { key, status: 'running', profile: null, error: null } });
      try {
        const result = await mcuWorker().profileImpulse(
          { impulse, model, sampleIds: windowSamples(impulse), boards: [board], precisions: ['int8'] },
          proxy(() => undefined),
        );
        const profile = result.reports[0]?.profiles[DEFAULT_RUNTIME][0] ?? null;
        if (get().summary?.key === key) set({ summary: { key, status: 'done', profile, error: null } });
      } catch (e) {
        if (get().summary?.key === key)
          set({ summary: { key, status: 'error', profile: null, error: describeError(e) } });
      }
    },
  };
});
