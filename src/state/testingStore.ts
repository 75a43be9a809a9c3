import { create } from 'zustand';
import { proxy } from 'comlink';
import { describeError, isStudioError } from '../core/errors';
import type { Impulse } from '../core/impulse/impulse';
import type { TestReport } from '../core/learn/modelTesting';
import type { Precision } from '../core/learn/modelRunner';
import type { TrainedModel } from '../core/learn/trainedModel';
import { testSettingsProblems } from '../core/validation/classifyRules';
import { trainWorker } from '../platform/workers/trainClient';
import { toast } from './toastStore';
import { jobSamples } from './trainingStore';

/** The last test of an impulse: its report and how many testing samples were sent (some may give no window). */
export interface TestOutcome {
  report: TestReport;
  sampleCount: number;
  finishedAt: number;
}

export interface ActiveTest {
  impulseId: string;
  done: number;
  total: number;
  /** Cancel was clicked: the worker stops within a few windows. */
  cancelling: boolean;
}

interface TestingState {
  threshold: number;
  precision: Precision;
  /** Per impulse id, kept while the studio is open so returning to the page shows it. */
  outcomes: Record<string, TestOutcome>;
  active: ActiveTest | null;
  /** Why the last run of an impulse failed or that it was cancelled. */
  notice: { impulseId: string; message: string; cancelled: boolean } | null;
  setThreshold: (threshold: number) => void;
  setPrecision: (precision: Precision) => void;
  run: (impulse: Impulse, model: TrainedModel) => Promise<void>;
  cancel: () => void;
}

export const DEFAULT_THRESHOLD = 0.6;

export const useTesting = create<TestingState>((set, get) => ({
  threshold: DEFAULT_THRESHOLD,
  precision: 'float32',
  outcomes: {},
  active: null,
  notice: null,

  setThreshold: (threshold) => set({ threshold }),
  setPrecision: (precision) => set({ precision }),

  run: async (impulse, model) => {
    if (get().active) return;
    const problem = testSettingsProblems(model.learn.kind, get().threshold).threshold;
    if (problem) {
      toast.error(`Testing was not started: ${problem}`);
      return;
    }
    const samples = jobSamples(impulse, 'testing');
    if (samples.length === 0) {
      toast.error('There are no enabled testing samples with this impulse’s axes.');
      return;
    }
    const { threshold } = get();
    // int8 only exists once the model is quantised; otherwise the float model is what there is to test.
    const precision = get().precision === 'int8' && model.int8 ? 'int8' : 'float32';
    set({
      active: { impulseId: impulse.id, done: 0, total: samples.length, cancelling: false },
      notice: null,
    });
    try {
      const report = await trainWorker().test(
        { impulse, model, samples, threshold, precision },
        proxy((done: number, total: number) => {
          const active = get().active;
          if (active?.impulseId === impulse.id) set({ active: { ...active, done, total } });
        }),
      );
      const outcome: TestOutcome = { report, sampleCount: samples.length, finishedAt: Date.now() };
      set({ active: null, outcomes: { ...get().outcomes, [impulse.id]: outcome } });
    } catch (e) {
      const cancelled = isStudioError(e) && e.code === 'cancelled';
      set({ active: null, notice: { impulseId: impulse.id, message: describeError(e), cancelled } });
    }
  },

  cancel: () => {
    const active = get().active;
    if (!active || active.cancelling) return;
    set({ active: { ...active, cancelling: true } });
    void trainWorker().cancel('test');
  },
}));
