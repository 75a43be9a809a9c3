import type { DatasetChange } from '../../core/dataset/change';
import { StudioError } from '../../core/errors';
import type { SampleMeta, SampleValues } from '../../core/dataset/sample';
import type { DbConnection } from './connection';
import { checkOwnedBy, checkSameShape, validateChange } from './validateChange';
import { notFoundError } from './errors';
import { allRequests } from './requests';

/**
 * The caller's view of the samples a change touches: sample id → the updatedAt it saw, null for a sample it
 * believes does not exist. Another tab may have changed the database since that view was read.
 */
export type DatasetView = ReadonlyMap<string, number | null>;

/**
 * Applies `change` to the project's dataset in one readwrite transaction and returns its inverse. Either all
 * of it is written (and the project's updatedAt bumped) or none of it. With `view`, a change to a sample that
 * differs from what the caller saw is refused ('stale-view') rather than overwriting a newer edit or bringing
 * back a sample deleted in another tab; the check and the writes are one transaction.
 */
export async function commitChange(
  conn: DbConnection,
  projectId: string,
  change: DatasetChange,
  now: number,
  view?: DatasetView,
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
    if (view) {
      change.put.forEach((p, i) => checkView(view, p.meta.id, putMetas[i]?.name ?? p.meta.name, putMetas[i]));
      change.remove.forEach((id, i) => checkView(view, id, removedMetas[i]?.name ?? id, removedMetas[i]));
    }

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

function checkView(view: DatasetView, id: string, name: string, stored: SampleMeta | undefined): void {
  if (!view.has(id)) return;
  const seen = view.get(id);
  const now = stored?.updatedAt ?? null;
  if (seen === now) return;
  const what =
    now === null
      ? 'was deleted in another tab (saving would bring it back)'
      : seen === null
        ? 'was added in another tab'
        : 'was changed in another tab';
  throw new StudioError(
    'stale-view',
    `Sample “${name}” ${what} since this page read it, so this edit was not saved. The list now shows the current data: check it and try again.`,
  );
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
