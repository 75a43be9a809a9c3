import { create } from 'zustand';
import { proxy } from 'comlink';
import { describeError, isStudioError, StudioError } from '../core/errors';
import type { Impulse } from '../core/impulse/impulse';
import type { SampleMeta } from '../core/dataset/sample';
import { missingAxes } from '../core/impulse/defaults';
import { noWindowReason, windowFit, type WindowFit } from '../core/impulse/windowFit';
import { trainingBlockers } from '../core/validation/impulseRules';
import { problemList } from '../core/validation/numberRule';
import { quantizeSettingsProblems } from '../core/validation/quantizeRules';
import type { EpochLog } from '../core/learn/train';
import type { TrainedModel, TrainingRun } from '../core/learn/trainedModel';
import { DEFAULT_QUANTIZE, type QuantizeSettings } from '../core/learn/quantizeSettings';
import type { BackendChoice } from '../platform/tfjs/backend';
import { trainWorker } from '../platform/workers/trainClient';
import type { FeatureJobSample } from '../../workers/dspApi';
import type { TrainProgress } from '../../workers/trainApi';
import { getDb } from './db';
import { useDataset } from './datasetStore';
import { journaled } from './jobJournal';
import { toast } from './toastStore';

export interface ActiveTraining {
  impulseId: string;
  startedAt: number;
  phase: TrainProgress['phase'];
  /** Feature generation progress, 0…1. */
  featureFraction: number;
  history: EpochLog[];
  totalEpochs: number;
  backend: string | null;
  backendNote: string | null;
  /** Cancel was clicked: the worker stops within a batch, then the run ends as cancelled. */
  cancelling: boolean;
}

export interface Quantizing {
  impulseId: string;
  phase: 'features' | 'calibrating' | 'comparing';
  fraction: number;
  cancelling: boolean;
}

interface TrainingState {
  impulseId: string | null;
  /** The stored model of the impulse (kept until a new run completes). */
  model: TrainedModel | null;
  lastRun: TrainingRun | null;
  active: ActiveTraining | null;
  quantizing: Quantizing | null;
  /** The impulse whose last quantisation was cancelled (its model is unchanged). */
  quantizeCancelled: string | null;
  quantizeSettings: QuantizeSettings;
  backend: BackendChoice;
  load: (impulseId: string | null) => Promise<void>;
  setBackend: (backend: BackendChoice) => void;
  train: (impulse: Impulse) => Promise<void>;
  cancel: () => void;
  setQuantizeSettings: (settings: QuantizeSettings) => void;
  /** Quantises the stored model to int8 and compares it with float32 on the test set. */
  quantize: (impulse: Impulse) => Promise<void>;
  cancelQuantize: () => void;
}

/** The enabled samples of a category that have the impulse's axes, as a worker job lists them. */
export function jobSamples(impulse: Impulse, category: 'training' | 'testing'): FeatureJobSample[] {
  return useDataset
    .getState()
    .samples.filter((s) => s.enabled && s.category === category && !missingAxes(s, impulse.input))
    .map(({ id, name, label, category: c, updatedAt }) => ({ id, name, label, category: c, updatedAt }));
}

/** How the impulse's window fits its training samples (those a training job would use). */
export function trainingWindowFit(
  impulse: Impulse,
  samples: readonly SampleMeta[] = useDataset.getState().samples,
): WindowFit | null {
  const used = samples.filter(
    (s) => s.enabled && s.category === 'training' && !missingAxes(s, impulse.input),
  );
  return windowFit(used, impulse.input);
}

/** Estimated time left from the mean epoch time so far, ms. */
export function etaMs(active: ActiveTraining): number | null {
  const last = active.history[active.history.length - 1];
  if (!last) return null;
  return (last.elapsedMs / last.epoch) * (active.totalEpochs - last.epoch);
}

export const useTraining = create<TrainingState>((set, get) => ({
  impulseId: null,
  model: null,
  lastRun: null,
  active: null,
  quantizing: null,
  quantizeCancelled: null,
  quantizeSettings: DEFAULT_QUANTIZE,
  backend: 'wasm',

  load: async (impulseId) => {
    if (get().impulseId === impulseId && (get().model || get().lastRun)) return;
    set({ impulseId, model: null, lastRun: null });
    if (!impulseId) return;
    try {
      const db = await getDb();
      const [model, lastRun] = await Promise.all([db.getModel(impulseId), db.getTrainingRun(impulseId)]);
      if (get().impulseId === impulseId) set({ model: model ?? null, lastRun: lastRun ?? null });
    } catch (e) {
      toast.error(describeError(e));
    }
  },

  setBackend: (backend) => set({ backend }),

  train: async (impulse) => {
    if (get().active) return;
    const blocker = trainingBlockers(impulse)[0] ?? noWindowReason(trainingWindowFit(impulse));
    if (blocker) {
      toast.error(`Training was not started: ${blocker}`);
      return;
    }
    const samples = jobSamples(impulse, 'training');
    if (samples.length === 0) {
      toast.error(
        'There are no enabled training samples with this impulse’s axes: record or import some first.',
      );
      return;
    }
    const startedAt = Date.now();
    const run: TrainingRun = {
      impulseId: impulse.id,
      projectId: impulse.projectId,
      status: 'running',
      startedAt,
    };
    const active: ActiveTraining = {
      impulseId: impulse.id,
      startedAt,
      phase: 'features',
      featureFraction: 0,
      history: [],
      totalEpochs: 0,
      backend: null,
      backendNote: null,
      cancelling: false,
    };
    set({ active, lastRun: run, impulseId: impulse.id });
    const db = await getDb();
    try {
      await db.putTrainingRun(run);
      // Cancelled before the job reached the worker: there is nothing to stop there.
      if (get().active?.cancelling) throw new StudioError('cancelled', 'Training was cancelled.');
      const model = await journaled('training', impulse.name, () =>
        trainWorker().train(
          {
            impulse,
            samples,
            backend: get().backend,
            baseUrl: new URL(import.meta.env.BASE_URL, location.href).href,
          },
          proxy((p: TrainProgress) => {
            const a = get().active;
            if (!a) return;
            if (p.phase === 'features')
              set({
                active: {
                  ...a,
                  phase: p.phase,
                  featureFraction: p.features.done / Math.max(1, p.features.total),
                },
              });
            else if (p.phase === 'preparing')
              set({ active: { ...a, phase: p.phase, backend: p.backend, backendNote: p.note ?? null } });
            else if (p.phase === 'training')
              set({
                active: {
                  ...a,
                  phase: p.phase,
                  backend: p.backend,
                  totalEpochs: p.totalEpochs,
                  history: [...a.history, p.epoch],
                },
              });
            else set({ active: { ...a, phase: p.phase } });
          }),
        ),
      );
      const completed = await db.getTrainingRun(impulse.id);
      set({ model, lastRun: completed ?? null, active: null });
      toast.success(`Training finished: ${summarise(model)}.`);
    } catch (e) {
      const cancelled = isStudioError(e) && e.code === 'cancelled';
      const ended: TrainingRun = {
        ...run,
        status: cancelled ? 'cancelled' : 'failed',
        endedAt: Date.now(),
        // "was cancelled" says it all; a reload's cancel (modelsRepo) names the reload instead.
        message: cancelled ? undefined : describeError(e),
      };
      set({ active: null, lastRun: ended });
      try {
        await db.putTrainingRun(ended);
      } catch (saveError) {
        toast.error(describeError(saveError));
      }
      if (!cancelled) toast.error(describeError(e));
    }
  },

  cancel: () => {
    const active = get().active;
    if (!active || active.cancelling) return;
    set({ active: { ...active, cancelling: true } });
    void trainWorker().cancel('train');
  },

  setQuantizeSettings: (quantizeSettings) => set({ quantizeSettings }),

  quantize: async (impulse) => {
    const model = get().model;
    if (!model || get().quantizing || get().active) return;
    const problem = problemList(quantizeSettingsProblems(get().quantizeSettings))[0];
    if (problem) {
      toast.error(`Quantisation was not started: ${problem}`);
      return;
    }
    set({
      quantizing: { impulseId: impulse.id, phase: 'features', fraction: 0, cancelling: false },
      quantizeCancelled: null,
    });
    try {
      const updated = await journaled('quantisation', impulse.name, () =>
        trainWorker().quantize(
          {
            impulse,
            model,
            trainingSamples: jobSamples(impulse, 'training'),
            testingSamples: jobSamples(impulse, 'testing'),
            settings: get().quantizeSettings,
          },
          // Progress comes over its own message port, so a last report can land after the result: ignore it then.
          proxy((phase: Quantizing['phase'], fraction: number) => {
            const q = get().quantizing;
            if (q) set({ quantizing: { ...q, phase, fraction } });
          }),
        ),
      );
      if (get().impulseId === impulse.id) set({ model: updated });
      toast.success('Quantised to int8.');
    } catch (e) {
      if (isStudioError(e) && e.code === 'cancelled') set({ quantizeCancelled: impulse.id });
      else toast.error(describeError(e));
    } finally {
      set({ quantizing: null });
    }
  },

  cancelQuantize: () => {
    const q = get().quantizing;
    if (!q || q.cancelling) return;
    set({ quantizing: { ...q, cancelling: true } });
    void trainWorker().cancel('quantize');
  },
}));

function summarise(model: TrainedModel): string {
  const v = model.validation;
  if (v.kind === 'classifier')
    return `${model.validationWindows > 0 ? 'validation' : 'training'} accuracy ${(v.accuracy * 100).toFixed(1)} %`;
  if (v.kind === 'regression') return `validation MAE ${v.mae.toPrecision(3)}`;
  return `${(v.insideFraction * 100).toFixed(1)} % of training windows inside a cluster`;
}
