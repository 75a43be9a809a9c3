import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_FILTER } from '../core/dataset/filter';
import { imuSample } from '../platform/db/testFixtures';
import { crop, editSampleMeta, importIntoProject, relabel } from './datasetActions';
import { useDataset } from './datasetStore';
import { getDb } from './db';
import { useProjects } from './projectsStore';
import { useToasts } from './toastStore';

/** A new project with one sample per label, loaded into the dataset store. */
async function openProject(labels: string[]) {
  const db = await getDb();
  const project = await db.createProject('Gestures');
  const samples = labels.map((label) => imuSample(project.id, label));
  await db.addSamples(project.id, samples);
  await useDataset.getState().load(project.id);
  const stored = async (id: string) => (await db.listSamples(project.id)).find((m) => m.id === id);
  return { db, project, ids: samples.map((s) => s.id), stored };
}

const toasts = (kind: 'error' | 'success' | 'info') =>
  useToasts
    .getState()
    .toasts.filter((t) => t.kind === kind)
    .map((t) => t.message);

/** A file whose contents the browser cannot read, as when it was deleted after being picked. */
class VanishedFile extends File {
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new DOMException('The file could not be read.', 'NotReadableError'));
  }
}

beforeEach(() => {
  useToasts.setState({ toasts: [] });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('editing a sample’s name and label', () => {
  it('saves both as one change, undone and redone in one step', async () => {
    const { ids, stored } = await openProject(['wave', 'idle']);
    expect(await editSampleMeta(ids[0], { name: ' first wave ', label: 'circle' })).toBe(true);
    expect(await stored(ids[0])).toMatchObject({ name: 'first wave', label: 'circle' });
    expect(useDataset.getState().samples[0]).toMatchObject({ name: 'first wave', label: 'circle' });
    expect(useDataset.getState().undoStack).toHaveLength(1);

    await useDataset.getState().undo();
    const original = useDataset.getState().samples[0];
    expect(original.label).toBe('wave');
    expect(await stored(ids[0])).toEqual(original);
    expect(original.name).not.toBe('first wave');

    await useDataset.getState().redo();
    expect(await stored(ids[0])).toMatchObject({ name: 'first wave', label: 'circle' });
    expect(useDataset.getState().undoStack).toHaveLength(1);
  });

  it('changes only what differs, and nothing at all when nothing does', async () => {
    const { ids, stored } = await openProject(['wave']);
    const before = await stored(ids[0]);
    expect(await editSampleMeta(ids[0], { name: before!.name, label: 'wave' })).toBe(true);
    expect(useDataset.getState().undoStack).toHaveLength(0);
    await editSampleMeta(ids[0], { name: before!.name, label: 'circle' });
    expect(await stored(ids[0])).toMatchObject({ name: before!.name, label: 'circle' });
  });

  it('refuses an empty label or name and changes nothing', async () => {
    const { ids, stored } = await openProject(['wave']);
    const before = await stored(ids[0]);
    expect(await editSampleMeta(ids[0], { name: 'renamed', label: '  ' })).toBe(false);
    expect(await editSampleMeta(ids[0], { name: '', label: 'circle' })).toBe(false);
    expect(await stored(ids[0])).toEqual(before);
    expect(useDataset.getState().undoStack).toHaveLength(0);
    expect(toasts('error')).toEqual(['A label cannot be empty.', 'A sample name cannot be empty.']);
  });
});

describe('a sample that is gone', () => {
  it('is reported as such when an edit needs its data', async () => {
    await openProject(['wave']);
    expect(await crop('no-such-sample', 0, 10)).toBe(false);
    expect(toasts('error')).toEqual(['That sample no longer exists: it was deleted, or an undo removed it.']);
  });
});

describe('filters and the selection', () => {
  it('a project switch clears the filter', async () => {
    await openProject(['wave']);
    useDataset.getState().setFilter({ label: 'wave', category: 'testing', enabled: false, text: 'x' });
    const other = await openProject(['idle']);
    expect(useDataset.getState().projectId).toBe(other.project.id);
    expect(useDataset.getState().filter).toEqual(NO_FILTER);
  });

  it('a filter drops the checked samples it hides, and clearing it does not bring them back', async () => {
    const { ids } = await openProject(['wave', 'wave', 'idle']);
    useDataset.getState().setChecked(ids);
    useDataset.getState().setFilter({ label: 'wave' });
    expect([...useDataset.getState().checked].sort()).toEqual([ids[0], ids[1]].sort());
    useDataset.getState().setFilter({ label: null });
    expect([...useDataset.getState().checked].sort()).toEqual([ids[0], ids[1]].sort());
  });

  it('an edit that moves checked samples out of the filter unchecks them', async () => {
    const { ids } = await openProject(['wave', 'wave']);
    useDataset.getState().setFilter({ label: 'wave' });
    useDataset.getState().setChecked(ids);
    await relabel([ids[0]], 'circle');
    expect([...useDataset.getState().checked]).toEqual([ids[1]]);
  });
});

describe('the storage figure', () => {
  it('is refreshed after every dataset change that succeeds: edit, undo, redo and import', async () => {
    let usage = 0;
    const estimate = vi.fn(async () => ({ usage: ++usage * 1000, quota: 1e9 }));
    vi.stubGlobal('navigator', { storage: { estimate } });
    const { ids } = await openProject(['wave']);
    const expectUsage = (n: number) =>
      vi.waitFor(() => expect(useProjects.getState().storage).toEqual({ usage: n * 1000, quota: 1e9 }));

    await relabel(ids, 'circle');
    await expectUsage(1);
    await useDataset.getState().undo();
    await expectUsage(2);
    await useDataset.getState().redo();
    await expectUsage(3);
    await importIntoProject([new File(['timestamp,accX\n0,1\n10,2\n'], 'wave.1.csv')], {
      label: '',
      category: 'auto',
    });
    await expectUsage(4);
    // A change that fails, or one with nothing in it, leaves the figure alone.
    const [meta] = useDataset.getState().samples;
    const failed = await useDataset
      .getState()
      .apply('Broken', { put: [{ meta: { ...meta, frameCount: meta.frameCount + 1 } }], remove: [] });
    expect(failed).toBe(false);
    await relabel(['no-such-sample'], 'x');
    expect(useDataset.getState().undoStack).toHaveLength(2);
    expect(estimate).toHaveBeenCalledTimes(4);
  });
});

describe('import', () => {
  it('imports the good files and gives each unreadable item its own message', async () => {
    const { project } = await openProject([]);
    const outcome = await importIntoProject(
      [
        new VanishedFile(['x'], 'gone.wav'),
        new File(['timestamp,accX\n0,1\n10,2\n'], 'wave.1.csv'),
        { folder: 'recordings' },
        new File([], 'empty.wav'),
      ],
      { label: '', category: 'training' },
    );
    expect(outcome?.imported).toBe(1);
    expect(outcome?.results.map((r) => [r.fileName, r.ok ? 'ok' : r.error.code])).toEqual([
      ['gone.wav', 'unreadable'],
      ['wave.1.csv', 'ok'],
      ['recordings', 'folder'],
      ['empty.wav', 'empty-file'],
    ]);
    const [sample] = await (await getDb()).listSamples(project.id);
    expect(sample).toMatchObject({ name: 'wave.1', label: 'wave', category: 'training', frameCount: 2 });
  });

  it('never rejects: a failure of the whole import becomes a message', async () => {
    await openProject([]);
    const broken: Iterable<File> = {
      [Symbol.iterator]: () => {
        throw new Error('the drop was cancelled');
      },
    };
    expect(await importIntoProject(broken, { label: '', category: 'auto' })).toBeNull();
    expect(toasts('error')).toEqual(['The import stopped: the drop was cancelled']);
  });
});

describe('another tab changed the dataset', () => {
  it('refuses an edit based on the stale view, says why, and shows the current data', async () => {
    const { db, project, ids, stored } = await openProject(['wave', 'idle']);
    // The other tab relabels the first sample and deletes the second; this store has not heard of it.
    const [first] = await db.listSamples(project.id);
    await db.commit(project.id, {
      put: [{ meta: { ...first, label: 'circle', updatedAt: 1e12 } }],
      remove: [ids[1]],
    });

    expect(await editSampleMeta(ids[0], { name: 'renamed' })).toBe(false);
    expect(toasts('error')[0]).toMatch(
      /^Sample “wave\.\d+” was changed in another tab since this page read it/,
    );
    expect(await stored(ids[0])).toMatchObject({ label: 'circle', name: first.name });
    await vi.waitFor(() => expect(useDataset.getState().samples.map((s) => s.label)).toEqual(['circle']));

    await relabel([ids[0]], 'punch');
    expect(await stored(ids[0])).toMatchObject({ label: 'punch' });
  });

  it('loads the rest of the project when one record is corrupt, and names the one skipped', async () => {
    const { project, ids } = await openProject(['wave']);
    const raw = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('tinyml-studio');
      open.onsuccess = () => resolve(open.result);
    });
    await new Promise((resolve) => {
      const tx = raw.transaction('samples', 'readwrite');
      tx.objectStore('samples').put({ id: 'foreign', projectId: project.id, name: 'x', sensors: 'none' });
      tx.oncomplete = resolve;
    });
    raw.close();
    await useDataset.getState().load(project.id);
    expect(useDataset.getState().samples.map((s) => s.id)).toEqual(ids);
    expect(toasts('error')).toEqual([
      expect.stringMatching(/^1 sample could not be read and was skipped: foreign \(label: .*\)\.$/),
    ]);
  });
});
