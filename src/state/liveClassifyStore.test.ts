import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SampleValues } from '../core/dataset/sample';
import { featureConfigHash, type Impulse } from '../core/impulse/impulse';
import type { TrainedModel } from '../core/learn/trainedModel';
import type { LiveResult } from '../../workers/trainApi';
import type { LiveSession } from './liveClassifyStore';
import { runtimeRegistry } from './devices/registry';
import type { FrameListener, SourceRuntime, SourceSnapshot } from './devices/types';

/** A stand-in for the training worker: classify calls wait until the test answers them. */
const worker = vi.hoisted(() => {
  const pending: Array<{ window: Float32Array; answer: (r: LiveResult) => void; fail: (e: Error) => void }> =
    [];
  return {
    pending,
    startLive: vi.fn(async () => undefined),
    classify: vi.fn(
      (window: Float32Array) =>
        new Promise<LiveResult>((answer, fail) => {
          pending.push({ window, answer, fail });
        }),
    ),
  };
});
vi.mock('../platform/workers/trainClient', () => ({ trainWorker: () => worker }));

const { useLiveClassify, readout, withResult, TIMELINE_WINDOWS } = await import('./liveClassifyStore');

class FakeSource implements SourceRuntime {
  readonly id = 'fake';
  listener: FrameListener | null = null;
  ended: ((reason: string) => void) | null = null;
  snapshot(): SourceSnapshot {
    return {
      id: this.id,
      kind: 'virtual',
      name: 'Virtual board',
      simulated: true,
      status: 'connected',
      protocol: 'test',
      details: [],
      sensors: [
        {
          key: 'imu',
          name: 'IMU',
          kind: 'imu',
          axes: ['accX', 'accY', 'accZ'].map((name) => ({ name, units: 'm/s2' })),
          declaredHz: 100,
          measuredHz: 100,
          framesReceived: 0,
        },
      ],
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
  onEnd(listener: (reason: string) => void) {
    this.ended = listener;
    return () => (this.ended = null);
  }
  async disconnect() {}
  /** `frames` readings whose accZ counts up from `from`. */
  send(from: number, frames: number, continuous = true): void {
    const values: SampleValues = new Float32Array(frames * 3);
    for (let f = 0; f < frames; f++) values[f * 3 + 2] = from + f;
    this.listener?.(values, frames, continuous);
  }
}

const impulse: Impulse = {
  id: 'imp',
  projectId: 'p',
  name: 'Impulse 1',
  input: { windowSizeMs: 200, windowStrideMs: 100, frequencyHz: 100, zeroPad: false, axes: ['accZ'] },
  dsp: { block: 'raw', params: {} },
  createdAt: 0,
  updatedAt: 0,
};
const model = {
  impulseId: 'imp',
  labels: ['idle', 'wave'],
  configHash: featureConfigHash(impulse),
  learn: { kind: 'classifier' },
} as unknown as TrainedModel;

const flush = () => new Promise((r) => setTimeout(r, 0));
const probs = (idle: number) => ({ outputs: Float32Array.from([idle, 1 - idle]), dspMs: 2, inferenceMs: 4 });

describe('live classification store', () => {
  let source: FakeSource;
  beforeEach(() => {
    useLiveClassify.getState().stop();
    worker.pending.length = 0;
    worker.classify.mockClear();
    source = new FakeSource();
    runtimeRegistry.add(source);
    useLiveClassify.getState().setSettings({ smoothing: 2, threshold: 0.6 });
  });

  it('classifies one window at a time, skips and counts windows while the worker is busy, and smooths', async () => {
    await useLiveClassify.getState().start(impulse, model, source.snapshot(), 'imu');
    expect(useLiveClassify.getState().session?.status).toBe('running');
    source.send(0, 20);
    expect(worker.pending).toHaveLength(1);
    expect(Array.from(worker.pending[0].window)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    // Three more windows come due while the first is classified: only the newest goes next.
    source.send(20, 30);
    expect(worker.classify).toHaveBeenCalledTimes(1);
    worker.pending.shift()!.answer(probs(0.9));
    await flush();
    expect(worker.classify).toHaveBeenCalledTimes(2);
    expect(worker.pending[0].window[0]).toBe(30);
    let s = useLiveClassify.getState().session!;
    expect(s).toMatchObject({ classified: 1, skipped: 2, readout: { text: 'idle' } });
    worker.pending.shift()!.answer(probs(0.1));
    await flush();
    s = useLiveClassify.getState().session!;
    // The mean of 0.9 and 0.1 is below the threshold.
    expect(s.readout).toMatchObject({ text: 'uncertain' });
    expect(s.readout!.smoothed[0]).toBeCloseTo(0.5, 6);
    expect(s.dsp).toEqual({ last: 2, total: 4, count: 2 });
    expect(s.timeline.map((p) => p.text)).toEqual(['idle', 'uncertain']);
  });

  it('restarts windowing after a gap in the stream', async () => {
    await useLiveClassify.getState().start(impulse, model, source.snapshot(), 'imu');
    source.send(0, 15);
    source.send(100, 19, false);
    expect(worker.classify).not.toHaveBeenCalled();
    source.send(119, 1);
    expect(worker.pending[0].window[0]).toBe(100);
    expect(useLiveClassify.getState().session?.gaps).toBe(1);
  });

  it('stops with a message and keeps the results when the source goes away', async () => {
    await useLiveClassify.getState().start(impulse, model, source.snapshot(), 'imu');
    source.send(0, 20);
    worker.pending.shift()!.answer(probs(0.95));
    await flush();
    source.send(20, 10);
    source.ended?.('The board was unplugged.');
    const s = useLiveClassify.getState().session!;
    expect(s.status).toBe('stopped');
    expect(s.message).toMatch(/^Virtual board: The board was unplugged\. Live classification stopped/);
    expect(s).toMatchObject({ classified: 1, readout: { text: 'idle' } });
    expect(source.listener).toBeNull();
    // A result that arrives after the stop is ignored.
    worker.pending.shift()!.answer(probs(0.1));
    await flush();
    expect(useLiveClassify.getState().session?.classified).toBe(1);
  });

  it('runs on whatever page is open, and stops when another project is opened', async () => {
    const { useProjects } = await import('./projectsStore');
    useProjects.setState({ currentId: 'p' });
    await useLiveClassify.getState().start(impulse, model, source.snapshot(), 'imu');
    // A store update that is not a project change (e.g. the storage estimate) leaves it running.
    useProjects.setState({ storage: { usage: 1, quota: 2 } });
    expect(useLiveClassify.getState().session?.status).toBe('running');
    useProjects.setState({ currentId: 'other' });
    expect(useLiveClassify.getState().session).toMatchObject({
      status: 'stopped',
      message: expect.stringMatching(/Another project was opened/),
    });
    expect(source.listener).toBeNull();
  });

  it('refuses a sensor without the impulse axes and a stale model', async () => {
    const gyro = { ...impulse, input: { ...impulse.input, axes: ['gyrX'] } };
    await useLiveClassify
      .getState()
      .start(gyro, { ...model, configHash: featureConfigHash(gyro) }, source.snapshot(), 'imu');
    expect(useLiveClassify.getState().session).toMatchObject({
      status: 'stopped',
      message: expect.stringMatching(/no "gyrX" axis/),
    });
    await useLiveClassify
      .getState()
      .start(impulse, { ...model, configHash: 'old' }, source.snapshot(), 'imu');
    expect(useLiveClassify.getState().session?.message).toMatch(/train it again/);
    expect(source.listener).toBeNull();
  });
});

describe('readout and withResult', () => {
  it('reads regression values and anomaly scores', () => {
    expect(readout('regression', [], Float32Array.from([12.345678]), 'uncertain')).toMatchObject({
      text: '12.35',
      value: expect.closeTo(12.345678, 4),
    });
    expect(readout('anomaly', [], Float32Array.from([0.3]), 'uncertain').text).toBe('anomaly');
    expect(readout('anomaly', [], Float32Array.from([-1.2]), 0).text).toBe('normal');
  });

  it('keeps the last TIMELINE_WINDOWS points', () => {
    const none = { last: 0, total: 0, count: 0 };
    let session: LiveSession = {
      impulseId: 'imp',
      impulseName: 'Impulse 1',
      kind: 'classifier',
      labels: ['idle'],
      sourceName: 'Virtual board',
      sensorName: 'IMU',
      precision: 'float32',
      status: 'running',
      message: null,
      readout: null,
      timeline: [],
      classified: 0,
      skipped: 0,
      gaps: 0,
      dsp: none,
      inference: none,
    };
    for (let i = 0; i < TIMELINE_WINDOWS + 5; i++)
      session = withResult(session, probs(1), { text: 'idle', smoothed: [1], value: 1 });
    expect(session.timeline).toHaveLength(TIMELINE_WINDOWS);
    expect(session.timeline[0].window).toBe(6);
    expect(session.inference).toEqual({
      last: 4,
      total: 4 * (TIMELINE_WINDOWS + 5),
      count: TIMELINE_WINDOWS + 5,
    });
    expect(session.classified).toBe(TIMELINE_WINDOWS + 5);
  });
});
