import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SampleMeta } from '../core/dataset/sample';
import type { Impulse } from '../core/impulse/impulse';
import type { FeatureCacheReport, FeatureSetSummary } from '../../workers/dspApi';

/** A DSP worker whose cache answers the test settles by hand. */
const worker = vi.hoisted(() => ({
  asked: [] as Array<{ job: unknown; answer: (r: unknown) => void }>,
  cachedFeatures(job: unknown) {
    return new Promise((answer) => this.asked.push({ job, answer }));
  },
  generate: () => new Promise(() => undefined),
  project: vi.fn(async () => ({
    points: new Float32Array(2),
    method: 'pca',
    note: '',
    axisTitles: ['a', 'b'],
  })),
  cancel: vi.fn(),
}));
vi.mock('../platform/workers/dspClient', () => ({ dspWorker: () => worker }));
vi.mock('../platform/workers/trainClient', () => ({ trainWorker: () => ({}) }));
vi.mock('./db', () => ({ getDb: async () => ({ putImpulse: async () => undefined }) }));
vi.mock('comlink', () => ({ proxy: <T>(f: T) => f }));

const { useFeatureCache } = await import('./featureCacheStore');
const { useImpulses } = await import('./impulseStore');
const { useDataset } = await import('./datasetStore');

const sample = (id: string, axis = 'accX') =>
  ({
    id,
    projectId: 'p',
    name: id,
    label: 'wave',
    category: 'training',
    enabled: true,
    sensors: [{ name: axis, units: 'g' }],
    intervalMs: 10,
    frameCount: 200,
    deviceName: '',
    deviceType: '',
    createdAt: 0,
    updatedAt: 0,
  }) as SampleMeta;

const impulse: Impulse = {
  id: 'imp',
  projectId: 'p',
  name: 'Motion',
  input: { windowSizeMs: 1000, windowStrideMs: 500, frequencyHz: 100, zeroPad: true, axes: ['accX'] },
  dsp: { block: 'spectral', params: {} },
  createdAt: 0,
  updatedAt: 0,
};
const summary = { configHash: 'h', windowCount: 6, rowSample: new Int32Array(6) } as FeatureSetSummary;
const settle = () => new Promise((r) => setTimeout(r, 0));
const answer = (r: FeatureCacheReport) => worker.asked.shift()!.answer(r);

describe('feature cache check', () => {
  beforeEach(() => {
    worker.asked.length = 0;
    worker.project.mockClear();
    useFeatureCache.setState({ share: null });
    useDataset.setState({ samples: [sample('s1'), sample('s2'), sample('mic', 'audio')] });
    useImpulses.setState({ impulses: [impulse], selectedId: impulse.id, run: null, projection: null });
  });

  it('asks for the samples a Generate would use, and shows a complete set as a run from the cache', async () => {
    const checking = useFeatureCache.getState().check();
    expect(worker.asked[0].job).toMatchObject({ impulse, samples: [{ id: 's1' }, { id: 's2' }] });
    answer({ cached: 2, total: 2, summary });
    await checking;
    expect(useImpulses.getState().run).toMatchObject({
      status: 'done',
      origin: 'cache',
      summary,
      leftOut: 1,
      samples: [{ id: 's1' }, { id: 's2' }],
    });
    expect(worker.project).toHaveBeenCalledOnce();
    expect(useImpulses.getState().projection).toMatchObject({ status: 'done' });
    expect(useFeatureCache.getState().share).toBeNull();
  });

  it('reports how many samples are cached when not all are, and shows no run', async () => {
    const checking = useFeatureCache.getState().check();
    answer({ cached: 1, total: 2, summary: null });
    await checking;
    expect(useImpulses.getState().run).toBeNull();
    expect(useFeatureCache.getState().share).toMatchObject({ impulseId: 'imp', cached: 1, total: 2 });
    expect(worker.project).not.toHaveBeenCalled();
  });

  it('drops an answer that comes after a Generate started, or after the configuration changed', async () => {
    let checking = useFeatureCache.getState().check();
    void useImpulses.getState().generate();
    answer({ cached: 2, total: 2, summary });
    await checking;
    expect(useImpulses.getState().run).toMatchObject({ status: 'running', origin: 'generated' });

    useImpulses.setState({ run: null });
    checking = useFeatureCache.getState().check();
    await useImpulses.getState().save({ ...impulse, input: { ...impulse.input, windowStrideMs: 250 } });
    answer({ cached: 2, total: 2, summary });
    await checking;
    await settle();
    expect(useImpulses.getState().run).toBeNull();
  });

  it('asks again when the samples changed since a set from the cache, and drops it if no longer complete', async () => {
    let checking = useFeatureCache.getState().check();
    answer({ cached: 2, total: 2, summary });
    await checking;
    // Unchanged samples: the set on screen still fits, nothing is asked.
    await useFeatureCache.getState().check();
    expect(worker.asked).toHaveLength(0);

    useDataset.setState({ samples: [...useDataset.getState().samples, sample('s3')] });
    checking = useFeatureCache.getState().check();
    expect(worker.asked).toHaveLength(1);
    answer({ cached: 2, total: 3, summary: null });
    await checking;
    expect(useImpulses.getState().run).toBeNull();
    expect(useFeatureCache.getState().share).toMatchObject({ cached: 2, total: 3 });
  });

  it('does not ask while a run of the selected impulse is on screen', async () => {
    void useImpulses.getState().generate();
    await useFeatureCache.getState().check();
    expect(worker.asked).toHaveLength(0);
  });
});
