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

  it('returns cached features typed', async () => {
    const db = await openTestDb();
    await db.putFeatures([cached('a', 'h1')]);
    const [a, missing] = await db.getFeatures([featureKey('a', 'h1'), featureKey('a', 'h2')]);
    expect(a?.features).toBeInstanceOf(Float32Array);
    expect(Array.from(a!.features)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(missing).toBeUndefined();
  });

  it('prunes features of configurations no impulse of the project has, and of deleted samples', async () => {
    const db = await openTestDb();
    const p = await db.createProject('P');
    const other = await db.createProject('Other');
    const [s1, s2, gone] = [imuSample(p.id, 'a'), imuSample(p.id, 'b'), imuSample(p.id, 'c')];
    const foreign = imuSample(other.id, 'a');
    await db.addSamples(p.id, [s1, s2, gone]);
    await db.addSamples(other.id, [foreign]);
    const kept = impulse(p.id);
    await db.putImpulse(kept);
    const h = featureConfigHash(kept);
    await db.putFeatures([
      cached(s1.id, h),
      cached(s2.id, h),
      cached(gone.id, h),
      cached(s1.id, 'edited-away'),
      cached(foreign.id, 'edited-away'),
    ]);
    await db.commit(p.id, { put: [], remove: [gone.id] });

    const generated = { configHash: 'just-made', keys: new Set([featureKey(s1.id, 'just-made')]) };
    await db.putFeatures([cached(s1.id, 'just-made'), cached(s2.id, 'just-made')]);
    // Gone: the deleted sample's, the unused configuration's, and s2's under the set just made (left out).
    expect(await db.pruneFeatures(p.id, generated)).toBe(3);
    const keys = [
      featureKey(s1.id, h),
      featureKey(s2.id, h),
      featureKey(gone.id, h),
      featureKey(s1.id, 'edited-away'),
      featureKey(foreign.id, 'edited-away'),
      featureKey(s1.id, 'just-made'),
      featureKey(s2.id, 'just-made'),
    ];
    const present = async () => (await db.getFeatures(keys)).map((e) => e !== undefined);
    expect(await present()).toEqual([true, true, false, false, true, true, false]);

    // With no feature set just made, its configuration is unused too; another project's cache is untouched.
    expect(await db.pruneFeatures(p.id, null)).toBe(1);
    expect(await present()).toEqual([true, true, false, false, true, false, false]);
  });

  it('deletes the cache of a deleted impulse unless another impulse shares its configuration', async () => {
    const db = await openTestDb();
    const p = await db.createProject('P');
    const s = imuSample(p.id, 'wave');
    await db.addSamples(p.id, [s]);
    const a = impulse(p.id, 'A');
    const twin = impulse(p.id, 'Twin');
    const b = { ...impulse(p.id, 'B'), dsp: { block: 'flatten' as const, params: {} } };
    for (const i of [a, twin, b]) await db.putImpulse(i);
    const keyA = featureKey(s.id, featureConfigHash(a));
    const keyB = featureKey(s.id, featureConfigHash(b));
    await db.putFeatures([cached(s.id, featureConfigHash(a)), cached(s.id, featureConfigHash(b))]);

    await db.deleteImpulse(a.id);
    expect((await db.getFeatures([keyA, keyB])).map((e) => e?.key)).toEqual([keyA, keyB]);
    await db.deleteImpulse(b.id);
    expect((await db.getFeatures([keyA, keyB])).map((e) => e?.key)).toEqual([keyA, undefined]);
    expect((await db.listImpulses(p.id)).map((i) => i.name)).toEqual(['Twin']);
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
