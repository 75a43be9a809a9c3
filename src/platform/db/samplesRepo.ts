import type { Sample, SampleMeta, SampleValues } from '../../core/dataset/sample';
import { withMeta } from '../../core/dataset/sample';
import type { DbConnection } from './connection';
import { notFoundError } from './errors';
import { checkedValues, sortOut, type Loaded } from './storedRecords';

/**
 * The project's sample metadata, oldest first (ties broken by id so the order is stable), and the records
 * that fail validation, which are left out.
 */
export function loadSamples(conn: DbConnection, projectId: string): Promise<Loaded<SampleMeta>> {
  return conn.run(['samples'], 'readonly', 'list the samples', async (tx) => {
    const byProject = tx.objectStore('samples').index('byProject');
    const [values, keys] = await Promise.all([byProject.getAll(projectId), byProject.getAllKeys(projectId)]);
    const loaded = sortOut('sample', values, keys);
    loaded.records.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return loaded;
  });
}

/** The valid samples of `loadSamples`. */
export async function listSamples(conn: DbConnection, projectId: string): Promise<SampleMeta[]> {
  return (await loadSamples(conn, projectId)).records;
}

/** The sample's values; rejects with 'corrupt-record' when they do not fit its metadata. */
export async function getValues(conn: DbConnection, id: string): Promise<SampleValues> {
  return (await getSample(conn, id)).values;
}

export function getSample(conn: DbConnection, id: string): Promise<Sample> {
  return conn.run(['samples', 'sampleData'], 'readonly', 'read the sample', async (tx) => {
    const [meta, data] = await Promise.all([
      tx.objectStore('samples').get(id),
      tx.objectStore('sampleData').get(id),
    ]);
    if (!meta || !data) throw notFoundError('sample', id);
    return withMeta(meta, checkedValues(meta, data.values));
  });
}
