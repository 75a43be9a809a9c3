import { beforeEach, describe, expect, it, vi } from 'vitest';
import { StudioError } from '../core/errors';
import type { SampleMeta } from '../core/dataset/sample';
import type { Impulse } from '../core/impulse/impulse';
import type { FeatureSetSummary, Projection } from '../../workers/dspApi';

/** A stand-in for the DSP worker whose generate calls the test settles by hand. */
const worker = vi.hoisted(() => ({
  pending: [] as Array<{ resolve: (s: unknown) => void; reject: (e: unknown) => void }>,
  generate() {
    return new Promise((resolve, reject) => this.pending.push({ resolve, reject }));
  },
  project: vi.fn(async () => ({
    points: new Float32Array(2),
    method: 'pca',
    note: '',
    axisTitles: ['PC1', 'PC2'],
  })),
  cancel: vi.fn(),
}));
vi.mock('../platform/workers/dspClient', () => ({ dspWorker: () => worker }));
vi.mock('../platform/workers/trainClient', () => ({ trainWorker: () => ({}) }));
vi.mock('./db', () => ({ getDb: async () => ({ putImpulse: async () => undefined }) }));
vi.mock('comlink', () => ({ proxy: <T>(f: T) => f }));

const { useImpulses } = await import('./impulseStore');
const { useDataset } = await import('./datasetStore');
const { useToasts } = await import('./toastStore');

const sample = {
  id: 's1',
  projectId: 'p',
  name: 'wave.1',
  label: 'wave',
  category: 'training',
  enabled: true,
  sensors: [{ name: 'accX', units: 'g' }],
  intervalMs: 10,
  frameCount: 200,
  deviceName: '',
  deviceType: '',
  createdAt: 0,
  updatedAt: 0,
} as SampleMeta;

const impulse: Impulse = {
  id: 'imp',
  projectId: 'p',
  name: 'Motion',
  input: { windowSizeMs: 1000, windowStrideMs: 500, frequencyHz: 100, zeroPad: false, axes: ['accX'] },
  dsp: { block: 'spectral', params: {} },
  createdAt: 0,
  updatedAt: 0,
};

const summary = { configHash: 'h', windowCount: 3, rowSample: new Int32Array(3) } as FeatureSetSummary;
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('impulse store feature runs', () => {
  beforeEach(() => {
    worker.pending.length = 0;
    worker.cancel.mockClear();
    useToasts.setState({ toasts: [] });
    useDataset.setState({ samples: [sample] });
    useImpulses.setState({ impulses: [impulse], selectedId: impulse.id, run: null, projection: null });
  });

  it('asks for no projection of an empty feature set (the worker would say "Generate features first")', async () => {
    worker.project.mockClear();
    useDataset.setState({ samples: [{ ...sample, sensors: [{ name: 'audio', units: '' }] }] });
    const generating = useImpulses.getState().generate();
    worker.pending[0].resolve({ ...summary, windowCount: 0, rowSample: new Int32Array(0) });
    await generating;
    expect(useImpulses.getState().run).toMatchObject({ status: 'done', leftOut: 1, samples: [] });
    expect(worker.project).not.toHaveBeenCalled();
    expect(useImpulses.getState().projection).toBeNull();
  });

  it('shows a cancelled run calmly, without an error toast', async () => {
    const generating = useImpulses.getState().generate();
    worker.pending[0].reject(new StudioError('cancelled', 'Feature generation was cancelled.'));
    await generating;
    expect(useImpulses.getState().run?.status).toBe('cancelled');
    expect(useToasts.getState().toasts).toEqual([]);
  });

  it('clears the run and its explorer when the feature parameters change, not when the name does', async () => {
    const generating = useImpulses.getState().generate();
    worker.pending[0].resolve(summary);
    await generating;
    expect(useImpulses.getState().run?.status).toBe('done');
    expect(useImpulses.getState().projection?.result).toMatchObject({ method: 'pca' } as Partial<Projection>);

    await useImpulses.getState().save({ ...impulse, name: 'Renamed' });
    expect(useImpulses.getState().run?.status).toBe('done');

    await useImpulses
      .getState()
      .save({ ...impulse, dsp: { block: 'spectral', params: { 'fft-length': 64 } } });
    expect(useImpulses.getState().run).toBeNull();
    expect(useImpulses.getState().projection).toBeNull();
    expect(worker.cancel).not.toHaveBeenCalled();
  });

  it('cancels a run whose parameters change mid-way, and its late end does not come back', async () => {
    const generating = useImpulses.getState().generate();
    await useImpulses.getState().save({ ...impulse, input: { ...impulse.input, windowStrideMs: 250 } });
    expect(worker.cancel).toHaveBeenCalledOnce();
    expect(useImpulses.getState().run).toBeNull();

    worker.pending[0].resolve(summary);
    await generating;
    await settle();
    expect(useImpulses.getState().run).toBeNull();
    expect(useImpulses.getState().projection).toBeNull();
  });
});
