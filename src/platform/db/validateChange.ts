import { StudioError } from '../../core/errors';
import type { DatasetChange } from '../../core/dataset/change';
import type { SampleMeta, SampleValues } from '../../core/dataset/sample';

function invalidSample(meta: SampleMeta, problem: string): StudioError {
  return new StudioError('invalid-sample', `Sample "${meta.name}" (${meta.id}) ${problem}.`);
}

/** Checks a meta against values it is about to be stored with. */
function checkValues(meta: SampleMeta, values: SampleValues): void {
  if (!(values instanceof Float32Array) && !(values instanceof Int16Array)) {
    throw invalidSample(meta, 'has values that are neither a Float32Array nor an Int16Array');
  }
  if (meta.sensors.length === 0) throw invalidSample(meta, 'has no sensors');
  if (!Number.isInteger(meta.frameCount) || meta.frameCount < 0) {
    throw invalidSample(meta, `has an invalid frame count (${meta.frameCount})`);
  }
  const expected = meta.frameCount * meta.sensors.length;
  if (values.length !== expected) {
    throw invalidSample(
      meta,
      `has ${values.length} values, but ${meta.frameCount} frames × ${meta.sensors.length} sensors need ${expected}`,
    );
  }
}

/**
 * A meta-only put keeps the stored values, so it must keep the shape those values were checked against.
 */
export function checkSameShape(meta: SampleMeta, previous: SampleMeta): void {
  if (meta.frameCount !== previous.frameCount || meta.sensors.length !== previous.sensors.length) {
    throw invalidSample(meta, 'changes its frame count or sensors without new values');
  }
}

export function checkOwnedBy(meta: SampleMeta, projectId: string): void {
  if (meta.projectId !== projectId) {
    throw invalidSample(meta, `belongs to project ${meta.projectId}, not ${projectId}`);
  }
}

/** The checks that need no stored data; the rest happen against the stored records inside the commit. */
export function validateChange(projectId: string, change: DatasetChange): void {
  const seen = new Set<string>();
  const claim = (id: string) => {
    // Checked here so that no request of the commit can throw on a bad key while others are in flight.
    if (typeof id !== 'string' || id === '') {
      throw new StudioError('invalid-change', `A change names a sample by an invalid id (${String(id)}).`);
    }
    if (seen.has(id)) {
      throw new StudioError('invalid-change', `Sample ${id} appears more than once in one change.`);
    }
    seen.add(id);
  };
  for (const { meta, values } of change.put) {
    claim(meta.id);
    // A whole Sample passed as meta would store its values in the metadata store and slow every listing.
    if ('values' in meta) throw invalidSample(meta, 'was given with its values inside the metadata');
    checkOwnedBy(meta, projectId);
    if (values !== undefined) checkValues(meta, values);
  }
  for (const id of change.remove) claim(id);
}
