import { featureConfigHash, featureKey, type CachedFeatures } from '../../core/impulse/impulse';
import type { DbConnection, StudioTransaction } from './connection';
import { allRequests } from './requests';
import type { StudioStoreName } from './schema';

/** Cached features by key, in the order asked (undefined where nothing is cached). */
export function getFeatures(conn: DbConnection, keys: string[]): Promise<Array<CachedFeatures | undefined>> {
  return conn.run(['features'], 'readonly', 'read cached features', async (tx) => {
    const store = tx.objectStore('features');
    return Promise.all(keys.map((k) => store.get(k)));
  });
}

export function putFeatures(conn: DbConnection, entries: CachedFeatures[]): Promise<void> {
  return conn.run(['features'], 'readwrite', 'cache the features', async (tx) => {
    const store = tx.objectStore('features');
    await allRequests((add) => entries.forEach((e) => add(store.put(e))));
  });
}

/** The feature set just generated: its configuration and the keys of the samples it covered. */
export interface GeneratedFeatures {
  configHash: string;
  keys: ReadonlySet<string>;
}

/**
 * Deletes the cached features nothing can use any more (see `dropUnusedFeatures`); resolves to how many.
 * Called after a feature set was generated, with that set as `generated`.
 */
export function pruneFeatures(
  conn: DbConnection,
  projectId: string,
  generated: GeneratedFeatures | null,
): Promise<number> {
  return conn.run(['samples', 'impulses', 'features'], 'readwrite', 'clean the feature cache', (tx) =>
    dropUnusedFeatures(tx, projectId, generated),
  );
}

/**
 * Within `tx`, deletes the cached features
 * - of samples that no longer exist (in any project);
 * - of the project's samples under a configuration no impulse of the project has any more (an edited or
 *   deleted impulse), `generated.configHash` counting as one;
 * - under `generated.configHash`, of the project's samples that set left out (disabled ones).
 * Other projects' features are left alone, even under the same configuration (a duplicated project).
 */
export async function dropUnusedFeatures<Other extends StudioStoreName>(
  tx: StudioTransaction<Array<Other | 'samples' | 'impulses' | 'features'>, 'readwrite'>,
  projectId: string,
  generated: GeneratedFeatures | null,
): Promise<number> {
  const samples = tx.objectStore('samples');
  const [impulses, own, existing] = await Promise.all([
    tx.objectStore('impulses').index('byProject').getAll(projectId),
    samples.index('byProject').getAllKeys(projectId),
    samples.getAllKeys(),
  ]);
  const ownIds = new Set(own);
  const existingIds = new Set(existing);
  const hashes = impulses.map(featureConfigHash);
  if (generated) hashes.push(generated.configHash);
  const stale: string[] = [];
  // A key cursor reads only (sampleId, key) pairs, never the feature arrays themselves.
  const bySample = tx.objectStore('features').index('bySample');
  for (let cursor = await bySample.openKeyCursor(); cursor; cursor = await cursor.continue()) {
    const sampleId = cursor.key;
    const key = cursor.primaryKey;
    if (!existingIds.has(sampleId)) stale.push(key);
    else if (!ownIds.has(sampleId)) continue;
    else if (generated && key === featureKey(sampleId, generated.configHash)) {
      if (!generated.keys.has(key)) stale.push(key);
    } else if (!hashes.some((h) => key === featureKey(sampleId, h))) stale.push(key);
  }
  const store = tx.objectStore('features');
  await allRequests((add) => stale.forEach((k) => add(store.delete(k))));
  return stale.length;
}
