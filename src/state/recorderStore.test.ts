import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SampleMeta } from '../core/dataset/sample';
import type { DatasetChange } from '../core/dataset/change';
import { runtimeRegistry } from './devices/registry';
import type { FrameListener, SensorSnapshot, SourceRuntime, SourceSnapshot } from './devices/types';
import { useToasts } from './toastStore';
import { StudioError } from '../core/errors';
import { STORAGE_FULL_MESSAGE } from '../platform/db/errors';

/** The dataset store without IndexedDB: the recorder's saves are captured. */
const dataset = vi.hoisted(() => ({ changes: [] as DatasetChange[], failWith: null as Error | null }));
vi.mock('./datasetStore', () => ({
  useDataset: {
    getState: () => ({
      projectId: 'p',
      samples: dataset.changes.flatMap((c) => c.put.map((p) => p.meta)),
      commitEdit: async (_description: string, change: DatasetChange) => {
        if (dataset.failWith) throw dataset.failWith;
        dataset.changes.push(change);
        return true;
      },
      select: async () => {},
    }),
  },
}));

const { useRecorder } = await import('./recorderStore');

class FakeBoard implements SourceRuntime {
  readonly id = 'board';
  listener: FrameListener | null = null;
  sensor: SensorSnapshot = {
    key: 's1',
    name: 'accelerometer',
    kind: 'imu',
    axes: ['accX', 'accY', 'accZ'].map((name) => ({ name, units: 'm/s2' })),
    declaredHz: 100,
    measuredHz: 100,
    framesReceived: 0,
    streaming: true,
    rates: [100, 50, 25],
  };
  snapshot(): SourceSnapshot {
    return {
      id: this.id,
      kind: 'serial',
      name: 'Nano',
      simulated: false,
      status: 'connected',
      protocol: 'test',
      details: [],
      sensors: [this.sensor],
      droppedFrames: 0,
      corruptFrames: 0,
      malformedLines: 0,
      errors: [],
    };
  }
  subscribe(_key: string, listener: FrameListener) {
    this.listener = listener;
    return () => (this.listener = null);
  }
  ended: ((reason: string) => void) | null = null;
  onEnd(listener: (reason: string) => void) {
    this.ended = listener;
    return () => (this.ended = null);
  }
  unplug(reason: string): void {
    this.ended?.(reason);
  }
  async disconnect() {}
  send(frames: number, continuous: boolean): void {
    this.listener?.(new Float32Array(frames * 3), frames, continuous);
  }
}

let board: FakeBoard;
const record = (lengthMs = 100, category: 'auto' | 'training' = 'training', label = 'wave') =>
  useRecorder.getState().start({
    source: board.snapshot(),
    sensorKey: 's1',
    label,
    lengthMs,
    countdownS: 0,
    category,
  });
const savedMeta = (): SampleMeta => dataset.changes.at(-1)!.put[0].meta;
const lastToast = () => useToasts.getState().toasts.at(-1);

beforeEach(() => {
  board = new FakeBoard();
  runtimeRegistry.add(board);
  dataset.changes.length = 0;
  dataset.failWith = null;
  useToasts.setState({ toasts: [] });
  useRecorder.setState({ phase: 'idle', partial: null, unsaved: null });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('recorder', () => {
  it('stores how many times the stream broke during the recording with the sample', async () => {
    record(150);
    board.send(3, false); // the first readings of a recording may follow anything
    board.send(3, true);
    board.send(3, false);
    board.send(3, true);
    board.send(3, false);
    await vi.waitFor(() => expect(dataset.changes).toHaveLength(1));
    expect(savedMeta()).toMatchObject({ frameCount: 15, intervalMs: 10, streamGaps: 2 });
    expect(useToasts.getState().toasts.some((t) => /broke 2 times/.test(t.message))).toBe(true);
  });

  it('marks an unbroken recording with 0 gaps', async () => {
    record();
    board.send(5, false);
    board.send(5, true);
    await vi.waitFor(() => expect(dataset.changes).toHaveLength(1));
    expect(savedMeta().streamGaps).toBe(0);
  });

  it('keeps the gap count of an interrupted recording the user keeps', async () => {
    record(1000);
    board.send(5, true);
    board.send(5, false);
    board.unplug('The board was disconnected.');
    expect(useRecorder.getState().partial?.sample).toMatchObject({ frameCount: 10, streamGaps: 1 });
    await useRecorder.getState().keepPartial();
    expect(savedMeta()).toMatchObject({ frameCount: 10, streamGaps: 1 });
  });

  it('keeps a recording the full disk refused in memory, and saves it on a retry once there is space', async () => {
    dataset.failWith = new StudioError('storage-full', STORAGE_FULL_MESSAGE);
    record(100);
    board.send(10, true);
    await vi.waitFor(() => expect(useRecorder.getState().unsaved).not.toBeNull());
    expect(dataset.changes).toHaveLength(0);
    expect(useRecorder.getState().unsaved).toMatchObject({
      reason: STORAGE_FULL_MESSAGE,
      sample: { label: 'wave', frameCount: 10 },
    });

    // Still full: the recording stays kept, with the new reason.
    await useRecorder.getState().retryUnsaved();
    expect(useRecorder.getState().unsaved?.sample.frameCount).toBe(10);

    dataset.failWith = null;
    await useRecorder.getState().retryUnsaved();
    expect(useRecorder.getState().unsaved).toBeNull();
    expect(savedMeta()).toMatchObject({ label: 'wave', frameCount: 10 });
    expect(lastToast()).toMatchObject({ kind: 'success' });
  });

  it('moves an interrupted recording that could not be kept to the unsaved one', async () => {
    record(1000);
    board.send(5, true);
    board.unplug('The board was disconnected.');
    dataset.failWith = new StudioError('storage-full', STORAGE_FULL_MESSAGE);
    await useRecorder.getState().keepPartial();
    expect(useRecorder.getState()).toMatchObject({ partial: null, phase: 'idle' });
    expect(useRecorder.getState().unsaved?.sample.frameCount).toBe(5);
  });

  it('splits automatic recordings per label: the third of each label is for testing', async () => {
    let clock = 1_700_000_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => (clock += 1000));
    for (const label of ['idle', 'wave']) {
      for (let i = 0; i < 5; i++) {
        record(100, 'auto', label);
        board.send(10, true);
        await vi.waitFor(() => expect(useRecorder.getState().phase).toBe('idle'));
      }
    }
    await vi.waitFor(() => expect(dataset.changes).toHaveLength(10));
    const categories = dataset.changes.map((c) => `${c.put[0].meta.label} ${c.put[0].meta.category}`);
    expect(categories.filter((c) => c.endsWith('testing'))).toEqual(['idle testing', 'wave testing']);
    expect(categories[2]).toBe('idle testing');
    expect(categories[7]).toBe('wave testing');
  });

  it('refuses to record a stream the board has stopped, saying how to start it', () => {
    board.sensor = { ...board.sensor, streaming: false };
    record();
    expect(useRecorder.getState().phase).toBe('idle');
    expect(board.listener).toBeNull();
    expect(lastToast()).toMatchObject({ kind: 'error' });
    expect(lastToast()!.message).toMatch(/accelerometer stream is switched off.*Stream accelerometer/);
  });
});
