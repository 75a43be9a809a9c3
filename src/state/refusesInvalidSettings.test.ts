/**
 * Every action that starts a job checks the same rules as the form that shows them, and refuses: a wrong
 * setting never runs, is never clamped and never falls back to an older value.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SampleMeta } from '../core/dataset/sample';
import type { Impulse } from '../core/impulse/impulse';
import { defaultLearnBlock, type NeuralBlock } from '../core/learn/learnBlock';
import type { TrainedModel } from '../core/learn/trainedModel';
import type { SourceSnapshot } from './devices/types';

const calls = vi.hoisted(() => ({ jobs: [] as string[], stored: [] as unknown[] }));
const job = (name: string) => async () => {
  calls.jobs.push(name);
  return new Promise(() => undefined);
};
vi.mock('../platform/workers/trainClient', () => ({
  trainWorker: () => ({ train: job('train'), quantize: job('quantize'), test: job('test'), cancel: vi.fn() }),
}));
vi.mock('../platform/workers/dspClient', () => ({
  dspWorker: () => ({ generate: job('generate'), cancel: vi.fn() }),
}));
vi.mock('./db', () => ({
  getDb: async () => ({
    putImpulse: async (i: unknown) => void calls.stored.push(i),
    putTrainingRun: async () => undefined,
  }),
}));
vi.mock('comlink', () => ({ proxy: <T>(f: T) => f, transfer: <T>(v: T) => v }));

const { useImpulses } = await import('./impulseStore');
const { useTraining } = await import('./trainingStore');
const { useTesting } = await import('./testingStore');
const { useRecorder } = await import('./recorderStore');
const { useLiveClassify } = await import('./liveClassifyStore');
const { useDataset } = await import('./datasetStore');
const { useToasts } = await import('./toastStore');

/** A training sample of `ms` at 100 Hz. */
const sample = (ms: number): SampleMeta => ({
  id: `s${ms}`,
  projectId: 'p',
  name: `wave.${ms}`,
  label: 'wave',
  category: 'training',
  enabled: true,
  sensors: [{ name: 'accX', units: 'g' }],
  intervalMs: 10,
  frameCount: ms / 10,
  deviceName: '',
  deviceType: '',
  createdAt: 0,
  updatedAt: 0,
});

const learn = defaultLearnBlock('classifier', [33]) as NeuralBlock;
const impulse: Impulse = {
  id: 'imp',
  projectId: 'p',
  name: 'Motion',
  input: { windowSizeMs: 1000, windowStrideMs: 500, frequencyHz: 100, zeroPad: true, axes: ['accX'] },
  dsp: { block: 'spectral', params: {} },
  learn,
  createdAt: 0,
  updatedAt: 0,
};
const withEpochs = (epochs: number): Impulse => ({
  ...impulse,
  learn: { ...learn, training: { ...learn.training, epochs } },
});
const model = { learn, labels: ['wave'], configHash: 'h', createdAt: 1 } as unknown as TrainedModel;
const lastToast = () => useToasts.getState().toasts.at(-1)?.message;
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  calls.jobs.length = 0;
  calls.stored.length = 0;
  useToasts.setState({ toasts: [] });
  useDataset.setState({ samples: [sample(2000)] });
  useImpulses.setState({ impulses: [impulse], selectedId: impulse.id, run: null, projection: null });
  useTraining.setState({ active: null, lastRun: null, model, quantizing: null, impulseId: impulse.id });
});

describe('impulse settings', () => {
  it('keeps a wrong value on the page but stores only a valid impulse', async () => {
    await useImpulses.getState().save(withEpochs(5000));
    expect(useImpulses.getState().impulses[0].learn).toMatchObject({ training: { epochs: 5000 } });
    expect(calls.stored).toHaveLength(0);
    await useImpulses.getState().save(withEpochs(500));
    expect(calls.stored).toHaveLength(1);
  });

  it('refuses to generate features from a 0 ms window', async () => {
    useImpulses.setState({ impulses: [{ ...impulse, input: { ...impulse.input, windowSizeMs: 0 } }] });
    await useImpulses.getState().generate();
    expect(calls.jobs).toEqual([]);
    expect(lastToast()).toBe(
      'Features were not generated: Window size must be a number above 0 and at most 600,000 ms.',
    );
  });
});

describe('training and quantisation', () => {
  it('refuses 5000 epochs: no run starts and the model stays', async () => {
    await useTraining.getState().train(withEpochs(5000));
    expect(calls.jobs).toEqual([]);
    expect(useTraining.getState()).toMatchObject({ active: null, lastRun: null, model });
    expect(lastToast()).toBe('Training was not started: Epochs must be a whole number from 1 to 1000.');
  });

  it('refuses a window no sample is as long as, with zero-padding off, naming that cause', async () => {
    const long = { ...impulse, input: { ...impulse.input, windowSizeMs: 5000, zeroPad: false } };
    await useTraining.getState().train(long);
    expect(calls.jobs).toEqual([]);
    expect(lastToast()).toBe(
      'Training was not started: No sample is at least 5000 ms long (the longest is 2000 ms); shorten the ' +
        'window or turn on zero-padding.',
    );
  });

  it('starts a valid run', async () => {
    vi.stubGlobal('location', { href: 'http://localhost/' });
    void useTraining.getState().train(withEpochs(500));
    await settle();
    expect(calls.jobs).toEqual(['train']);
    vi.unstubAllGlobals();
  });

  it('refuses a percentile of 50', async () => {
    useTraining.setState({ quantizeSettings: { method: 'percentile', percentile: 50, ioType: 'int8' } });
    await useTraining.getState().quantize(impulse);
    expect(calls.jobs).toEqual([]);
    expect(lastToast()).toBe(
      'Quantisation was not started: Percentile must be a number above 50 and at most 100.',
    );
  });
});

describe('testing, live classification and recording', () => {
  it('refuses a confidence threshold above 1', async () => {
    useTesting.setState({ threshold: 1.5, active: null });
    await useTesting.getState().run(impulse, model);
    expect(calls.jobs).toEqual([]);
    expect(lastToast()).toBe('Testing was not started: Confidence threshold must be a number from 0 to 1.');
  });

  it('refuses fractional smoothing', async () => {
    useLiveClassify.getState().setSettings({ smoothing: 2.5 });
    const source = { id: 'src', name: 'Board', sensors: [] } as unknown as SourceSnapshot;
    await useLiveClassify.getState().start(impulse, model, source, 'imu');
    expect(useLiveClassify.getState().session).toMatchObject({
      status: 'stopped',
      message: 'Live classification was not started: Smoothing must be a whole number from 1 to 50 windows.',
    });
  });

  it('refuses a 50 ms recording and an empty label', () => {
    const source = { id: 'src', name: 'Board', sensors: [] } as unknown as SourceSnapshot;
    const options = { source, sensorKey: 'imu', countdownS: 0, category: 'auto' as const };
    useRecorder.getState().start({ ...options, label: 'wave', lengthMs: 50 });
    expect(lastToast()).toBe(
      'Recording was not started: Length must be a whole number from 100 to 600,000 ms.',
    );
    useRecorder.getState().start({ ...options, label: ' ', lengthMs: 1000 });
    expect(lastToast()).toBe('Recording was not started: Enter a label for the recording (e.g. wave).');
    expect(useRecorder.getState().phase).toBe('idle');
  });
});
