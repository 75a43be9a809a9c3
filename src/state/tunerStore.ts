/**
 * The Tuner page: its settings, the project's latest search (loaded from IndexedDB, stored again after every
 * training), the trainings running in the worker pool, cancel and resume, and saving a candidate as an impulse.
 */
import { create } from 'zustand';
import { proxy } from 'comlink';
import { describeError, isStudioError, StudioError } from '../core/errors';
import { newId } from '../core/ids';
import type { Impulse } from '../core/impulse/impulse';
import { classLabels } from '../core/learn/trainImpulse';
import type { TrainedModel } from '../core/learn/trainedModel';
import { getBoard, type Board } from '../core/mcu/boards';
import { noWindowReason } from '../core/impulse/windowFit';
import { runRungs, type SortKey } from '../core/tune/candidateRows';
import { interruptedRun, savedCandidate } from '../core/tune/savedCandidate';
import { candidateImpulse } from '../core/tune/searchSpace';
import { runHalving } from '../core/tune/successiveHalving';
import { defaultTuneSettings, tuneSettingsProblems, boardBudget } from '../core/tune/tuneSettings';
import type { Candidate, Evaluation, TuneSettings, TunerRun } from '../core/tune/tuneTypes';
import { trainingBlockers } from '../core/validation/impulseRules';
import { problemList } from '../core/validation/numberRule';
import { tunePool } from '../platform/workers/tuneClient';
import type { TuneProgress } from '../../workers/tuneApi';
import { getDb } from './db';
import { useImpulses } from './impulseStore';
import { toast } from './toastStore';
import { jobSamples, trainingWindowFit, useTraining } from './trainingStore';

/** A training running in the pool: which rung, how long, and how far. */
export interface RunningTraining {
  rung: number;
  epochs: number;
  progress: TuneProgress | null;
}

export interface ActiveSearch {
  phase: 'planning' | 'training';
  trainings: Record<string, RunningTraining>;
  cancelling: boolean;
  /** Workers in the pool: trainings at once. */
  workers: number;
}

interface TunerState {
  projectId: string | null;
  run: TunerRun | null;
  /** Why the stored run could not be read. */
  loadError: string | null;
  settings: TuneSettings | null;
  /** The board and impulse the budget was last filled in for (a change fills it in again). */
  prefilledFor: string | null;
  active: ActiveSearch | null;
  sort: { key: SortKey; descending: boolean };
  /** The candidate being saved as an impulse. */
  saving: string | null;
  load: (projectId: string | null) => Promise<void>;
  /** Fills the budget from the board (its free RAM and flash) and the impulse (a latency of one stride). */
  prefill: (board: Board, impulse: Impulse) => void;
  setSettings: (settings: TuneSettings) => void;
  start: (impulse: Impulse) => Promise<void>;
  resume: () => Promise<void>;
  cancel: () => void;
  saveCandidate: (candidateId: string) => Promise<void>;
  setSort: (key: SortKey) => void;
}

let controller: AbortController | null = null;

const cancelledError = () => new StudioError('cancelled', 'The search was cancelled.');

/** Why the impulse cannot be searched from, or null. */
function startProblem(impulse: Impulse, settings: TuneSettings, board: Board): string | null {
  const setting = problemList(tuneSettingsProblems(settings, board))[0];
  if (setting) return setting;
  if (impulse.learn && impulse.learn.kind !== 'classifier')
    return 'The tuner searches classifiers; this impulse’s learning block is not one.';
  const blocker = trainingBlockers(impulse)[0] ?? noWindowReason(trainingWindowFit(impulse));
  if (blocker) return blocker;
  const labels = classLabels(jobSamples(impulse, 'training').map((s) => s.label));
  if (labels.length < 2)
    return 'The tuner needs enabled training samples of at least two labels with this impulse’s axes.';
  return null;
}

export const useTuner = create<TunerState>((set, get) => {
  /** Stores the run as it is now (the page shows it at once; IndexedDB has it after the write). */
  async function store(run: TunerRun): Promise<void> {
    set({ run });
    await (await getDb()).putTunerRun(run);
  }

  function updateTraining(id: string, training: RunningTraining | null) {
    const active = get().active;
    if (!active) return;
    const trainings = { ...active.trainings };
    if (training) trainings[id] = training;
    else delete trainings[id];
    set({ active: { ...active, trainings } });
  }

  /** Runs the rungs the stored evaluations still lack, storing the run after each training. */
  async function execute(started: TunerRun): Promise<void> {
    controller = new AbortController();
    const signal = controller.signal;
    const pool = tunePool();
    const trainingSamples = jobSamples(started.base, 'training');
    const testingSamples = jobSamples(started.base, 'testing');
    const { settings } = started;
    const sessionStart = Date.now();
    const models = new Map<string, TrainedModel>();
    set({ active: { phase: 'training', trainings: {}, cancelling: false, workers: pool.size } });

    const evaluate = async (candidate: Candidate, epochs: number, rung: number): Promise<Evaluation> => {
      const t0 = Date.now();
      const impulse = candidateImpulse(started.base, candidate.spec, epochs, {
        id: `tuner-${candidate.id}`,
        name: `${started.base.name} — tuner ${candidate.id}`,
      });
      updateTraining(candidate.id, { rung, epochs, progress: null });
      try {
        const result = await pool.run((worker) => {
          if (signal.aborted) throw cancelledError();
          return worker.evaluate(
            {
              impulse,
              trainingSamples,
              testingSamples,
              board: settings.board,
              runtime: settings.runtime,
              budget: settings.budget,
              backend: useTraining.getState().backend,
              baseUrl: new URL(import.meta.env.BASE_URL, location.href).href,
            },
            proxy((progress: TuneProgress) => {
              if (get().active?.trainings[candidate.id])
                updateTraining(candidate.id, { rung, epochs, progress });
            }),
          );
        });
        models.set(`${rung}|${candidate.id}`, result.model);
        return { ...result.evaluation, candidateId: candidate.id, rung, durationMs: Date.now() - t0 };
      } finally {
        updateTraining(candidate.id, null);
      }
    };

    const onEvaluation = async (e: Evaluation) => {
      const run = get().run ?? started;
      const model = models.get(`${e.rung}|${e.candidateId}`);
      await store({
        ...run,
        evaluations: [...run.evaluations, e],
        models: model ? { ...run.models, [e.candidateId]: model } : run.models,
        updatedAt: Date.now(),
        activeMs: started.activeMs + (Date.now() - sessionStart),
      });
    };

    let ended: Pick<TunerRun, 'status' | 'message'>;
    try {
      await runHalving({
        candidates: started.candidates,
        rungs: runRungs(started),
        known: started.evaluations,
        concurrency: pool.size,
        evaluate,
        onEvaluation,
        signal,
      });
      ended = { status: 'completed' };
    } catch (e) {
      const wasCancel = signal.aborted || (isStudioError(e) && e.code === 'cancelled');
      ended = wasCancel
        ? { status: 'cancelled', message: 'Cancelled: resume to train the rest.' }
        : { status: 'failed', message: describeError(e) };
      if (!wasCancel) toast.error(`The search stopped: ${describeError(e)}`);
      pool.cancelAll();
    } finally {
      controller = null;
    }
    const run = get().run ?? started;
    try {
      await store({
        ...run,
        ...ended,
        updatedAt: Date.now(),
        activeMs: started.activeMs + (Date.now() - sessionStart),
      });
    } catch (e) {
      toast.error(describeError(e));
    }
    set({ active: null });
    if (ended.status === 'completed') toast.success('The search finished: every rung is trained.');
  }

  return {
    projectId: null,
    run: null,
    loadError: null,
    settings: null,
    prefilledFor: null,
    active: null,
    sort: { key: 'accuracy', descending: true },
    saving: null,

    load: async (projectId) => {
      if (get().projectId === projectId) return;
      set({ projectId, run: null, loadError: null });
      if (!projectId || get().active) return;
      try {
        const db = await getDb();
        const stored = await db.getTunerRun(projectId);
        if (get().projectId !== projectId || !stored) return;
        const run = interruptedRun(stored, Date.now());
        if (run !== stored) await db.putTunerRun(run);
        set({ run });
      } catch (e) {
        if (get().projectId === projectId) set({ loadError: describeError(e) });
      }
    },

    prefill: (board, impulse) => {
      const key = `${board.id}|${impulse.id}`;
      if (get().prefilledFor === key) return;
      const current = get().settings;
      set({
        prefilledFor: key,
        settings: current
          ? { ...current, board: board.id, budget: boardBudget(board, impulse) }
          : defaultTuneSettings(board, impulse),
      });
    },

    setSettings: (settings) => set({ settings }),

    start: async (impulse) => {
      const settings = get().settings;
      const projectId = get().projectId;
      if (get().active || !settings || !projectId) return;
      const problem = startProblem(impulse, settings, getBoard(settings.board));
      if (problem) {
        toast.error(`The search was not started: ${problem}`);
        return;
      }
      set({ active: { phase: 'planning', trainings: {}, cancelling: false, workers: tunePool().size } });
      try {
        const labels = classLabels(jobSamples(impulse, 'training').map((s) => s.label));
        const candidates = await tunePool().any().plan({ base: impulse, settings, classes: labels.length });
        const now = Date.now();
        const run: TunerRun = {
          projectId,
          base: impulse,
          settings,
          labels,
          candidates,
          evaluations: [],
          models: {},
          status: 'running',
          startedAt: now,
          updatedAt: now,
          activeMs: 0,
        };
        await store(run);
        if (candidates.every((c) => c.rejected)) {
          await store({ ...run, status: 'completed', message: 'No candidate fits the budget.' });
          set({ active: null });
          toast.error(
            `None of the ${candidates.length} candidates drawn fits the budget on this board: raise the budget or choose a larger board.`,
          );
          return;
        }
      } catch (e) {
        set({ active: null });
        toast.error(describeError(e));
        return;
      }
      await execute(get().run!);
    },

    resume: async () => {
      const run = get().run;
      if (get().active || !run || run.status === 'running') return;
      const resumed: TunerRun = { ...run, status: 'running', message: undefined, updatedAt: Date.now() };
      try {
        await store(resumed);
      } catch (e) {
        toast.error(describeError(e));
        return;
      }
      await execute(resumed);
    },

    cancel: () => {
      const active = get().active;
      if (!active || active.cancelling || !controller) return;
      set({ active: { ...active, cancelling: true } });
      controller.abort();
      tunePool().cancelAll();
    },

    saveCandidate: async (candidateId) => {
      const run = get().run;
      if (!run || get().saving) return;
      set({ saving: candidateId });
      try {
        const { impulse, model, trainingRun } = savedCandidate(
          run,
          candidateId,
          { id: newId(), name: `${run.base.name} — tuned ${candidateId}` },
          Date.now(),
        );
        const db = await getDb();
        await db.putImpulse(impulse);
        await db.saveModel(model, trainingRun);
        const impulses = useImpulses.getState();
        await impulses.refresh();
        impulses.select(impulse.id);
        toast.success(
          `Saved “${impulse.name}” with its trained int8 model: it is selected on the other pages.`,
        );
      } catch (e) {
        toast.error(describeError(e));
      } finally {
        set({ saving: null });
      }
    },

    setSort: (key) => {
      const sort = get().sort;
      set({ sort: { key, descending: sort.key === key ? !sort.descending : key === 'accuracy' } });
    },
  };
});
