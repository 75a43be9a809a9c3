import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { exportProjectArchive } from '../core/formats/projectArchive';
import { newId } from '../core/ids';
import type { Sample } from '../core/dataset/sample';
import type { TrainedModel } from '../core/learn/trainedModel';
import { GESTURE_IMPULSE, gestureSamples, trainedClassifier } from '../core/formats/testUtils/trainedModels';
import { bytesOf, importedContents } from '../platform/db/testFixtures';
import { getDb } from './db';
import { exportCurrentProject, importArchivesAsProjects } from './projectArchiveActions';
import { useProjects } from './projectsStore';
import { useToasts } from './toastStore';

const downloads = vi.hoisted(() => [] as Uint8Array[]);
vi.mock('../platform/download', () => ({
  downloadBytes: (_name: string, bytes: Uint8Array) => downloads.push(bytes),
}));

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

describe('trained models through the project archive', () => {
  /** A project with gesture samples and an impulse whose trained, quantised model is stored; it is opened. */
  async function trainedProject() {
    const db = await getDb();
    const sampleIds = [newId(), newId(), newId(), newId()];
    const labelled = gestureSamples(sampleIds);
    const samples: Array<Omit<Sample, 'projectId'>> = labelled.map((s) => ({
      ...s,
      name: `${s.label}.1`,
      category: 'training',
      enabled: true,
      frameCount: s.values.length / s.sensors.length,
      deviceName: 'virtual',
      deviceType: 'VIRTUAL_BOARD',
      createdAt: 1,
      updatedAt: 1,
    }));
    const impulse = { id: newId(), name: 'Gestures', ...GESTURE_IMPULSE, createdAt: 1, updatedAt: 1 };
    const source = await db.createProjectWithContents('Hand-in', { samples, impulses: [impulse] });
    const model = await trainedClassifier(labelled, impulse.id, source.id);
    await db.putModel(model);
    await useProjects.getState().refresh();
    await useProjects.getState().switchTo(source.id);
    return { source, model };
  }

  /** Exports the open project through the Export action and returns the downloaded archive. */
  async function exportOpenProject(): Promise<Uint8Array> {
    downloads.length = 0;
    await exportCurrentProject();
    expect(downloads).toHaveLength(1);
    return downloads[0];
  }

  const picked = (bytes: Uint8Array, name = 'hand-in.tinyml.zip') =>
    new File([bytes as Uint8Array<ArrayBuffer>], name);

  it('exports the model with the project and restores it on the new impulse, pointing at the new samples', async () => {
    const { source, model } = await trainedProject();
    await importArchivesAsProjects([picked(await exportOpenProject())]);
    const db = await getDb();
    const imported = useProjects.getState().currentId!;
    expect(imported).not.toBe(source.id);
    const [impulse] = await db.listImpulses(imported);
    const restored = (await db.getModel(impulse.id)) as TrainedModel;
    const names = new Map((await db.listSamples(imported)).map((m) => [m.id, m.name]));
    const sourceNames = new Map((await db.listSamples(source.id)).map((m) => [m.id, m.name]));
    expect(restored.explorer.sampleIds.map((id) => names.get(id))).toEqual(
      model.explorer.sampleIds.map((id) => sourceNames.get(id)),
    );
    const strip = (m: TrainedModel) => ({
      ...m,
      impulseId: '',
      projectId: '',
      explorer: { ...m.explorer, sampleIds: [] },
    });
    expect(strip(restored)).toStrictEqual(strip(model));
    expect(restored).toMatchObject({ impulseId: impulse.id, projectId: imported });
    expect(errors()).toEqual([]);
    expect(useToasts.getState().toasts.at(-1)?.message).toBe(
      'Imported project “Hand-in” with 4 samples and 1 impulse (1 with a trained model).',
    );
  }, 60_000);

  it('writes the project, its samples and its model in one transaction: a failure on the model leaves nothing', async () => {
    await trainedProject();
    const archive = await exportOpenProject();
    const before = (await (await getDb()).listProjects()).length;
    const add = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      if (this.name === 'models') throw new DOMException('Simulated failure', 'QuotaExceededError');
      return add.apply(this, args);
    });
    await importArchivesAsProjects([picked(archive)]);
    vi.restoreAllMocks();
    expect(await (await getDb()).listProjects()).toHaveLength(before);
    expect(errors()).toEqual([expect.stringMatching(/storage for this site is full/)]);
  }, 60_000);

  it('imports the project without a damaged model and says which one and why', async () => {
    await trainedProject();
    const entries = unzipSync(await exportOpenProject());
    entries['models/0/model.json'] = strToU8('{"format": "tinyml-studio-model", "version": 1}');
    await importArchivesAsProjects([picked(zipSync(entries), 'damaged.zip')]);
    const db = await getDb();
    const imported = useProjects.getState().currentId!;
    const [impulse] = await db.listImpulses(imported);
    expect(await db.listSamples(imported)).toHaveLength(4);
    expect(await db.getModel(impulse.id)).toBeUndefined();
    expect(errors()).toEqual([
      expect.stringMatching(
        /^damaged\.zip: the project was imported without the trained model of impulse “Gestures”: models\/0\/model\.json: /,
      ),
    ]);
  }, 60_000);
});
