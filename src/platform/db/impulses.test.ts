import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { featureConfigHash, featureKey, type CachedFeatures, type Impulse } from '../../core/impulse/impulse';
import { newId } from '../../core/ids';
import { imuSample, openTestDb } from './testFixtures';

function impulse(projectId: string, name = 'Gestures'): Impulse {
  return {
    id: newId(),
    projectId,
    name,
    input: {
      windowSizeMs: 2000,
      windowStrideMs: 500,
      frequencyHz: 62.5,
      zeroPad: true,
      axes: ['accX', 'accY', 'accZ'],
    },
    dsp: { block: 'spectral', params: { 'fft-length': 128 } },
    createdAt: 1,
    updatedAt: 1,
  };
}

function cached(sampleId: string, configHash: string): CachedFeatures {
  return {
    key: featureKey(sampleId, configHash),
    sampleId,
    configHash,
    config: 'c',
    sampleUpdatedAt: 1,
    windowCount: 2,
    featureCount: 3,
    features: Float32Array.from([1, 2, 3, 4, 5, 6]),
    startMs: Float32Array.from([0, 500]),
  };
}

describe('impulses and the feature cache', () => {
  it('saves, lists, duplicates with the project, and deletes with it', async () => {
    const db = await openTestDb();
    const p = await db.createProject('P');
    const s = imuSample(p.id, 'wave');
    await db.addSamples(p.id, [s]);
    const imp = impulse(p.id);
    await db.putImpulse(imp);
    await db.putImpulse({ ...imp, name: 'Renamed' });
    expect((await db.listImpulses(p.id)).map((i) => i.name)).toEqual(['Renamed']);
    await db.putFeatures([cached(s.id, featureConfigHash(imp))]);

    const copy = await db.duplicateProject(p.id, 'Copy');
    const copied = await db.listImpulses(copy.id);
    expect(copied).toHaveLength(1);
    expect(copied[0].id).not.toBe(imp.id);
    expect(copied[0].dsp).toEqual(imp.dsp);

    await db.deleteProject(p.id);
    expect(await db.listImpulses(p.id)).toEqual([]);
    expect(await db.getFeatures([featureKey(s.id, featureConfigHash(imp))])).toEqual([undefined]);
    expect(await db.listImpulses(copy.id)).toHaveLength(1);
  });

  it('returns cached features typed, and prunes stale ones of a configuration only', async () => {
    const db = await openTestDb();
    await db.putFeatures([cached('a', 'h1'), cached('b', 'h1'), cached('a', 'h2')]);
    const [a] = await db.getFeatures([featureKey('a', 'h1')]);
    expect(a?.features).toBeInstanceOf(Float32Array);
    expect(Array.from(a!.features)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await db.pruneFeatures('h1', new Set([featureKey('a', 'h1')]))).toBe(1);
    const left = await db.getFeatures([featureKey('a', 'h1'), featureKey('b', 'h1'), featureKey('a', 'h2')]);
    expect(left.map((e) => e?.key ?? null)).toEqual(['a|h1', null, 'a|h2']);
  });

  it('rejects an impulse without a name or for a missing project', async () => {
    const db = await openTestDb();
    const p = await db.createProject('P');
    await expect(db.putImpulse({ ...impulse(p.id), name: ' ' })).rejects.toMatchObject({
      code: 'invalid-name',
    });
    await expect(db.putImpulse(impulse('missing'))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('gives the same config hash for the same parameters in any key order', () => {
    const a = impulse('p');
    const b = { ...a, dsp: { block: a.dsp.block, params: { 'fft-length': 128 } } };
    expect(featureConfigHash(a)).toBe(featureConfigHash(b));
    expect(featureConfigHash(a)).not.toBe(
      featureConfigHash({ ...a, input: { ...a.input, windowStrideMs: 250 } }),
    );
  });
});
