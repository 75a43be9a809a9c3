import type { Sample, SampleMeta, SampleValues } from '../../core/dataset/sample';
import { withMeta } from '../../core/dataset/sample';
import type { DbConnection } from './connection';
import { notFoundError } from './errors';

/** The project's sample metadata, oldest first (ties broken by id so the order is stable). */
export function listSamples(conn: DbConnection, projectId: string): Promise<SampleMeta[]> {
  return conn.run(['samples'], 'readonly', 'list the samples', async (tx) => {
    const metas = await tx.objectStore('samples').index('byProject').getAll(projectId);
    return metas.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  });
}

export function getValues(conn: DbConnection, id: string): Promise<SampleValues> {
  return conn.run(['sampleData'], 'readonly', 'read the sample', async (tx) => {
    const data = await tx.objectStore('sampleData').get(id);
    if (!data) throw notFoundError('sample', id);
    return data.values;
  });
}

export function getSample(conn: DbConnection, id: string): Promise<Sample> {
  return conn.run(['samples', 'sampleData'], 'readonly', 'read the sample', async (tx) => {
    const [meta, data] = await Promise.all([
      tx.objectStore('samples').get(id),
      tx.objectStore('sampleData').get(id),
    ]);
    if (!meta || !data) throw notFoundError('sample', id);
    return withMeta(meta, data.values);
  });
}
