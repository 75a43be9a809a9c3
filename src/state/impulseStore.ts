import { create } from 'zustand';
import { featureConfigHash, type Impulse } from '../core/impulse/impulse';
import { defaultImpulse } from '../core/impulse/defaults';
import { describeError, isStudioError } from '../core/errors';
import { featureSettingsProblems, impulseFieldProblems } from '../core/validation/impulseRules';
import { newId } from '../core/ids';
import { dspWorker } from '../platform/workers/dspClient';
import type {
  FeatureProgress,
  FeatureSetSummary,
  FeatureJobSample,
  Projection,
  ProjectionMethod,
} from '../../workers/dspApi';
import { proxy } from 'comlink';
import { getDb } from './db';
import { useDataset } from './datasetStore';
import { journaled } from './jobJournal';
import { toast } from './toastStore';
import { useTraining } from './trainingStore';
import { featureJobSamples } from './featureJobSamples';
import { pickImpulse, rememberedImpulse, rememberImpulse } from './impulseSelection';
import { skippedReport } from '../platform/db/storedRecords';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface FeatureRun {
  impulseId: string;
  /** The feature configuration the run is for: a run of an older configuration is cleared, not shown. */
  configHash: string;
  status: RunStatus;
  progress: FeatureProgress | null;
  summary: FeatureSetSummary | null;
  /** The samples of the run, indexed by summary.rowSample. */
  samples: FeatureJobSample[];
  leftOut: number;
  error: string | null;
  /** Cancel was clicked while running: the worker stops at the next sample. */
  cancelling: boolean;
  /** Generated now, or assembled from the feature cache when the page opened (nothing computed). */
  origin: 'generated' | 'cache';
}

export interface ProjectionRun {
  status: RunStatus;
  method: ProjectionMethod;
  fraction: number;
  result: Projection | null;
  error: string | null;
}

interface ImpulseState {
  projectId: string | null;
  impulses: Impulse[];
  selectedId: string | null;
  run: FeatureRun | null;
  projection: ProjectionRun | null;
  load: (projectId: string | null) => Promise<void>;
  /** Re-reads the project's impulses (changed in another tab), keeping the selection and a run that still fits. */
  refresh: () => Promise<void>;
  select: (id: string) => void;
  create: () => Promise<void>;
  save: (impulse: Impulse) => Promise<void>;
  remove: (id: string) => Promise<void>;
  generate: () => Promise<void>;
  cancel: () => void;
  project: (method: ProjectionMethod) => Promise<void>;
}

/**
 * The updatedAt of each impulse as last read from or written to the database: the version an edit is based
 * on, so a save never overwrites (or brings back) an impulse another tab changed (or deleted) meanwhile.
 */
const storedAt = new Map<string, number>();
const remember = (impulses: Impulse[]) => impulses.forEach((i) => storedAt.set(i.id, i.updatedAt));
/** Saves run one after another: each is based on the version the previous one stored. */
let saves: Promise<void> = Promise.resolve();

export const useImpulses = create<ImpulseState>((set, get) => ({
  projectId: null,
  impulses: [],
  selectedId: null,
  run: null,
  projection: null,

  load: async (projectId) => {
    set({ projectId, impulses: [], selectedId: null, run: null, projection: null });
    if (!projectId) return;
    try {
      const db = await getDb();
      // A run still marked 'running' was interrupted by a reload (this page is not training it).
      if (!useTraining.getState().active) await db.cancelInterruptedRuns(projectId);
      const { records: impulses, skipped } = await db.loadImpulses(projectId);
      const remembered = await rememberedImpulse(projectId);
      if (get().projectId !== projectId) return;
      remember(impulses);
      set({ impulses, selectedId: pickImpulse(impulses, remembered) });
      const report = skippedReport('impulse', skipped);
      if (report) toast.error(report);
    } catch (e) {
      toast.error(describeError(e));
    }
  },

  refresh: async () => {
    const { projectId } = get();
    if (!projectId) return;
    try {
      const impulses = await (await getDb()).listImpulses(projectId);
      if (get().projectId !== projectId) return;
      remember(impulses);
      const { selectedId, run } = get();
      const selected = impulses.find((i) => i.id === selectedId);
      const runFits =
        !!run &&
        !!selected &&
        run.impulseId === selected.id &&
        run.configHash === featureConfigHash(selected);
      set({
        impulses,
        selectedId: selected ? selected.id : (impulses[0]?.id ?? null),
        ...(runFits ? {} : { run: null, projection: null }),
      });
    } catch (e) {
      toast.error(describeError(e));
    }
  },

  select: (id) => {
    set({ selectedId: id, run: get().run?.impulseId === id ? get().run : null, projection: null });
    const { projectId } = get();
    if (projectId) rememberImpulse(projectId, id);
  },

  create: async () => {
    const { projectId, impulses } = get();
    if (!projectId) return;
    const now = Date.now();
    const enabled = useDataset.getState().samples.filter((s) => s.enabled);
    const impulse: Impulse = {
      id: newId(),
      projectId,
      name: `Impulse ${impulses.length + 1}`,
      ...defaultImpulse(enabled),
      createdAt: now,
      updatedAt: now,
    };
    try {
      await (await getDb()).putImpulse(impulse);
      storedAt.set(impulse.id, impulse.updatedAt);
      set({ impulses: [...get().impulses, impulse], selectedId: impulse.id, run: null, projection: null });
      rememberImpulse(projectId, impulse.id);
    } catch (e) {
      toast.error(describeError(e));
    }
  },

  save: async (impulse) => {
    const updated = { ...impulse, updatedAt: Date.now() };
    set({ impulses: get().impulses.map((i) => (i.id === impulse.id ? updated : i)) });
    const run = get().run;
    if (run?.impulseId === impulse.id && run.configHash !== featureConfigHash(updated)) {
      // The run's summary and explorer describe features of the old parameters: drop them (and the run).
      if (run.status === 'running' || get().projection?.status === 'running') dspWorker().cancel();
      set({ run: null, projection: null });
    }
    // A wrong field stays on the page, with its message, but is not stored: the stored impulse is always one
    // that can be used (other pages, the project archive).
    if (impulseFieldProblems(updated).length > 0) return;
    const write = async () => {
      try {
        await (await getDb()).putImpulse(updated, storedAt.get(updated.id));
        storedAt.set(updated.id, updated.updatedAt);
      } catch (e) {
        toast.error(describeError(e));
        if (isStudioError(e) && e.code === 'stale-view') await get().refresh();
      }
    };
    saves = saves.then(write);
    await saves;
  },

  remove: async (id) => {
    try {
      await (await getDb()).deleteImpulse(id);
      const impulses = get().impulses.filter((i) => i.id !== id);
      set({ impulses, selectedId: impulses[0]?.id ?? null, run: null, projection: null });
    } catch (e) {
      toast.error(describeError(e));
    }
  },

  generate: async () => {
    const impulse = get().impulses.find((i) => i.id === get().selectedId);
    if (!impulse || get().run?.status === 'running') return;
    const problems = featureSettingsProblems(impulse);
    if (problems.length > 0) {
      toast.error(`Features were not generated: ${problems[0]}`);
      return;
    }
    const { samples, leftOut } = featureJobSamples(impulse, useDataset.getState().samples);
    const base: FeatureRun = {
      impulseId: impulse.id,
      configHash: featureConfigHash(impulse),
      status: 'running',
      progress: null,
      summary: null,
      samples,
      leftOut,
      error: null,
      cancelling: false,
      origin: 'generated',
    };
    set({ run: base, projection: null });
    // This run is still the one on screen, not cleared by an edit, another impulse or a newer run (every run
    // has its own `samples` array).
    const isCurrent = () => get().run?.impulseId === base.impulseId && get().run?.samples === samples;
    try {
      const summary = await journaled('features', impulse.name, () =>
        dspWorker().generate(
          { impulse, samples },
          proxy((progress: FeatureProgress) => {
            const run = get().run;
            if (run && isCurrent() && run.status === 'running') set({ run: { ...run, progress } });
          }),
        ),
      );
      if (!isCurrent()) return;
      set({ run: { ...base, status: 'done', summary, progress: get().run?.progress ?? null } });
      if (summary.notCached) {
        const n = summary.notCached;
        toast.error(
          `The browser's storage is full: the features of ${n} sample${n === 1 ? ' were' : 's were'} not cached. They are shown for this session and will be computed again next time; free space by deleting samples or projects.`,
        );
      }
      // An empty set has nothing to plot (the explorer says so) and projecting it would only fail.
      if (summary.windowCount > 0) await get().project('pca');
    } catch (e) {
      if (!isCurrent()) return;
      const cancelled = isStudioError(e) && e.code === 'cancelled';
      set({ run: { ...base, status: cancelled ? 'cancelled' : 'error', error: describeError(e) } });
      if (!cancelled) toast.error(describeError(e));
    }
  },

  cancel: () => {
    const run = get().run;
    if (run?.status === 'running') set({ run: { ...run, cancelling: true } });
    void dspWorker().cancel();
  },

  project: async (method) => {
    const run = get().run;
    set({ projection: { status: 'running', method, fraction: 0, result: null, error: null } });
    try {
      const result = await dspWorker().project(
        method,
        42,
        proxy((fraction: number) => {
          const p = get().projection;
          if (p?.status === 'running') set({ projection: { ...p, fraction } });
        }),
      );
      if (get().run !== run) return;
      set({ projection: { status: 'done', method, fraction: 1, result, error: null } });
    } catch (e) {
      if (get().run !== run) return;
      const cancelled = isStudioError(e) && e.code === 'cancelled';
      set({
        projection: {
          status: cancelled ? 'cancelled' : 'error',
          method,
          fraction: 0,
          result: null,
          error: describeError(e),
        },
      });
    }
  },
}));
