import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  audioSample,
  bytesOf,
  comparable,
  imuSample,
  importedContents,
  openTestDb,
  snapshot,
} from './testFixtures';

describe('projects', () => {
  it('creates, lists most recently updated first, renames and touches', async () => {
    const db = await openTestDb();
    const a = await db.createProject('  Gestures ');
    const b = await db.createProject('Keywords');
    expect(a.name).toBe('Gestures');
    expect(a.createdAt).toBe(a.updatedAt);
    expect((await db.listProjects()).map((p) => p.name)).toEqual(['Keywords', 'Gestures']);

    const renamed = await db.renameProject(a.id, 'Wand gestures');
    expect(renamed).toMatchObject({ id: a.id, name: 'Wand gestures', createdAt: a.createdAt });
    expect(renamed.updatedAt).toBeGreaterThan(b.updatedAt);
    expect((await db.listProjects()).map((p) => p.id)).toEqual([a.id, b.id]);

    await db.touchProject(b.id);
    expect((await db.listProjects()).map((p) => p.id)).toEqual([b.id, a.id]);
    db.close();
  });

  it('keeps the target board, also in a duplicate and in a project created with contents', async () => {
    const db = await openTestDb();
    const a = await db.createProject('Gestures');
    expect(a.targetBoard).toBeUndefined();
    expect(await db.setTargetBoard(a.id, 'pico')).toMatchObject({ id: a.id, targetBoard: 'pico' });
    expect((await db.listProjects())[0].targetBoard).toBe('pico');
    expect((await db.duplicateProject(a.id, 'Copy')).targetBoard).toBe('pico');
    const imported = await db.createProjectWithContents('Imported', {
      samples: [],
      impulses: [],
      targetBoard: 'esp32s3',
    });
    expect(imported.targetBoard).toBe('esp32s3');
    await expect(db.setTargetBoard('nope', 'pico')).rejects.toMatchObject({ code: 'not-found' });
    db.close();
  });

  it('rejects blank names and unknown ids', async () => {
    const db = await openTestDb();
    await expect(db.createProject('   ')).rejects.toMatchObject({ code: 'invalid-name' });
    await expect(db.renameProject('nope', 'x')).rejects.toMatchObject({ code: 'not-found' });
    await expect(db.touchProject('nope')).rejects.toMatchObject({ code: 'not-found' });
    await expect(db.duplicateProject('nope', 'x')).rejects.toMatchObject({ code: 'not-found' });
    await expect(db.deleteProject('nope')).rejects.toMatchObject({ code: 'not-found' });
    expect(await db.listProjects()).toEqual([]);
    db.close();
  });

  it('duplicates every sample bit-exactly under new ids and leaves the original as it was', async () => {
    const db = await openTestDb();
    const original = await db.createProject('Gestures');
    await db.addSamples(original.id, [
      imuSample(original.id, 'wave', 50),
      audioSample(original.id, 'yes', 400),
    ]);
    const before = await snapshot(db, original.id);

    const copy = await db.duplicateProject(original.id, 'Gestures (copy)');
    expect(copy.id).not.toBe(original.id);
    expect(copy.name).toBe('Gestures (copy)');
    expect((await db.listProjects()).map((p) => p.id)).toEqual([copy.id, original.id]);

    const copied = await snapshot(db, copy.id);
    expect(copied).toHaveLength(2);
    copied.forEach((sample, i) => {
      const source = before[i];
      expect(sample.id).not.toBe(source.id);
      expect(before.map((s) => s.id)).not.toContain(sample.id);
      expect(sample.projectId).toBe(copy.id);
      expect(sample.values.constructor).toBe(source.values.constructor);
      expect(bytesOf(sample.values)).toEqual(bytesOf(source.values));
      const { id: _i, projectId: _p, values: _v, ...rest } = sample;
      const { id: _si, projectId: _sp, values: _sv, ...sourceRest } = source;
      expect(rest).toEqual(sourceRest);
    });
    expect(comparable(await snapshot(db, original.id))).toEqual(comparable(before));
    db.close();
  });

  it('deletes a project with its samples and their values, and nothing of other projects', async () => {
    const db = await openTestDb();
    const doomed = await db.createProject('Doomed');
    const kept = await db.createProject('Kept');
    const doomedSamples = [imuSample(doomed.id, 'a'), audioSample(doomed.id, 'b')];
    await db.addSamples(doomed.id, doomedSamples);
    await db.addSamples(kept.id, [imuSample(kept.id, 'c'), audioSample(kept.id, 'd')]);
    const keptBefore = await snapshot(db, kept.id);

    await db.deleteProject(doomed.id);
    expect((await db.listProjects()).map((p) => p.id)).toEqual([kept.id]);
    expect(await db.listSamples(doomed.id)).toEqual([]);
    for (const s of doomedSamples) {
      await expect(db.getValues(s.id)).rejects.toMatchObject({ code: 'not-found' });
      await expect(db.getSample(s.id)).rejects.toMatchObject({ code: 'not-found' });
    }
    expect(comparable(await snapshot(db, kept.id))).toEqual(comparable(keptBefore));
    db.close();
  });
});

describe('a project created with its contents', () => {
  it('stores the project, every sample bit-exactly and the impulses, all under the new project', async () => {
    const db = await openTestDb();
    const contents = importedContents();
    const project = await db.createProjectWithContents('  Imported ', contents);
    expect(project.name).toBe('Imported');
    expect(await db.listProjects()).toEqual([project]);
    const stored = await snapshot(db, project.id);
    expect(comparable(stored)).toEqual(
      comparable(contents.samples.map((s) => ({ ...s, projectId: project.id }))),
    );
    expect(await db.listImpulses(project.id)).toEqual([{ ...contents.impulses[0], projectId: project.id }]);
    db.close();
  });

  it('rejects a sample whose values do not fit its shape, and writes nothing', async () => {
    const db = await openTestDb();
    const broken = { ...imuSample('', 'wave', 4), frameCount: 5 };
    await expect(
      db.createProjectWithContents('Imported', importedContents([imuSample('', 'idle'), broken])),
    ).rejects.toMatchObject({ name: 'StudioError', code: 'invalid-sample' });
    expect(await db.listProjects()).toEqual([]);
    db.close();
  });

  it('rejects an impulse without a name, and writes nothing', async () => {
    const db = await openTestDb();
    const contents = importedContents();
    contents.impulses[0].name = ' ';
    await expect(db.createProjectWithContents('Imported', contents)).rejects.toMatchObject({
      code: 'invalid-name',
    });
    expect(await db.listProjects()).toEqual([]);
    db.close();
  });
});

describe('settings', () => {
  it('stores any structured-cloneable value by key', async () => {
    const db = await openTestDb();
    expect(await db.getSetting<string>('lastProjectId')).toBeUndefined();
    await db.setSetting('lastProjectId', 'abc');
    await db.setSetting('chart', { decimate: true, series: [1, 2] });
    expect(await db.getSetting<string>('lastProjectId')).toBe('abc');
    expect(await db.getSetting('chart')).toEqual({ decimate: true, series: [1, 2] });
    await db.setSetting('lastProjectId', null);
    expect(await db.getSetting('lastProjectId')).toBeNull();
    db.close();
  });
});
