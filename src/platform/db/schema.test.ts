import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { MIGRATIONS, type Migration } from './migrations';
import { openConnection } from './openConnection';
import { openStudioDb } from './openStudioDb';
import type { StudioSchema } from './schema';
import { audioSample, comparable, imuSample, uniqueDbName } from './testFixtures';
import { splitSample } from '../../core/dataset/sample';
import type { Project } from '../../core/dataset/project';

describe('schema version 4', () => {
  it('is created by the step list with its stores, key paths and index', async () => {
    const name = uniqueDbName();
    const conn = await openConnection(name, MIGRATIONS);
    const { db } = conn;
    expect(db.version).toBe(4);
    expect([...db.objectStoreNames].sort()).toEqual([
      'features',
      'impulses',
      'models',
      'projects',
      'sampleData',
      'samples',
      'settings',
      'trainingRuns',
      'tunerRuns',
    ]);
    const v4 = db.transaction('tunerRuns');
    expect(v4.objectStore('tunerRuns').keyPath).toBe('projectId');
    await v4.done;
    const v3 = db.transaction(['models', 'trainingRuns']);
    expect(v3.objectStore('models').keyPath).toBe('impulseId');
    expect(v3.objectStore('trainingRuns').keyPath).toBe('impulseId');
    expect(v3.objectStore('models').index('byProject').keyPath).toBe('projectId');
    expect(v3.objectStore('trainingRuns').index('byProject').keyPath).toBe('projectId');
    await v3.done;
    const v2 = db.transaction(['impulses', 'features']);
    expect(v2.objectStore('impulses').index('byProject').keyPath).toBe('projectId');
    expect([...v2.objectStore('features').indexNames].sort()).toEqual(['byConfig', 'bySample']);
    expect(v2.objectStore('features').keyPath).toBe('key');
    await v2.done;
    const tx = db.transaction(['projects', 'samples', 'sampleData', 'settings']);
    expect(tx.objectStore('projects').keyPath).toBe('id');
    expect(tx.objectStore('samples').keyPath).toBe('id');
    expect(tx.objectStore('sampleData').keyPath).toBe('id');
    expect(tx.objectStore('settings').keyPath).toBeNull();
    expect([...tx.objectStore('samples').indexNames]).toEqual(['byProject']);
    const byProject = tx.objectStore('samples').index('byProject');
    expect(byProject.keyPath).toBe('projectId');
    expect(byProject.unique).toBe(false);
    await tx.done;
    conn.close();
  });

  it('runs every step from an empty database, then only the appended ones on upgrade', async () => {
    const name = uniqueDbName();
    const first = vi.fn<Migration>((db, tx, old) => MIGRATIONS[0](db, tx, old));
    const second = vi.fn<Migration>((_db, tx) => {
      void tx.objectStore('settings').put('kept', 'k');
    });
    const conn = await openConnection(name, [first, second]);
    expect(first).toHaveBeenCalledOnce();
    expect(first.mock.calls[0][2]).toBe(0);
    expect(second).toHaveBeenCalledOnce();
    expect(second.mock.calls[0][2]).toBe(0);
    expect(conn.db.version).toBe(2);
    conn.close();

    const third = vi.fn<Migration>((_db, tx, old) => {
      expect(old).toBe(2);
      void tx.objectStore('settings').put('seen', 'upgraded');
    });
    const upgraded = await openConnection(name, [first, second, third]);
    expect(first).toHaveBeenCalledOnce();
    expect(second).toHaveBeenCalledOnce();
    expect(third).toHaveBeenCalledOnce();
    expect(upgraded.db.version).toBe(3);
    expect(await upgraded.db.get('settings', 'k')).toBe('kept');
    expect(await upgraded.db.get('settings', 'upgraded')).toBe('seen');
    upgraded.close();
  });

  it("reports 'db-version' when the saved data comes from a newer studio", async () => {
    const name = uniqueDbName();
    const newer = await openConnection(name, [...MIGRATIONS, () => undefined]);
    newer.close();
    await expect(openStudioDb({ name })).rejects.toMatchObject({ code: 'db-version' });
  });
});

describe('upgrading a database written by version 1', () => {
  it('keeps its projects and samples intact and adds the newer stores, empty', async () => {
    const name = uniqueDbName();
    const v1 = await openConnection(name, MIGRATIONS.slice(0, 1));
    expect(v1.db.version).toBe(1);
    const project: Project = { id: 'p-v1', name: 'Old gestures', createdAt: 10, updatedAt: 20 };
    const samples = [imuSample(project.id, 'wave', 30), audioSample(project.id, 'yes', 200)];
    // Exactly the records version 1 wrote: metadata and values in their own stores, a setting by key.
    const tx = v1.db.transaction(['projects', 'samples', 'sampleData', 'settings'], 'readwrite');
    await Promise.all([
      tx.objectStore('projects').add(project),
      ...samples.flatMap((sample) => {
        const { meta, data } = splitSample(sample);
        return [tx.objectStore('samples').add(meta), tx.objectStore('sampleData').add(data)];
      }),
      tx.objectStore('settings').put(project.id, 'lastProjectId'),
      tx.done,
    ]);
    v1.close();

    const db = await openStudioDb({ name });
    expect(await db.listProjects()).toEqual([project]);
    expect(await db.getSetting('lastProjectId')).toBe(project.id);
    expect(await db.listSamples(project.id)).toEqual(samples.map((s) => splitSample(s).meta));
    const stored = await Promise.all(samples.map((s) => db.getSample(s.id)));
    expect(comparable(stored)).toEqual(comparable(samples));
    expect(await db.listImpulses(project.id)).toEqual([]);
    db.close();

    const upgraded = await openDB<StudioSchema>(name);
    expect(upgraded.version).toBe(MIGRATIONS.length);
    for (const store of ['impulses', 'features', 'models', 'trainingRuns'] as const) {
      expect(upgraded.objectStoreNames.contains(store)).toBe(true);
      expect(await upgraded.count(store)).toBe(0);
    }
    upgraded.close();
  });
});

describe('other tabs', () => {
  it("rejects with 'db-blocked' while an older tab keeps the database open, and drops the late connection", async () => {
    const name = uniqueDbName();
    // An old tab without a versionchange handler: it never lets go on its own.
    const oldTab = await openDB<StudioSchema>(name, MIGRATIONS.length, {
      upgrade: (db, old, _new, tx) => MIGRATIONS[0](db, tx, old),
    });
    const newer = [...MIGRATIONS, () => undefined];
    const onClosed = vi.fn();
    await expect(openConnection(name, newer, { onClosed })).rejects.toMatchObject({
      code: 'db-blocked',
      message: expect.stringContaining('Close the other TinyML Studio tabs'),
    });

    oldTab.close();
    // The blocked open now completes; nobody holds that connection, so it must close at once rather than
    // live on until the next upgrade asks it to.
    const blocked = vi.fn();
    const late = await openDB(name, MIGRATIONS.length + 1, { blocked });
    expect(blocked).not.toHaveBeenCalled();
    expect(onClosed).not.toHaveBeenCalled();
    expect(late.version).toBe(MIGRATIONS.length + 1);
    late.close();
  });

  it('closes its connection when a newer version opens elsewhere, and says so on every later call', async () => {
    const name = uniqueDbName();
    const onClosed = vi.fn();
    const db = await openStudioDb({ name, onClosed });
    await db.createProject('Gestures');

    const blocked = vi.fn();
    const newerTab = await openDB(name, MIGRATIONS.length + 1, { blocked });
    expect(blocked).not.toHaveBeenCalled();
    expect(onClosed).toHaveBeenCalledOnce();
    expect(onClosed.mock.calls[0][0]).toMatchObject({ code: 'db-closed' });
    await expect(db.listProjects()).rejects.toMatchObject({
      code: 'db-closed',
      message: expect.stringContaining('Reload this page'),
    });
    newerTab.close();
  });
});
