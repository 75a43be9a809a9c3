import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../core/dataset/sample';
import { featureConfigHash, featureKey, type Impulse } from '../../core/impulse/impulse';
import { newId } from '../../core/ids';
import { openTestDb } from '../db/testFixtures';
import type { FeatureJobSample } from '../../../workers/dspApi';
import { buildFeatureSet } from './featureSet';
import { cachedFeatureSet } from './cachedFeatureSet';

const AXES = ['accX', 'accY', 'accZ'];

/** 2.08 s of three sines at 62.5 Hz, a different frequency per sample: 3 windows of 1 s every 0.5 s. */
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
  const impulse: Impulse = {
    id: newId(),
    projectId: project.id,
    name: 'Gestures',
    input: { windowSizeMs: 1000, windowStrideMs: 500, frequencyHz: 62.5, zeroPad: false, axes: AXES },
    dsp: { block: 'spectral', params: { 'fft-length': 32 } },
    createdAt: 1,
    updatedAt: 1,
  };
  await db.putImpulse(impulse);
  return { db, impulse, job: { impulse, samples: samples.map(jobSample) } };
}

describe('cachedFeatureSet', () => {
  it('computes nothing: with an empty cache it reports 0 of N and stores nothing', async () => {
    const { db, job } = await setUp(3);
    expect(await cachedFeatureSet(db, job)).toEqual({ cached: 0, total: 3, set: null });
    const hash = featureConfigHash(job.impulse);
    const stored = await db.getFeatures(job.samples.map((s) => featureKey(s.id, hash)));
    expect(stored.every((e) => e === undefined)).toBe(true);
  });

  it('counts the samples cached so far, without a set, when only some are', async () => {
    const { db, job } = await setUp(3);
    await buildFeatureSet(
      db,
      { ...job, samples: job.samples.slice(0, 2) },
      () => undefined,
      () => false,
    );
    expect(await cachedFeatureSet(db, job)).toEqual({ cached: 2, total: 3, set: null });
  });

  it('assembles the same feature set a generate made, when every sample is cached', async () => {
    const { db, job } = await setUp(3);
    const generated = await buildFeatureSet(
      db,
      job,
      () => undefined,
      () => false,
    );
    const found = await cachedFeatureSet(db, job);
    expect(found).toMatchObject({ cached: 3, total: 3 });
    const set = found.set!;
    expect(set.summary).toMatchObject({
      configHash: generated.summary.configHash,
      featureCount: generated.summary.featureCount,
      shape: generated.summary.shape,
      windowCount: 9,
      computed: 0,
      cached: 3,
    });
    expect(Array.from(set.summary.rowSample)).toEqual(Array.from(generated.summary.rowSample));
    expect(Array.from(set.summary.rowStartMs)).toEqual(Array.from(generated.summary.rowStartMs));
    expect(set.rows.map((r) => Array.from(r))).toEqual(generated.rows.map((r) => Array.from(r)));
  });

  it('does not count an entry of a sample edited since, nor of another configuration', async () => {
    const { db, job } = await setUp(2);
    await buildFeatureSet(
      db,
      job,
      () => undefined,
      () => false,
    );
    const edited = [job.samples[0], { ...job.samples[1], updatedAt: job.samples[1].updatedAt + 1 }];
    expect(await cachedFeatureSet(db, { ...job, samples: edited })).toMatchObject({ cached: 1, total: 2 });
    const changed = { ...job.impulse, dsp: { block: 'spectral' as const, params: { 'fft-length': 64 } } };
    expect(await cachedFeatureSet(db, { ...job, impulse: changed })).toMatchObject({ cached: 0, total: 2 });
  });

  it('names the samples that gave no window, when computed and when served from the cache', async () => {
    const { db, impulse, job } = await setUp(2);
    // 0.64 s: shorter than the 1 s window, and zero-padding is off.
    const short = { ...sineSample(impulse.projectId, 9), frameCount: 40, values: new Float32Array(120) };
    await db.addSamples(impulse.projectId, [short]);
    const withShort = { impulse, samples: [...job.samples, jobSample(short)] };
    const run = () =>
      buildFeatureSet(
        db,
        withShort,
        () => undefined,
        () => false,
      );
    const generated = await run();
    const skipped = [
      {
        sampleId: short.id,
        name: 'wave.9',
        reason: expect.stringContaining('shorter than the 1000 ms window'),
      },
    ];
    expect(generated.summary).toMatchObject({ computed: 3, skipped });
    expect((await run()).summary).toMatchObject({ computed: 0, cached: 3, skipped });
    expect((await cachedFeatureSet(db, withShort)).set!.summary).toMatchObject({ cached: 3, skipped });
  });

  it('offers no set for a job without samples', async () => {
    const { db, job } = await setUp(1);
    expect(await cachedFeatureSet(db, { ...job, samples: [] })).toEqual({ cached: 0, total: 0, set: null });
  });
});
