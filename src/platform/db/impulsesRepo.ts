import type { Impulse } from '../../core/impulse/impulse';
import { StudioError } from '../../core/errors';
import type { DbConnection } from './connection';
import { notFoundError } from './errors';
import { dropUnusedFeatures } from './featuresRepo';
import type { StudioStoreName } from './schema';
import { sortOut, type Loaded } from './storedRecords';

/** The project's impulses, oldest first, and the records that fail validation, which are left out. */
export function loadImpulses(conn: DbConnection, projectId: string): Promise<Loaded<Impulse>> {
  return conn.run(['impulses'], 'readonly', 'read the impulses', async (tx) => {
    const byProject = tx.objectStore('impulses').index('byProject');
    const [values, keys] = await Promise.all([byProject.getAll(projectId), byProject.getAllKeys(projectId)]);
    const loaded = sortOut('impulse', values, keys);
    loaded.records.sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
    return loaded;
  });
}

/** The valid impulses of `loadImpulses`. */
export async function listImpulses(conn: DbConnection, projectId: string): Promise<Impulse[]> {
  return (await loadImpulses(conn, projectId)).records;
}

/**
 * Creates or replaces an impulse of an existing project. `basedOn` is the updatedAt of the stored version the
 * edit started from (absent for a new impulse): when the stored one is another by then (edited or deleted in
 * another tab), the write is refused ('stale-view') instead of overwriting it or bringing it back.
 */
export function putImpulse(conn: DbConnection, impulse: Impulse, basedOn?: number): Promise<void> {
  if (!impulse.name.trim())
    return Promise.reject(new StudioError('invalid-name', 'An impulse needs a name.'));
  return conn.run(['projects', 'impulses'], 'readwrite', 'save the impulse', async (tx) => {
    const store = tx.objectStore('impulses');
    const [project, stored] = await Promise.all([
      tx.objectStore('projects').get(impulse.projectId),
      basedOn === undefined ? undefined : store.get(impulse.id),
    ]);
    if (!project) throw notFoundError('project', impulse.projectId);
    if (basedOn !== undefined && stored?.updatedAt !== basedOn) {
      const what = stored ? 'changed' : 'deleted';
      throw new StudioError(
        'stale-view',
        `Impulse “${stored?.name ?? impulse.name}” was ${what} in another tab since this page read it, so this edit was not saved. The page now shows the current impulses.`,
      );
    }
    await store.put(impulse);
  });
}

/**
 * Deletes the impulse with its trained model and training run, and the cached features of its configuration
 * unless another impulse of the project shares it. Resolves to the impulse's project (null: there was none).
 */
export function deleteImpulse(conn: DbConnection, id: string): Promise<string | null> {
  const stores = ['impulses', 'models', 'trainingRuns', 'samples', 'features'] satisfies StudioStoreName[];
  return conn.run(stores, 'readwrite', 'delete the impulse', async (tx) => {
    const impulses = tx.objectStore('impulses');
    const impulse = await impulses.get(id);
    await Promise.all([
      impulses.delete(id),
      tx.objectStore('models').delete(id),
      tx.objectStore('trainingRuns').delete(id),
    ]);
    if (!impulse) return null;
    await dropUnusedFeatures(tx, impulse.projectId, null);
    return impulse.projectId;
  });
}
