import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportProjectArchive } from '../core/formats/projectArchive';
import { bytesOf, importedContents } from '../platform/db/testFixtures';
import { getDb } from './db';
import { importArchivesAsProjects } from './projectArchiveActions';
import { useProjects } from './projectsStore';
import { useToasts } from './toastStore';

/** An exported project with two samples and one impulse, as a picked .zip file. */
async function exportedProjectFile(name: string) {
  const db = await getDb();
  const source = await db.createProjectWithContents(name, importedContents());
  const samples = await Promise.all((await db.listSamples(source.id)).map((m) => db.getSample(m.id)));
  const impulses = await db.listImpulses(source.id);
  const bytes = exportProjectArchive(source, samples, impulses);
  await db.deleteProject(source.id);
  return { file: new File([bytes as Uint8Array<ArrayBuffer>], `${name}.tinyml.zip`), samples, bytes };
}

/** A file whose contents the browser cannot read, as when it was deleted after being picked. */
class VanishedFile extends File {
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new DOMException('The file could not be read.', 'NotReadableError'));
  }
}

const errors = () =>
  useToasts
    .getState()
    .toasts.filter((t) => t.kind === 'error')
    .map((t) => t.message);

beforeEach(async () => {
  useToasts.setState({ toasts: [] });
  const db = await getDb();
  for (const p of await db.listProjects()) await db.deleteProject(p.id);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('importing project archives', () => {
  it('creates an equal project with its samples and impulses, and opens it', async () => {
    const { file, samples } = await exportedProjectFile('Gestures');
    await importArchivesAsProjects([file]);
    const db = await getDb();
    const [project] = await db.listProjects();
    expect(project.name).toBe('Gestures');
    expect(useProjects.getState().currentId).toBe(project.id);
    const metas = await db.listSamples(project.id);
    expect(metas.map((m) => [m.name, m.label, m.category, m.frameCount])).toEqual(
      samples.map((s) => [s.name, s.label, s.category, s.frameCount]),
    );
    for (const [i, meta] of metas.entries()) {
      expect(bytesOf(await db.getValues(meta.id))).toEqual(bytesOf(samples[i].values));
    }
    expect(await db.listImpulses(project.id)).toMatchObject([{ name: 'Gestures', projectId: project.id }]);
    expect(errors()).toEqual([]);
  });

  it('leaves no project behind when the database fails part-way', async () => {
    const { file } = await exportedProjectFile('Gestures');
    const add = IDBObjectStore.prototype.add;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      if (++calls === 4) throw new DOMException('Simulated failure', 'QuotaExceededError');
      return add.apply(this, args);
    });
    await importArchivesAsProjects([file]);
    vi.restoreAllMocks();
    expect(await (await getDb()).listProjects()).toEqual([]);
    expect(errors()).toEqual([expect.stringMatching(/storage for this site is full/)]);
  });

  it('gives each unreadable or damaged file its own message and still imports the good one', async () => {
    const { file, bytes } = await exportedProjectFile('Good');
    const damaged = new File([bytes.slice(0, bytes.length / 2) as Uint8Array<ArrayBuffer>], 'half.zip');
    await importArchivesAsProjects([new VanishedFile(['x'], 'gone.zip'), damaged, file]);
    expect((await (await getDb()).listProjects()).map((p) => p.name)).toEqual(['Good']);
    expect(errors()).toHaveLength(2);
    expect(errors()[0]).toMatch(/^gone\.zip: the browser could not read the file/);
    expect(errors()[1]).toMatch(/^half\.zip: /);
  });
});
