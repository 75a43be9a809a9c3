import { beforeEach, describe, expect, it, vi } from 'vitest';
import { StudioError } from '../core/errors';
import type { SampleMeta } from '../core/dataset/sample';
import type { Impulse } from '../core/impulse/impulse';
import { GESTURE_IMPULSE } from '../core/learn/gestureBenchSet';
import type { TrainedModel, TrainingRun } from '../core/learn/trainedModel';

/** A stand-in for the training worker whose jobs end when the test says so. */
const worker = vi.hoisted(() => ({
  calls: [] as string[],
  finish: null as ((outcome: unknown) => void) | null,
  job(kind: string) {
    this.calls.push(kind);
    return new Promise((resolve, reject) => {
      this.finish = (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome));
    });
  },
  train() {
    return this.job('train');
  },
  quantize() {
    return this.job('quantize');
  },
  cancel: vi.fn(),
}));
vi.mock('../platform/workers/trainClient', () => ({ trainWorker: () => worker }));
vi.mock('comlink', () => ({ proxy: <T>(f: T) => f }));
/** The database: the runs written, and a put that waits when the test asks it to. */
const db = vi.hoisted(() => ({
  runs: [] as TrainingRun[],
  putGate: null as Promise<void> | null,
  async putTrainingRun(run: TrainingRun) {
    this.runs.push(run);
    await this.putGate;
  },
  getTrainingRun: async () => undefined,
}));
vi.mock('./db', () => ({ getDb: async () => db }));
vi.stubGlobal('location', { href: 'http://127.0.0.1/' });

const { useTraining } = await import('./trainingStore');
const { setJournalStorage, takeInterruptedJobs } = await import('./jobJournal');
const { useToasts } = await import('./toastStore');
const { useDataset } = await import('./datasetStore');

const impulse: Impulse = {
  ...GESTURE_IMPULSE,
  id: 'imp',
  projectId: 'p',
  name: 'Gestures',
  createdAt: 0,
  updatedAt: 0,
};
const previous = { impulseId: 'imp', createdAt: 1, learn: { kind: 'classifier' } } as TrainedModel;
const cancelled = () => new StudioError('cancelled', 'Training was cancelled.');
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('cancelling in the training store', () => {
  beforeEach(() => {
    worker.calls.length = 0;
    worker.cancel.mockClear();
    db.runs.length = 0;
    db.putGate = null;
    useTraining.setState({
      impulseId: 'imp',
      model: previous,
      lastRun: null,
      active: null,
      quantizing: null,
    });
    useDataset.setState({
      samples: [
        {
          id: 'a',
          label: 'idle',
          category: 'training',
          enabled: true,
          sensors: ['accX', 'accY', 'accZ'].map((name) => ({ name, units: 'm/s2' })),
          frameCount: 625,
          intervalMs: 16,
        } as SampleMeta,
      ],
    });
  });

  it('shows Cancelling… at once, stops the training job once, ends the run cancelled and keeps the model', async () => {
    const run = useTraining.getState().train(impulse);
    await tick();
    expect(worker.calls).toEqual(['train']);
    useTraining.getState().cancel();
    useTraining.getState().cancel();
    expect(useTraining.getState().active?.cancelling).toBe(true);
    expect(worker.cancel.mock.calls).toEqual([['train']]);
    worker.finish!(cancelled());
    await run;
    expect(useTraining.getState()).toMatchObject({ active: null, model: previous });
    expect(useTraining.getState().lastRun?.status).toBe('cancelled');
    expect(db.runs.map((r) => r.status)).toEqual(['running', 'cancelled']);
  });

  it('a cancel before the job reached the worker starts no job there', async () => {
    let open!: () => void;
    db.putGate = new Promise((resolve) => (open = resolve));
    const run = useTraining.getState().train(impulse);
    await tick();
    useTraining.getState().cancel();
    open();
    await run;
    expect(worker.calls).toEqual([]);
    expect(useTraining.getState().lastRun?.status).toBe('cancelled');
  });

  it('quantisation: Cancel stops the quantise job only, and the panel learns it was cancelled', async () => {
    const run = useTraining.getState().quantize(impulse);
    useTraining.getState().cancelQuantize();
    expect(useTraining.getState().quantizing?.cancelling).toBe(true);
    expect(worker.cancel.mock.calls).toEqual([['quantize']]);
    worker.finish!(new StudioError('cancelled', 'Quantisation was cancelled.'));
    await run;
    expect(useTraining.getState()).toMatchObject({
      quantizing: null,
      quantizeCancelled: 'imp',
      model: previous,
    });
  });

  it('a worker crash ends the run failed with the crash message, keeps the model, and a retry starts again', async () => {
    const items = new Map<string, string>();
    setJournalStorage({
      getItem: (k) => items.get(k) ?? null,
      setItem: (k, v) => void items.set(k, v),
      removeItem: (k) => void items.delete(k),
    });
    const crash = new StudioError(
      'worker-crashed',
      'The training worker stopped unexpectedly (an uncaught error). Try again: a fresh worker will be started.',
    );
    const run = useTraining.getState().train(impulse);
    await tick();
    // While the job runs it is in the journal, so a reload now would be reported.
    expect(items.size).toBe(1);
    worker.finish!(crash);
    await run;
    expect(useTraining.getState()).toMatchObject({ active: null, model: previous });
    expect(useTraining.getState().lastRun).toMatchObject({ status: 'failed', message: crash.message });
    expect(db.runs.map((r) => r.status)).toEqual(['running', 'failed']);
    expect(useToasts.getState().toasts.at(-1)?.message).toBe(crash.message);
    expect(takeInterruptedJobs()).toEqual([]);

    const retry = useTraining.getState().train(impulse);
    await tick();
    expect(worker.calls).toEqual(['train', 'train']);
    worker.finish!(cancelled());
    await retry;
    setJournalStorage(null);
  });
});
