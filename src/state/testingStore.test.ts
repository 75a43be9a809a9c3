import { beforeEach, describe, expect, it, vi } from 'vitest';
import { StudioError } from '../core/errors';
import type { SampleMeta } from '../core/dataset/sample';
import type { Impulse } from '../core/impulse/impulse';
import type { TestReport } from '../core/learn/modelTesting';
import type { TrainedModel } from '../core/learn/trainedModel';
import type { TestJob } from '../../workers/trainApi';

/** A stand-in for the training worker that records the job and reports progress once. */
const worker = vi.hoisted(() => ({
  jobs: [] as unknown[],
  outcome: null as unknown,
  /** When set, the job waits for it before it ends (a long run). */
  running: null as Promise<void> | null,
  async test(job: unknown, onProgress: (done: number, total: number) => void) {
    this.jobs.push(job);
    onProgress(1, 2);
    await this.running;
    if (this.outcome instanceof Error) throw this.outcome;
    return this.outcome;
  },
  cancel: vi.fn(),
}));
vi.mock('../platform/workers/trainClient', () => ({ trainWorker: () => worker }));
vi.mock('comlink', () => ({ proxy: <T>(f: T) => f }));

const { useTesting } = await import('./testingStore');
const { useDataset } = await import('./datasetStore');

function meta(id: string, category: SampleMeta['category'], enabled = true): SampleMeta {
  const sensors = [{ name: 'accX', units: 'g' }];
  return {
    id,
    projectId: 'p',
    name: id,
    label: 'idle',
    category,
    enabled,
    sensors,
    intervalMs: 10,
    frameCount: 100,
    deviceName: '',
    deviceType: '',
    createdAt: 0,
    updatedAt: 0,
  };
}

const impulse = {
  id: 'imp',
  input: { windowSizeMs: 200, windowStrideMs: 100, frequencyHz: 100, zeroPad: false, axes: ['accX'] },
} as Impulse;
const model = { createdAt: 5, learn: { kind: 'classifier' } } as TrainedModel;
const report = { kind: 'classifier', accuracy: 0.5, samples: [] } as unknown as TestReport;

describe('testing store', () => {
  beforeEach(() => {
    worker.jobs.length = 0;
    useTesting.setState({ outcomes: {}, active: null, notice: null, threshold: 0.6, precision: 'float32' });
    useDataset.setState({
      samples: [
        meta('a', 'testing'),
        meta('b', 'testing'),
        meta('c', 'training'),
        meta('d', 'testing', false),
      ],
    });
  });

  it('tests the enabled testing samples and keeps the report per impulse', async () => {
    worker.outcome = report;
    useTesting.getState().setThreshold(0.8);
    await useTesting.getState().run(impulse, model);
    const job = worker.jobs[0] as TestJob;
    expect(job.samples.map((s) => s.id)).toEqual(['a', 'b']);
    expect(job).toMatchObject({ threshold: 0.8, precision: 'float32' });
    expect(useTesting.getState().outcomes.imp).toMatchObject({ report, sampleCount: 2 });
    expect(useTesting.getState().active).toBeNull();
  });

  it('tests in float32 when int8 is chosen but the model is not quantised', async () => {
    worker.outcome = report;
    useTesting.getState().setPrecision('int8');
    await useTesting.getState().run(impulse, model);
    expect((worker.jobs[0] as TestJob).precision).toBe('float32');
    await useTesting.getState().run(impulse, { ...model, int8: {} } as TrainedModel);
    expect((worker.jobs[1] as TestJob).precision).toBe('int8');
  });

  it('keeps the previous report and says so when a run is cancelled or fails', async () => {
    worker.outcome = report;
    await useTesting.getState().run(impulse, model);
    worker.outcome = new StudioError('cancelled', 'Testing was cancelled.');
    await useTesting.getState().run(impulse, model);
    expect(useTesting.getState().notice).toMatchObject({ impulseId: 'imp', cancelled: true });
    worker.outcome = new StudioError('model-stale', 'The impulse changed.');
    await useTesting.getState().run(impulse, model);
    expect(useTesting.getState().notice).toMatchObject({ cancelled: false, message: 'The impulse changed.' });
    expect(useTesting.getState().outcomes.imp.report).toBe(report);
  });

  it('Cancel shows at once, asks the worker to stop the test job only, and the run ends as cancelled', async () => {
    let end!: () => void;
    worker.running = new Promise((resolve) => (end = resolve));
    worker.outcome = new StudioError('cancelled', 'Testing was cancelled.');
    worker.cancel.mockClear();
    const run = useTesting.getState().run(impulse, model);
    useTesting.getState().cancel();
    useTesting.getState().cancel();
    expect(useTesting.getState().active).toMatchObject({ impulseId: 'imp', cancelling: true });
    expect(worker.cancel.mock.calls).toEqual([['test']]);
    end();
    worker.running = null;
    await run;
    expect(useTesting.getState().active).toBeNull();
    expect(useTesting.getState().notice).toMatchObject({ impulseId: 'imp', cancelled: true });
  });
});
