import type { DatasetChange } from '../../core/dataset/change';
import { StudioError } from '../../core/errors';
import type { SampleMeta, SampleValues } from '../../core/dataset/sample';
import type { DbConnection } from './connection';
import { checkOwnedBy, checkSameShape, validateChange } from './validateChange';
import { notFoundError } from './errors';
import { allRequests } from './requests';

/**
 * Applies `change` to the project's dataset in one readwrite transaction and returns its inverse. Either all
 * of it is written (and the project's updatedAt bumped) or none of it.
 */
export async function commitChange(
  conn: DbConnection,
  projectId: string,
  change: DatasetChange,
  now: number,
): Promise<DatasetChange> {
  validateChange(projectId, change);
  if (change.put.length === 0 && change.remove.length === 0) return { put: [], remove: [] };

  return conn.run(['projects', 'samples', 'sampleData'], 'readwrite', 'save the change', async (tx) => {
    const projects = tx.objectStore('projects');
    const metas = tx.objectStore('samples');
    const data = tx.objectStore('sampleData');

    // Read everything the change touches before writing anything, so the inverse sees the previous state.
    const [project, putMetas, putData, removedMetas, removedData] = await Promise.all([
      projects.get(projectId),
      Promise.all(change.put.map((p) => metas.get(p.meta.id))),
      Promise.all(change.put.map((p) => (p.values === undefined ? undefined : data.get(p.meta.id)))),
      Promise.all(change.remove.map((id) => metas.get(id))),
      Promise.all(change.remove.map((id) => data.get(id))),
    ]);
    if (!project) throw notFoundError('project', projectId);

    const inverse: DatasetChange = { put: [], remove: [] };
    change.put.forEach(({ meta, values }, i) => {
      const previous = putMetas[i];
      if (!previous) {
        if (values === undefined) {
          throw new StudioError(
            'invalid-sample',
            `Sample "${meta.name}" (${meta.id}) is new but has no values.`,
          );
        }
        inverse.remove.push(meta.id);
        return;
      }
      checkOwnedBy(previous, projectId);
      if (values === undefined) {
        checkSameShape(meta, previous);
        inverse.put.push({ meta: previous });
      } else {
        inverse.put.push(restore(previous, putData[i]?.values));
      }
    });
    removedMetas.forEach((previous, i) => {
      // Removing a sample that is already gone changes nothing, so there is nothing to undo either.
      if (!previous) return;
      checkOwnedBy(previous, projectId);
      inverse.put.push(restore(previous, removedData[i]?.values));
    });

    await allRequests((add) => {
      for (const { meta, values } of change.put) {
        add(metas.put(meta));
        if (values !== undefined) add(data.put({ id: meta.id, values: compactValues(values) }));
      }
      for (const id of change.remove) {
        add(metas.delete(id));
        add(data.delete(id));
      }
      add(projects.put({ ...project, updatedAt: now }));
    });
    return inverse;
  });
}

/**
 * The put that brings a sample back. Values can only be missing if the database was damaged; the sample
 * then comes back as metadata alone, which a later commit reports as having no values.
 */
function restore(meta: SampleMeta, values: SampleValues | undefined): DatasetChange['put'][number] {
  return values === undefined ? { meta } : { meta, values };
}

/**
 * Structured clone stores a typed array's whole buffer, so a view into a larger buffer (e.g. a crop made
 * with `subarray`) is copied to store only its own values.
 */
export function compactValues(values: SampleValues): SampleValues {
  const coversBuffer = values.byteOffset === 0 && values.byteLength === values.buffer.byteLength;
  return coversBuffer ? values : values.slice();
}
