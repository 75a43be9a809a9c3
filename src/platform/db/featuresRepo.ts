import type { CachedFeatures } from '../../core/impulse/impulse';
import type { DbConnection } from './connection';
import { allRequests } from './requests';

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

/** Deletes cached features of one configuration except the given keys (deleted or edited samples). */
export function pruneFeatures(
  conn: DbConnection,
  configHash: string,
  keep: ReadonlySet<string>,
): Promise<number> {
  return conn.run(['features'], 'readwrite', 'clean the feature cache', async (tx) => {
    const store = tx.objectStore('features');
    const stale = (await store.index('byConfig').getAllKeys(configHash)).filter((k) => !keep.has(k));
    await allRequests((add) => stale.forEach((k) => add(store.delete(k))));
    return stale.length;
  });
}
