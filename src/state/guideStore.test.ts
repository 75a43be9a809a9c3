import { beforeEach, describe, expect, it, vi } from 'vitest';
import { featureConfigHash, type Impulse } from '../core/impulse/impulse';
import type { TrainedModel } from '../core/learn/trainedModel';
import type { FeatureRun } from './impulseStore';

/** The settings a reload finds in IndexedDB. */
const db = vi.hoisted(() => ({ settings: new Map<string, unknown>() }));
vi.mock('./db', () => ({
  getDb: async () => ({
    getSetting: async (key: string) => db.settings.get(key),
    setSetting: async (key: string, value: unknown) => void db.settings.set(key, value),
  }),
}));
vi.mock('../platform/workers/mcuClient', () => ({ mcuWorker: () => ({}) }));

const { GUIDE_DISMISSED_KEY, impulseFacts, profiledModelKey, useGuide } = await import('./guideStore');
const { modelKey, useProfiling } = await import('./profilingStore');
const { useProjects } = await import('./projectsStore');

const settle = () => new Promise((r) => setTimeout(r, 0));

const impulse: Impulse = {
  id: 'imp',
  projectId: 'p',
  name: 'Impulse 1',
  input: { windowSizeMs: 1000, windowStrideMs: 500, frequencyHz: 100, zeroPad: true, axes: ['accX'] },
  dsp: { block: 'raw', params: {} },
  createdAt: 0,
  updatedAt: 0,
};
const model = (int8: boolean, impulseId = 'imp') =>
  ({ impulseId, createdAt: 10, int8: int8 ? { createdAt: 20 } : undefined }) as unknown as TrainedModel;
const doneRun = (configHash: string): FeatureRun => ({
  impulseId: 'imp',
  configHash,
  status: 'done',
  progress: null,
  summary: null,
  samples: [],
  leftOut: 0,
  error: null,
  cancelling: false,
  origin: 'generated',
});

describe('impulseFacts', () => {
  const none = { impulse, model: null, run: null, profiledModel: null };

  it('features are ready after a run of the current configuration, or once a model is trained', () => {
    expect(impulseFacts(none).featuresReady).toBe(false);
    expect(impulseFacts({ ...none, run: doneRun(featureConfigHash(impulse)) }).featuresReady).toBe(true);
    expect(impulseFacts({ ...none, run: doneRun('older parameters') }).featuresReady).toBe(false);
    expect(
      impulseFacts({ ...none, run: { ...doneRun(featureConfigHash(impulse)), status: 'running' } }),
    ).toMatchObject({ featuresReady: false });
    expect(impulseFacts({ ...none, model: model(false) })).toMatchObject({
      featuresReady: true,
      trained: true,
      quantized: false,
    });
  });

  it('a model of another impulse counts for nothing; int8 and the profile are of this model', () => {
    expect(impulseFacts({ ...none, model: model(true, 'other') })).toMatchObject({
      trained: false,
      quantized: false,
    });
    const m = model(true);
    expect(impulseFacts({ ...none, model: m }).quantized).toBe(true);
    expect(impulseFacts({ ...none, model: m, profiledModel: modelKey(impulse, m) }).profiled).toBe(true);
    // Quantising again makes a new model version: its profile is still to do.
    const older = modelKey(impulse, { ...m, int8: { ...m.int8!, createdAt: 1 } });
    expect(impulseFacts({ ...none, model: m, profiledModel: older }).profiled).toBe(false);
    expect(impulseFacts({ impulse: undefined, model: m, run: null, profiledModel: null })).toMatchObject({
      trained: false,
      profiled: false,
    });
  });
});

describe('useGuide', () => {
  beforeEach(() => {
    db.settings.clear();
    useGuide.setState({ dismissed: null, projectId: null, profiledModel: null });
  });

  it('a dismissal is stored, so a reload reads it back, and reopening stores that too', async () => {
    await useGuide.getState().load('p');
    expect(useGuide.getState().dismissed).toBe(false);
    await useGuide.getState().setDismissed(true);
    expect(db.settings.get(GUIDE_DISMISSED_KEY)).toBe(true);
    useGuide.setState({ dismissed: null, projectId: null });
    await useGuide.getState().load('p');
    expect(useGuide.getState().dismissed).toBe(true);
    await useGuide.getState().setDismissed(false);
    expect(db.settings.get(GUIDE_DISMISSED_KEY)).toBe(false);
  });

  it('remembers the model of a finished impulse profile for the current project, across a reload', async () => {
    useProjects.setState({ currentId: 'p' });
    await useGuide.getState().load('p');
    useProfiling.setState({ status: 'running', subject: { kind: 'impulse', key: 'imp|10|20' } });
    expect(useGuide.getState().profiledModel).toBeNull();
    useProfiling.setState({ status: 'done' });
    expect(useGuide.getState().profiledModel).toBe('imp|10|20');
    await settle();
    expect(db.settings.get(profiledModelKey('p'))).toBe('imp|10|20');
    // A dropped file's profile is not the project's model.
    useProfiling.setState({ status: 'running', subject: { kind: 'file', fileName: 'x.tflite' } });
    useProfiling.setState({ status: 'done' });
    expect(useGuide.getState().profiledModel).toBe('imp|10|20');
    useGuide.setState({ dismissed: null, projectId: null, profiledModel: null });
    await useGuide.getState().load('p');
    expect(useGuide.getState().profiledModel).toBe('imp|10|20');
    await useGuide.getState().load('q');
    expect(useGuide.getState().profiledModel).toBeNull();
  });
});
