import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { splitSample } from '../../core/dataset/sample';
import type { Impulse } from '../../core/impulse/impulse';
import { newId } from '../../core/ids';
import { MIGRATIONS } from './migrations';
import { openStudioDb, type StoredChange } from './openStudioDb';
import { skippedReport } from './storedRecords';
import { comparable, imuSample, snapshot, tickingClock, uniqueDbName } from './testFixtures';

function impulse(projectId: string): Impulse {
  return {
    id: newId(),
    projectId,
    name: 'Gestures',
    input: { windowSizeMs: 1000, windowStrideMs: 500, frequencyHz: 62.5, zeroPad: true, axes: ['accX'] },
    dsp: { block: 'raw', params: {} },
    createdAt: 1,
    updatedAt: 1,
  };
}

async function projectWithSamples(name = uniqueDbName()) {
  const changes: StoredChange[] = [];
  const db = await openStudioDb({ name, now: tickingClock(), onChanged: (c) => changes.push(c) });
  const project = await db.createProject('Gestures');
  const samples = [imuSample(project.id, 'wave'), imuSample(project.id, 'idle')];
  await db.addSamples(project.id, samples);
  return { name, db, project, samples, changes };
}

/** Writes records as another program (or an older studio) might have, past every check of the studio. */
async function writeRaw(name: string, store: string, records: unknown[]) {
  const raw = await openDB(name);
  for (const record of records) await raw.put(store, record);
  raw.close();
}

describe('corrupt or foreign records', () => {
  it('skips a sample that fails validation and reports it; the rest of the project loads', async () => {
    const { name, db, project, samples } = await projectWithSamples();
    const bad = { ...splitSample(imuSample(project.id, 'x')).meta, label: 42 };
    await writeRaw(name, 'samples', [bad, { id: 'foreign-1', projectId: project.id }]);

    const loaded = await db.loadSamples(project.id);
    expect(loaded.records.map((s) => s.id)).toEqual(samples.map((s) => s.id));
    expect(loaded.skipped).toEqual([
      { id: expect.any(String), why: 'label: expected text, found a number' },
      { id: 'foreign-1', why: expect.stringMatching(/^name: /) },
    ]);
    expect(await db.listSamples(project.id)).toEqual(loaded.records);
    expect(skippedReport('sample', loaded.skipped.slice(0, 1))).toBe(
      `1 sample could not be read and was skipped: ${bad.id} (${loaded.skipped[0].why}).`,
    );
    expect(skippedReport('sample', loaded.skipped)).toMatch(
      /^2 samples could not be read and were skipped: /,
    );
    expect(skippedReport('sample', [])).toBeNull();
    db.close();
  });

  it('refuses values that do not fit their sample, naming it', async () => {
    const { name, db, samples } = await projectWithSamples();
    await writeRaw(name, 'sampleData', [{ id: samples[0].id, values: new Float32Array(5) }]);
    await writeRaw(name, 'sampleData', [{ id: samples[1].id, values: [1, 2, 3] }]);
    await expect(db.getSample(samples[0].id)).rejects.toMatchObject({
      code: 'corrupt-record',
      message: expect.stringContaining(`sample ${samples[0].id} could not be read (it holds 5 values where`),
    });
    await expect(db.getValues(samples[1].id)).rejects.toMatchObject({
      code: 'corrupt-record',
      message: expect.stringContaining('not a Float32Array or Int16Array'),
    });
    db.close();
  });

  it('skips bad impulses and projects, and rejects a bad model with a reason', async () => {
    const { name, db, project } = await projectWithSamples();
    const good = impulse(project.id);
    await db.putImpulse(good);
    await writeRaw(name, 'impulses', [{ ...impulse(project.id), input: null }]);
    await writeRaw(name, 'projects', [{ id: 'old-format', title: 'Not a project' }]);
    await writeRaw(name, 'models', [{ impulseId: good.id, projectId: project.id, labels: 'wave' }]);

    const impulses = await db.loadImpulses(project.id);
    expect(impulses.records).toEqual([good]);
    expect(impulses.skipped).toEqual([{ id: expect.any(String), why: expect.stringMatching(/^input: /) }]);
    const projects = await db.loadProjects();
    expect(projects.records.map((p) => p.id)).toEqual([project.id]);
    expect(projects.skipped).toEqual([{ id: 'old-format', why: expect.stringMatching(/^name: /) }]);
    await expect(db.getModel(good.id)).rejects.toMatchObject({ code: 'corrupt-record' });
    db.close();
  });
});

describe('an edit based on a stale view (another tab changed the sample)', () => {
  it('is refused and writes nothing when the sample changed since it was read', async () => {
    const { db, project, samples } = await projectWithSamples();
    const [a] = await db.listSamples(project.id);
    // The other tab relabels the sample; this tab still shows the old version.
    await db.commit(project.id, { put: [{ meta: { ...a, label: 'circle', updatedAt: 99 } }], remove: [] });
    const before = await snapshot(db, project.id);
    const stale = new Map([[a.id, a.updatedAt]]);
    await expect(
      db.commit(
        project.id,
        { put: [{ meta: { ...a, name: 'renamed', updatedAt: 100 } }], remove: [] },
        stale,
      ),
    ).rejects.toMatchObject({
      code: 'stale-view',
      message: expect.stringContaining('changed in another tab'),
    });
    expect(comparable(await snapshot(db, project.id))).toEqual(comparable(before));
    expect(samples).toHaveLength(2);
    db.close();
  });

  it('does not bring back a sample deleted in another tab', async () => {
    const { db, project, samples } = await projectWithSamples();
    const [a] = await db.listSamples(project.id);
    await db.commit(project.id, { put: [], remove: [a.id] });
    const crop = { meta: { ...a, frameCount: 2, updatedAt: 100 }, values: samples[0].values.slice(0, 6) };
    await expect(
      db.commit(project.id, { put: [crop], remove: [] }, new Map([[a.id, a.updatedAt]])),
    ).rejects.toMatchObject({
      code: 'stale-view',
      message: expect.stringContaining('deleted in another tab'),
    });
    expect((await db.listSamples(project.id)).map((s) => s.id)).not.toContain(a.id);
    db.close();
  });

  it('goes through when the view matches, and for new samples', async () => {
    const { db, project } = await projectWithSamples();
    const [a] = await db.listSamples(project.id);
    const fresh = imuSample(project.id, 'new');
    const { values, ...meta } = fresh;
    const view = new Map([
      [a.id, a.updatedAt],
      [fresh.id, null],
    ]);
    await db.commit(
      project.id,
      { put: [{ meta: { ...a, label: 'ok' } }, { meta, values }], remove: [] },
      view,
    );
    expect((await db.listSamples(project.id)).map((s) => s.label)).toEqual(['ok', 'idle', 'new']);
    db.close();
  });
});

describe('an impulse edit based on a stale version', () => {
  it('is refused when another tab changed or deleted the impulse, and goes through on the current one', async () => {
    const { db, project } = await projectWithSamples();
    const imp = impulse(project.id);
    await db.putImpulse(imp);
    const there = { ...imp, name: 'Edited there', updatedAt: 5 };
    await db.putImpulse(there, imp.updatedAt);
    await expect(
      db.putImpulse({ ...imp, name: 'Edited here', updatedAt: 6 }, imp.updatedAt),
    ).rejects.toMatchObject({
      code: 'stale-view',
      message: expect.stringContaining('was changed in another tab'),
    });
    expect((await db.listImpulses(project.id))[0].name).toBe('Edited there');
    await db.putImpulse({ ...there, name: 'Edited here', updatedAt: 6 }, there.updatedAt);
    expect((await db.listImpulses(project.id))[0].name).toBe('Edited here');

    await db.deleteImpulse(imp.id);
    await expect(db.putImpulse({ ...imp, updatedAt: 7 }, 6)).rejects.toMatchObject({
      message: expect.stringContaining('was deleted in another tab'),
    });
    expect(await db.listImpulses(project.id)).toEqual([]);
    db.close();
  });
});

describe('telling other tabs', () => {
  it('reports each committed write with its project and part, and nothing for a failed one', async () => {
    const { db, project, changes } = await projectWithSamples();
    expect(changes).toEqual([
      { projectId: null, what: 'projects' },
      { projectId: project.id, what: 'dataset' },
    ]);
    const imp = impulse(project.id);
    await db.putImpulse(imp);
    await db.deleteImpulse(imp.id);
    await db.deleteImpulse(imp.id);
    await expect(db.renameProject(project.id, ' ')).rejects.toMatchObject({ code: 'invalid-name' });
    expect(changes.slice(2)).toEqual([
      { projectId: project.id, what: 'impulses' },
      { projectId: project.id, what: 'impulses' },
    ]);
    db.close();
  });
});

describe('a schema upgrade while an old tab is open', () => {
  it('closes the old connection, which says so and writes nothing more', async () => {
    const { name, db, project } = await projectWithSamples();
    const onClosed = vi.fn();
    const old = await openStudioDb({ name, onClosed });
    const newer = await openDB(name, MIGRATIONS.length + 1);
    expect(onClosed).toHaveBeenCalledWith(
      expect.objectContaining({
        code: 'db-closed',
        message: expect.stringContaining('updated in another tab'),
      }),
    );
    await expect(old.createProject('Late')).rejects.toMatchObject({ code: 'db-closed' });
    // This page's own connection was closed too: nothing of it can write over the newer version's data.
    await expect(db.renameProject(project.id, 'Late')).rejects.toMatchObject({ code: 'db-closed' });
    newer.close();
  });

  it('waits (saying so) while an older tab that ignores versionchange holds it, then opens', async () => {
    const name = uniqueDbName();
    // An old tab without a versionchange handler: it only lets go when it is closed.
    const oldTab = await openDB(name, MIGRATIONS.length - 1, {
      upgrade: (raw, oldVersion, _new, tx) => {
        for (let v = oldVersion; v < MIGRATIONS.length - 1; v++) MIGRATIONS[v](raw as never, tx as never, v);
      },
    });
    const onBlocked = vi.fn();
    let opened = false;
    const opening = openStudioDb({ name, onBlocked }).then((db) => {
      opened = true;
      return db;
    });
    await vi.waitFor(() => expect(onBlocked).toHaveBeenCalledTimes(1));
    expect(opened).toBe(false);
    oldTab.close();
    const db = await opening;
    expect(await db.listProjects()).toEqual([]);
    db.close();
  });
});
