import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { StudioError } from '../../core/errors';
import type { Sample } from '../../core/dataset/sample';
import { featureConfigHash, featureKey, type Impulse } from '../../core/impulse/impulse';
import { sampleFeatures } from '../../core/impulse/generateFeatures';
import { newId } from '../../core/ids';
import { openTestDb } from '../db/testFixtures';
import type { StudioDb } from '../db/studioDb';
import type { FeatureJob, FeatureJobSample } from '../../../workers/dspApi';
import { buildFeatureSet } from './featureSet';

const AXES = ['accX', 'accY', 'accZ'];

/** 2.08 s of three sines at 62.5 Hz, a different frequency per sample. */
function sineSample(projectId: string, n: number): Sample {
  const frames = 130;
  const values = new Float32Array(frames * 3);
  for (let f = 0; f < frames; f++)
    for (let a = 0; a < 3; a++) values[f * 3 + a] = Math.sin((2 * Math.PI * (n + 1 + a) * f) / 62.5);
  return {
    id: newId(),
    projectId,
    name: `wave.${n}`,
    label: 'wave',
    category: 'training',
    enabled: true,
    deviceName: 'test',
    deviceType: 'VIRTUAL',
    createdAt: n,
    updatedAt: n,
    sensors: AXES.map((name) => ({ name, units: 'm/s2' })),
    intervalMs: 16,
    frameCount: frames,
    values,
  };
}

function spectralImpulse(projectId: string): Impulse {
  return {
    id: newId(),
    projectId,
    name: 'Gestures',
    input: { windowSizeMs: 1000, windowStrideMs: 500, frequencyHz: 62.5, zeroPad: false, axes: AXES },
    dsp: { block: 'spectral', params: { 'fft-length': 32 } },
    createdAt: 1,
    updatedAt: 1,
  };
}

const jobSample = ({ id, name, label, category, updatedAt }: Sample): FeatureJobSample => ({
  id,
  name,
  label,
  category,
  updatedAt,
});

async function setUp(count: number) {
  const db = await openTestDb();
  const project = await db.createProject('P');
  const samples = Array.from({ length: count }, (_, n) => sineSample(project.id, n));
  await db.addSamples(project.id, samples);
  const impulse = spectralImpulse(project.id);
  await db.putImpulse(impulse);
  return { db, samples, impulse, job: { impulse, samples: samples.map(jobSample) } };
}

const build = (db: StudioDb, job: FeatureJob, isCancelled = () => false) =>
  buildFeatureSet(db, job, () => undefined, isCancelled);

describe('buildFeatureSet', () => {
  it('computes every window once, then takes all of them from the cache', async () => {
    const { db, samples, impulse, job } = await setUp(3);
    const first = await build(db, job);
    // 2.08 s windowed by 1 s every 0.5 s: 3 windows per sample; 3 axes × (5 statistics + 16 bins).
    expect(first.summary).toMatchObject({ computed: 3, cached: 0, windowCount: 9, featureCount: 63 });
    expect(Array.from(first.summary.rowSample)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    const expected = sampleFeatures(impulse, samples[1]);
    expect(Array.from(first.summary.rowStartMs.subarray(3, 6))).toEqual(Array.from(expected.startMs));
    expect(Array.from(first.rows[4])).toEqual(Array.from(expected.features.subarray(63, 126)));

    const again = await build(db, job);
    expect(again.summary).toMatchObject({ computed: 0, cached: 3, windowCount: 9 });
    expect(again.rows.map((r) => Array.from(r))).toEqual(first.rows.map((r) => Array.from(r)));
  });

  it('recomputes an edited sample only', async () => {
    const { db, samples, impulse, job } = await setUp(3);
    const before = await build(db, job);
    const edited = { ...samples[2], updatedAt: samples[2].updatedAt + 100 };
    const louder = edited.values.map((v) => v * 2);
    const { values: _, ...meta } = edited;
    await db.commit(edited.projectId, { put: [{ meta, values: louder }], remove: [] });

    const after = await build(db, { impulse, samples: [...job.samples.slice(0, 2), jobSample(edited)] });
    expect(after.summary).toMatchObject({ computed: 1, cached: 2 });
    expect(Array.from(after.rows[0])).toEqual(Array.from(before.rows[0]));
    expect(Array.from(after.rows[6])).toEqual(
      Array.from(sampleFeatures(impulse, { ...edited, values: louder }).features.subarray(0, 63)),
    );
    expect(Array.from(after.rows[6])).not.toEqual(Array.from(before.rows[6]));
  });

  it('recomputes everything under a changed configuration, and keeps both in the cache', async () => {
    const { db, impulse, job } = await setUp(2);
    await build(db, job);
    const changed = { ...impulse, dsp: { block: 'spectral' as const, params: { 'fft-length': 64 } } };
    const other = await build(db, { ...job, impulse: changed });
    expect(other.summary).toMatchObject({ computed: 2, cached: 0, featureCount: 3 * (5 + 32) });
    expect(other.summary.configHash).not.toBe(featureConfigHash(impulse));
    expect((await build(db, job)).summary).toMatchObject({ computed: 0, cached: 2 });
  });

  it('keeps what was computed before a cancel, so the next run continues from there', async () => {
    const { db, job } = await setUp(5);
    let polls = 0;
    await expect(build(db, job, () => ++polls > 3)).rejects.toMatchObject({ code: 'cancelled' });
    const hash = featureConfigHash(job.impulse);
    const kept = await db.getFeatures(job.samples.map((s) => featureKey(s.id, hash)));
    expect(kept.map((e) => e !== undefined)).toEqual([true, true, true, false, false]);

    const rest = await build(db, job);
    expect(rest.summary).toMatchObject({ computed: 2, cached: 3, windowCount: 15 });
  });

  it('sees a cancel message mid-run even when every read is an already-settled promise', async () => {
    const db = await openTestDb();
    const samples = Array.from({ length: 400 }, (_, n) => sineSample('p', n));
    const byId = new Map(samples.map((s) => [s.id, s]));
    // A store answering from memory: only the loop itself can give the event loop a turn.
    let reads = 0;
    const memory = Object.assign(Object.create(db) as StudioDb, {
      getFeatures: async (keys: string[]) => keys.map(() => undefined),
      // Each read takes 0.25 ms of busy time, so the 400 span several yield slices on any machine.
      getSample: async (id: string) => {
        reads++;
        const until = performance.now() + 0.25;
        while (performance.now() < until);
        return byId.get(id)!;
      },
      putFeatures: async () => undefined,
    });
    // The cancel travels as the page sends it: a message, delivered only when the worker's loop yields.
    let cancelled = false;
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => (cancelled = true);
    const job = { impulse: spectralImpulse('p'), samples: samples.map(jobSample) };
    const run = buildFeatureSet(
      memory,
      job,
      (p) => p.done === 1 && port2.postMessage('cancel'),
      () => cancelled,
    );
    try {
      await expect(run).rejects.toMatchObject({ code: 'cancelled' });
      // Before the fix the message waited for the end: all 400 samples were read and the run succeeded.
      expect(reads).toBeLessThan(samples.length / 2);
    } finally {
      port1.close();
    }
  });
});

describe('buildFeatureSet on a full disk', () => {
  it('still returns every feature, stops caching, and counts what was not cached', async () => {
    const { db, job } = await setUp(40);
    const put = db.putFeatures.bind(db);
    let calls = 0;
    // The first batch (32 samples) fits, then the disk is full.
    vi.spyOn(db, 'putFeatures').mockImplementation((entries) =>
      ++calls === 1 ? put(entries) : Promise.reject(new StudioError('storage-full', 'full')),
    );
    const full = await build(db, job);
    expect(full.summary).toMatchObject({ computed: 40, cached: 0, notCached: 8, windowCount: 120 });
    expect(calls).toBe(2);
    vi.restoreAllMocks();

    const next = await build(db, job);
    expect(next.summary).toMatchObject({ computed: 8, cached: 32 });
    expect(next.summary.notCached).toBeUndefined();
    expect(next.rows.map((r) => Array.from(r))).toEqual(full.rows.map((r) => Array.from(r)));
  });

  it('fails on any other storage error', async () => {
    const { db, job } = await setUp(2);
    vi.spyOn(db, 'putFeatures').mockRejectedValue(new StudioError('storage-error', 'broken'));
    await expect(build(db, job)).rejects.toMatchObject({ code: 'storage-error' });
    vi.restoreAllMocks();
  });
});
