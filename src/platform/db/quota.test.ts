import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { splitSample, type Sample } from '../../core/dataset/sample';
import type { DatasetChange } from '../../core/dataset/change';
import { STORAGE_FULL_MESSAGE } from './errors';
import { openDB } from 'idb';
import { openStudioDb } from './openStudioDb';
import {
  audioSample,
  comparable,
  imuSample,
  importedContents,
  openTestDb,
  snapshot,
  uniqueDbName,
} from './testFixtures';

type Write = 'put' | 'add';

/**
 * Makes the `n`-th call of IDBObjectStore[write] fail: either the call itself throws `error`, or the
 * request is issued and the transaction is then aborted with `error` as its abort reason — how browsers
 * report a full disk found at commit time. `_abort` is fake-indexeddb's internal abort-with-error.
 */
function failNthWrite(write: Write, n: number, errorName: string, how: 'throw' | 'abort-transaction') {
  const original = IDBObjectStore.prototype[write];
  let calls = 0;
  vi.spyOn(IDBObjectStore.prototype, write).mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) {
    calls++;
    if (calls !== n) return original.apply(this, args);
    if (how === 'throw') throw new DOMException('Simulated failure', errorName);
    const request = original.apply(this, args);
    (this.transaction as unknown as { _abort(name: string): void })._abort(errorName);
    return request;
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

async function setUp() {
  const db = await openTestDb();
  const project = await db.createProject('Keywords');
  const [a, b] = [imuSample(project.id, 'wave'), audioSample(project.id, 'yes')];
  await db.addSamples(project.id, [a, b]);
  const fresh = audioSample(project.id, 'no');
  // Writes in order: meta a, meta b, data b, meta fresh, data fresh, project.
  const change: DatasetChange = {
    put: [
      { meta: { ...splitSample(a).meta, label: 'circle' } },
      { meta: splitSample(b).meta, values: b.values.map((v) => -v) },
      { meta: splitSample(fresh).meta, values: fresh.values },
    ],
    remove: [],
  };
  return {
    db,
    projectId: project.id,
    change,
    before: await snapshot(db, project.id),
    projects: await db.listProjects(),
  };
}

describe('a full disk', () => {
  it.each([
    ['the write itself throws', 'throw'],
    ['the transaction aborts with the quota error', 'abort-transaction'],
  ] as const)("becomes 'storage-full' and leaves nothing of the change when %s", async (_title, how) => {
    const { db, projectId, change, before, projects } = await setUp();
    failNthWrite('put', 4, 'QuotaExceededError', how);
    await expect(db.commit(projectId, change)).rejects.toMatchObject({
      name: 'StudioError',
      code: 'storage-full',
      message: STORAGE_FULL_MESSAGE,
    });
    vi.restoreAllMocks();
    expect(comparable(await snapshot(db, projectId))).toEqual(comparable(before));
    expect(await db.listProjects()).toEqual(projects);

    // The database is still usable once space is freed.
    await db.commit(projectId, change);
    expect(await db.listSamples(projectId)).toHaveLength(3);
    db.close();
  });

  it.each(['throw', 'abort-transaction'] as const)(
    'leaves no partial copy when duplicating fails (%s)',
    async (how) => {
      const { db, projectId, before, projects } = await setUp();
      failNthWrite('add', 4, 'QuotaExceededError', how);
      await expect(db.duplicateProject(projectId, 'Copy')).rejects.toMatchObject({ code: 'storage-full' });
      vi.restoreAllMocks();
      expect(await db.listProjects()).toEqual(projects);
      expect(comparable(await snapshot(db, projectId))).toEqual(comparable(before));
      db.close();
    },
  );
});

describe('creating a project with its contents (project import)', () => {
  // Writes in order: project, meta wave, data wave, meta yes, data yes, impulse.
  it.each([
    ['the write itself throws', 'throw', 3],
    ['the transaction aborts with the quota error', 'abort-transaction', 5],
    ['the last write (the impulse) fails', 'throw', 6],
  ] as const)('leaves no partial project when %s', async (_title, how, n) => {
    const name = uniqueDbName();
    const db = await openStudioDb({ name });
    const existing = await db.createProject('Existing');
    const before = await db.listProjects();
    failNthWrite('add', n, 'QuotaExceededError', how);
    await expect(db.createProjectWithContents('Imported', importedContents())).rejects.toMatchObject({
      name: 'StudioError',
      code: 'storage-full',
      message: STORAGE_FULL_MESSAGE,
    });
    vi.restoreAllMocks();
    expect(await db.listProjects()).toEqual(before);
    const raw = await openDB(name);
    for (const store of ['samples', 'sampleData', 'impulses']) expect(await raw.count(store)).toBe(0);
    raw.close();
    expect(await db.listSamples(existing.id)).toEqual([]);

    // Nothing is left half-written: the same import succeeds once there is space.
    const project = await db.createProjectWithContents('Imported', importedContents());
    expect(await db.listSamples(project.id)).toHaveLength(2);
    expect(await db.listImpulses(project.id)).toHaveLength(1);
    db.close();
  });
});

describe('other storage failures', () => {
  it("become 'storage-error' naming the action and keeping the cause", async () => {
    const { db, projectId, change, before } = await setUp();
    failNthWrite('put', 2, 'UnknownError', 'throw');
    const error = await db.commit(projectId, change).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'StudioError', code: 'storage-error' });
    expect((error as Error).message).toBe('Could not save the change: Simulated failure');
    expect((error as Error).cause).toMatchObject({ name: 'UnknownError' });
    vi.restoreAllMocks();
    expect(comparable(await snapshot(db, projectId))).toEqual(comparable(before));
    db.close();
  });
});

describe('addSamples', () => {
  it('is one commit: a failure on the last sample keeps none of them', async () => {
    const db = await openTestDb();
    const project = await db.createProject('Import');
    const samples: Sample[] = [
      imuSample(project.id, 'a'),
      imuSample(project.id, 'b'),
      imuSample(project.id, 'c'),
    ];
    failNthWrite('put', 6, 'QuotaExceededError', 'throw');
    await expect(db.addSamples(project.id, samples)).rejects.toMatchObject({ code: 'storage-full' });
    vi.restoreAllMocks();
    expect(await db.listSamples(project.id)).toEqual([]);
    db.close();
  });
});
