import type { SampleMeta, SampleValues } from './sample';

/**
 * One atomic edit of a project's dataset: the single write primitive. Every user action (import, relabel,
 * crop, split, delete, move…) is expressed as a change, committed in one transaction, and undone by
 * committing the inverse change the database returns.
 */
export interface DatasetChange {
  /** Samples to create or overwrite; `values` only when the data itself changes. */
  put: Array<{ meta: SampleMeta; values?: SampleValues }>;
  /** Ids of samples to delete (metadata and data). */
  remove: string[];
}

/** Applies a committed change to an in-memory list of metas (same order; new ones appended). */
export function applyChangeToMetas(metas: SampleMeta[], change: DatasetChange): SampleMeta[] {
  const removed = new Set(change.remove);
  const puts = new Map(change.put.map((p) => [p.meta.id, p.meta]));
  const out: SampleMeta[] = [];
  for (const m of metas) {
    if (removed.has(m.id)) continue;
    const replaced = puts.get(m.id);
    out.push(replaced ?? m);
    puts.delete(m.id);
  }
  for (const m of puts.values()) out.push(m);
  return out;
}

/** True when the change rewrites or deletes sample data (worth an Undo button). */
export function isDestructive(change: DatasetChange): boolean {
  return change.remove.length > 0 || change.put.some((p) => p.values !== undefined);
}
