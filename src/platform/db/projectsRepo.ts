import type { StudioStoreName } from './schema';
import { StudioError } from '../../core/errors';
import type { Project } from '../../core/dataset/project';
import { splitSample, type Sample } from '../../core/dataset/sample';
import type { Impulse } from '../../core/impulse/impulse';
import type { TrainedModel } from '../../core/learn/trainedModel';
import { newId } from '../../core/ids';
import type { DbConnection } from './connection';
import { notFoundError } from './errors';
import { allRequests } from './requests';
import { validateChange } from './validateChange';
import { compactValues } from './commitChange';
import { sortOut, type Loaded } from './storedRecords';

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new StudioError('invalid-name', 'A project needs a name.');
  return trimmed;
}

/** Every project, most recently updated first, and the records that fail validation, which are left out. */
export function loadProjects(conn: DbConnection): Promise<Loaded<Project>> {
  return conn.run(['projects'], 'readonly', 'list the projects', async (tx) => {
    const store = tx.objectStore('projects');
    const [values, keys] = await Promise.all([store.getAll(), store.getAllKeys()]);
    const loaded = sortOut('project', values, keys);
    loaded.records.sort((a, b) => b.updatedAt - a.updatedAt);
    return loaded;
  });
}

/** The valid projects of `loadProjects`. */
export async function listProjects(conn: DbConnection): Promise<Project[]> {
  return (await loadProjects(conn)).records;
}

export async function createProject(conn: DbConnection, name: string, now: number): Promise<Project> {
  const project: Project = { id: newId(), name: checkName(name), createdAt: now, updatedAt: now };
  return conn.run(['projects'], 'readwrite', 'create the project', async (tx) => {
    await tx.objectStore('projects').add(project);
    return project;
  });
}

/** Reads a project, applies `edit` and writes it back, in one transaction. */
function updateProject(
  conn: DbConnection,
  id: string,
  action: string,
  edit: (project: Project) => Project,
): Promise<Project> {
  return conn.run(['projects'], 'readwrite', action, async (tx) => {
    const store = tx.objectStore('projects');
    const project = await store.get(id);
    if (!project) throw notFoundError('project', id);
    const updated = edit(project);
    await store.put(updated);
    return updated;
  });
}

export async function renameProject(
  conn: DbConnection,
  id: string,
  name: string,
  now: number,
): Promise<Project> {
  const newName = checkName(name);
  return updateProject(conn, id, 'rename the project', (p) => ({ ...p, name: newName, updatedAt: now }));
}

/** Sets the board the project is built for (Profiling's target board). */
export function setTargetBoard(conn: DbConnection, id: string, board: string, now: number): Promise<Project> {
  return updateProject(conn, id, 'set the target board', (p) => ({
    ...p,
    targetBoard: board,
    updatedAt: now,
  }));
}

export function touchProject(conn: DbConnection, id: string, now: number): Promise<Project> {
  return updateProject(conn, id, 'update the project', (p) => ({ ...p, updatedAt: now }));
}

/** Copies the project with every sample (metadata and values) and impulse under new ids, in one transaction. */
export async function duplicateProject(
  conn: DbConnection,
  id: string,
  name: string,
  now: number,
): Promise<Project> {
  let copy: Project = { id: newId(), name: checkName(name), createdAt: now, updatedAt: now };
  return conn.run(
    ['projects', 'samples', 'sampleData', 'impulses'],
    'readwrite',
    'duplicate the project',
    async (tx) => {
      const projects = tx.objectStore('projects');
      const metas = tx.objectStore('samples');
      const data = tx.objectStore('sampleData');
      const impulses = tx.objectStore('impulses');
      const [original, sampleMetas, projectImpulses] = await Promise.all([
        projects.get(id),
        metas.index('byProject').getAll(id),
        impulses.index('byProject').getAll(id),
      ]);
      if (!original) throw notFoundError('project', id);
      const stored = await Promise.all(sampleMetas.map((meta) => data.get(meta.id)));
      await allRequests((add) => {
        if (original.targetBoard) copy = { ...copy, targetBoard: original.targetBoard };
        add(projects.add(copy));
        sampleMetas.forEach((meta, i) => {
          const values = stored[i]?.values;
          if (!values) {
            throw new StudioError(
              'storage-error',
              `The stored values of sample "${meta.name}" are missing, so the project cannot be copied.`,
            );
          }
          const copyId = newId();
          add(metas.add({ ...meta, id: copyId, projectId: copy.id }));
          add(data.add({ id: copyId, values }));
        });
        for (const impulse of projectImpulses)
          add(impulses.add({ ...impulse, id: newId(), projectId: copy.id }));
      });
      return copy;
    },
  );
}

/** What a new project starts with: samples, impulses and models without a project, which it gets. */
export interface ProjectContents {
  samples: Array<Omit<Sample, 'projectId'>>;
  impulses: Array<Omit<Impulse, 'projectId'>>;
  /** Trained models of those impulses (by `impulseId`), e.g. restored from a project archive. */
  models?: Array<Omit<TrainedModel, 'projectId'>>;
  /** The board the project is built for (Project.targetBoard). */
  targetBoard?: string;
}

/**
 * Creates a project together with its samples (metadata and values), impulses and models, in one
 * transaction: a failure (e.g. a full disk) leaves no trace of the project. Samples and impulses keep their
 * ids, which must be new.
 */
export async function createProjectWithContents(
  conn: DbConnection,
  name: string,
  contents: ProjectContents,
  now: number,
): Promise<Project> {
  const project: Project = {
    id: newId(),
    name: checkName(name),
    createdAt: now,
    updatedAt: now,
    ...(contents.targetBoard ? { targetBoard: contents.targetBoard } : {}),
  };
  const puts = contents.samples.map((sample) => {
    const { meta, data } = splitSample({ ...sample, projectId: project.id });
    return { meta, values: data.values };
  });
  validateChange(project.id, { put: puts, remove: [] });
  const impulses = contents.impulses.map((impulse) => {
    if (!impulse.name.trim()) throw new StudioError('invalid-name', 'An impulse needs a name.');
    return { ...impulse, projectId: project.id };
  });
  const models = (contents.models ?? []).map((model) => {
    if (!impulses.some((i) => i.id === model.impulseId)) {
      throw new StudioError(
        'invalid-model',
        'A trained model belongs to none of the new project’s impulses.',
      );
    }
    return { ...model, projectId: project.id };
  });
  return conn.run(
    ['projects', 'samples', 'sampleData', 'impulses', 'models'],
    'readwrite',
    'create the project',
    async (tx) => {
      const metaStore = tx.objectStore('samples');
      const dataStore = tx.objectStore('sampleData');
      await allRequests((add) => {
        add(tx.objectStore('projects').add(project));
        for (const { meta, values } of puts) {
          add(metaStore.add(meta));
          add(dataStore.add({ id: meta.id, values: compactValues(values) }));
        }
        for (const impulse of impulses) add(tx.objectStore('impulses').add(impulse));
        for (const model of models) add(tx.objectStore('models').add(model));
      });
      return project;
    },
  );
}

/**
 * Deletes the project, its samples, their values and cached features, its impulses and their models and
 * training runs, and its tuner run, in one transaction.
 */
export function deleteProject(conn: DbConnection, id: string): Promise<void> {
  const stores: StudioStoreName[] = [
    'projects',
    'samples',
    'sampleData',
    'impulses',
    'features',
    'models',
    'trainingRuns',
    'tunerRuns',
  ];
  return conn.run(stores, 'readwrite', 'delete the project', async (tx) => {
    const projects = tx.objectStore('projects');
    const metas = tx.objectStore('samples');
    const data = tx.objectStore('sampleData');
    const impulses = tx.objectStore('impulses');
    const features = tx.objectStore('features');
    const [project, sampleIds, impulseIds] = await Promise.all([
      projects.get(id),
      metas.index('byProject').getAllKeys(id),
      impulses.index('byProject').getAllKeys(id),
    ]);
    if (!project) throw notFoundError('project', id);
    const featureKeys = (
      await Promise.all(sampleIds.map((s) => features.index('bySample').getAllKeys(s)))
    ).flat();
    await allRequests((add) => {
      add(projects.delete(id));
      for (const sampleId of sampleIds) {
        add(metas.delete(sampleId));
        add(data.delete(sampleId));
      }
      for (const impulseId of impulseIds) {
        add(impulses.delete(impulseId));
        add(tx.objectStore('models').delete(impulseId));
        add(tx.objectStore('trainingRuns').delete(impulseId));
      }
      for (const key of featureKeys) add(features.delete(key));
      add(tx.objectStore('tunerRuns').delete(id));
    });
  });
}
