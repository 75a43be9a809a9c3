import type { Impulse } from '../../core/impulse/impulse';
import { StudioError } from '../../core/errors';
import type { DbConnection } from './connection';
import { notFoundError } from './errors';
import { dropUnusedFeatures } from './featuresRepo';
import type { StudioStoreName } from './schema';

export function listImpulses(conn: DbConnection, projectId: string): Promise<Impulse[]> {
  return conn.run(['impulses'], 'readonly', 'read the impulses', async (tx) => {
    const all = await tx.objectStore('impulses').index('byProject').getAll(projectId);
    return all.sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
  });
}

/** Creates or replaces an impulse of an existing project. */
export function putImpulse(conn: DbConnection, impulse: Impulse): Promise<void> {
  if (!impulse.name.trim())
    return Promise.reject(new StudioError('invalid-name', 'An impulse needs a name.'));
  return conn.run(['projects', 'impulses'], 'readwrite', 'save the impulse', async (tx) => {
    if (!(await tx.objectStore('projects').get(impulse.projectId)))
      throw notFoundError('project', impulse.projectId);
    await tx.objectStore('impulses').put(impulse);
  });
}

/**
 * Deletes the impulse with its trained model and training run, and the cached features of its configuration
 * unless another impulse of the project shares it.
 */
export function deleteImpulse(conn: DbConnection, id: string): Promise<void> {
  const stores = ['impulses', 'models', 'trainingRuns', 'samples', 'features'] satisfies StudioStoreName[];
  return conn.run(stores, 'readwrite', 'delete the impulse', async (tx) => {
    const impulses = tx.objectStore('impulses');
    const impulse = await impulses.get(id);
    await Promise.all([
      impulses.delete(id),
      tx.objectStore('models').delete(id),
      tx.objectStore('trainingRuns').delete(id),
    ]);
    if (impulse) await dropUnusedFeatures(tx, impulse.projectId, null);
  });
}
