import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Sample, SampleMeta } from '../../core/dataset/sample';
import { splitSample } from '../../core/dataset/sample';
import type { DatasetChange } from '../../core/dataset/change';
import type { StudioDb } from './studioDb';
import { audioSample, bytesOf, comparable, imuSample, openTestDb, snapshot } from './testFixtures';

async function setUp(samples: (projectId: string) => Sample[]) {
  const db = await openTestDb();
  const project = await db.createProject('Gestures');
  const initial = samples(project.id);
  await db.addSamples(project.id, initial);
  return { db, projectId: project.id, initial, before: await snapshot(db, project.id) };
}

/** Commits `change`, checks that its inverse restores `before` exactly and that re-inverting re-does it. */
async function expectUndoRedo(db: StudioDb, projectId: string, change: DatasetChange) {
  const before = comparable(await snapshot(db, projectId));
  const inverse = await db.commit(projectId, change);
  const after = comparable(await snapshot(db, projectId));

  const redo = await db.commit(projectId, inverse);
  expect(comparable(await snapshot(db, projectId))).toEqual(before);
  await db.commit(projectId, redo);
  expect(comparable(await snapshot(db, projectId))).toEqual(after);
  return { inverse, after };
}

const meta = (s: Sample): SampleMeta => splitSample(s).meta;

describe('commit and its inverse', () => {
  it('puts new samples; the inverse removes them', async () => {
    const { db, projectId } = await setUp(() => []);
    const fresh = [imuSample(projectId, 'wave'), audioSample(projectId, 'yes')];
    const change = { put: fresh.map((s) => ({ meta: meta(s), values: s.values })), remove: [] };
    const { inverse } = await expectUndoRedo(db, projectId, change);
    expect(inverse).toEqual({ put: [], remove: fresh.map((s) => s.id) });
    await db.commit(projectId, change);
    expect(comparable(await snapshot(db, projectId))).toEqual(comparable(fresh));
    db.close();
  });

  it('relabels metadata only; the inverse restores the metas and never touches values', async () => {
    const { db, projectId, initial } = await setUp((p) => [imuSample(p, 'wave'), imuSample(p, 'wave')]);
    const change = { put: initial.map((s) => ({ meta: { ...meta(s), label: 'circle' } })), remove: [] };
    const { inverse } = await expectUndoRedo(db, projectId, change);
    expect(inverse).toEqual({ put: initial.map((s) => ({ meta: meta(s) })), remove: [] });
    for (const p of inverse.put) expect(p).not.toHaveProperty('values');
    db.close();
  });

  it('replaces values (crop) and stores only the view, not the buffer behind it', async () => {
    const { db, projectId, initial } = await setUp((p) => [imuSample(p, 'wave', 20)]);
    const [sample] = initial;
    const cropped = sample.values.subarray(6, 30);
    const change = { put: [{ meta: { ...meta(sample), frameCount: 8 }, values: cropped }], remove: [] };
    const { inverse } = await expectUndoRedo(db, projectId, change);
    expect(inverse.put).toHaveLength(1);
    expect(bytesOf(inverse.put[0].values!)).toEqual(bytesOf(sample.values));

    const stored = await db.getValues(sample.id);
    expect(stored).toBeInstanceOf(Float32Array);
    expect(stored.buffer.byteLength).toBe(cropped.byteLength);
    expect(bytesOf(stored)).toEqual(bytesOf(cropped));
    db.close();
  });

  it('removes samples; the inverse brings them back with their exact values', async () => {
    const { db, projectId, initial } = await setUp((p) => [
      audioSample(p, 'yes', 1000),
      imuSample(p, 'wave'),
    ]);
    const { inverse, after } = await expectUndoRedo(db, projectId, { put: [], remove: [initial[0].id] });
    expect(after).toEqual(comparable([initial[1]]));
    expect(inverse.put[0].meta).toEqual(meta(initial[0]));
    expect(inverse.put[0].values).toBeInstanceOf(Int16Array);
    expect(bytesOf(inverse.put[0].values!)).toEqual(bytesOf(initial[0].values));
    db.close();
  });

  it('splits one sample into three (remove 1, add 3) and undoes and redoes it', async () => {
    const { db, projectId, initial } = await setUp((p) => [
      audioSample(p, 'noise', 300),
      imuSample(p, 'idle'),
    ]);
    const whole = initial[0];
    const parts = [0, 1, 2].map((k) => ({
      ...audioSample(projectId, 'noise', 100),
      values: whole.values.slice(k * 100, (k + 1) * 100),
    }));
    const change = { put: parts.map((s) => ({ meta: meta(s), values: s.values })), remove: [whole.id] };
    const { inverse, after } = await expectUndoRedo(db, projectId, change);
    expect(inverse.remove).toEqual(parts.map((s) => s.id));
    expect(inverse.put.map((p) => p.meta.id)).toEqual([whole.id]);
    expect(after.map((s) => s.id).sort()).toEqual([initial[1].id, ...parts.map((s) => s.id)].sort());
    db.close();
  });

  it('gives values back as the typed array class they were stored as', async () => {
    const { db, initial } = await setUp((p) => [imuSample(p, 'wave'), audioSample(p, 'yes')]);
    expect(await db.getValues(initial[0].id)).toBeInstanceOf(Float32Array);
    expect(await db.getValues(initial[1].id)).toBeInstanceOf(Int16Array);
    const sample = await db.getSample(initial[1].id);
    expect(sample.values).toBeInstanceOf(Int16Array);
    expect(comparable([sample])).toEqual(comparable([initial[1]]));
    db.close();
  });

  it("bumps the project's updatedAt", async () => {
    const { db, projectId, initial } = await setUp((p) => [imuSample(p, 'wave')]);
    const [before] = await db.listProjects();
    await db.commit(projectId, { put: [{ meta: { ...meta(initial[0]), enabled: false } }], remove: [] });
    const [after] = await db.listProjects();
    expect(after.updatedAt).toBeGreaterThan(before.updatedAt);
    db.close();
  });

  it('lists 5000 sample metas without their values', async () => {
    const db = await openTestDb();
    const project = await db.createProject('Big');
    const samples = Array.from({ length: 5000 }, (_, i) => imuSample(project.id, `l${i % 4}`, 1));
    await db.addSamples(project.id, samples);
    const metas = await db.listSamples(project.id);
    expect(metas).toHaveLength(5000);
    expect(metas.map((m) => m.id)).toEqual(samples.map((s) => s.id));
    expect(metas.every((m) => !('values' in m))).toBe(true);
    expect(metas[4999]).toEqual(meta(samples[4999]));
    db.close();
  });
});

describe('commit validation', () => {
  async function expectRejected(
    change: (projectId: string, existing: Sample[], otherProjectSample: Sample) => DatasetChange,
    code: string,
    projectOverride?: string,
  ) {
    const { db, projectId, initial, before } = await setUp((p) => [
      imuSample(p, 'wave'),
      audioSample(p, 'yes'),
    ]);
    const other = await db.createProject('Other');
    const otherSample = imuSample(other.id, 'x');
    await db.addSamples(other.id, [otherSample]);
    const otherBefore = await snapshot(db, other.id);
    const [projectBefore] = (await db.listProjects()).filter((p) => p.id === projectId);

    await expect(
      db.commit(projectOverride ?? projectId, change(projectId, initial, otherSample)),
    ).rejects.toMatchObject({
      name: 'StudioError',
      code,
    });
    expect(comparable(await snapshot(db, projectId))).toEqual(comparable(before));
    expect(comparable(await snapshot(db, other.id))).toEqual(comparable(otherBefore));
    expect((await db.listProjects()).find((p) => p.id === projectId)).toEqual(projectBefore);
    db.close();
  }

  it('rejects a put for another project', () =>
    expectRejected(
      (_p, _e, other) => ({ put: [{ meta: meta(other), values: other.values }], remove: [] }),
      'invalid-sample',
    ));

  it('rejects values whose length does not match frames × sensors', () =>
    expectRejected((p) => {
      const s = imuSample(p, 'wave', 4);
      return { put: [{ meta: meta(s), values: s.values.subarray(1) }], remove: [] };
    }, 'invalid-sample'));

  it('rejects an id that is both put and removed', () =>
    expectRejected(
      (_p, [s]) => ({ put: [{ meta: { ...meta(s), label: 'x' } }], remove: [s.id] }),
      'invalid-change',
    ));

  it('rejects a new sample without values, even after valid puts', () =>
    expectRejected((p, [s]) => {
      const fresh = imuSample(p, 'wave');
      return { put: [{ meta: { ...meta(s), label: 'x' } }, { meta: meta(fresh) }], remove: [] };
    }, 'invalid-sample'));

  it('rejects a metadata-only put that changes the shape of the stored values', () =>
    expectRejected(
      (_p, [s]) => ({ put: [{ meta: { ...meta(s), frameCount: 2 } }], remove: [] }),
      'invalid-sample',
    ));

  it('rejects a whole sample passed as metadata', () =>
    expectRejected((p) => {
      const s = imuSample(p, 'wave');
      return { put: [{ meta: s, values: s.values }], remove: [] };
    }, 'invalid-sample'));

  it("rejects removing another project's sample", () =>
    expectRejected(
      (_p, [s], other) => ({ put: [{ meta: { ...meta(s), label: 'x' } }], remove: [other.id] }),
      'invalid-sample',
    ));

  it('rejects overwriting an id that belongs to another project', () =>
    expectRejected((p, _e, other) => {
      const s = imuSample(p, 'wave');
      return { put: [{ meta: { ...meta(s), id: other.id }, values: s.values }], remove: [] };
    }, 'invalid-sample'));

  it('rejects an empty id', () =>
    expectRejected(
      (_p, [s]) => ({ put: [{ meta: { ...meta(s), label: 'x' } }], remove: [''] }),
      'invalid-change',
    ));

  it('rejects a change for a project that does not exist', () =>
    expectRejected((_p, [s]) => ({ put: [], remove: [s.id] }), 'not-found', 'missing-project'));
});
