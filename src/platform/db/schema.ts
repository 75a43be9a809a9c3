import type { DBSchema } from 'idb';
import type { Project } from '../../core/dataset/project';
import type { SampleData, SampleMeta } from '../../core/dataset/sample';

export const DB_NAME = 'tinyml-studio';

/**
 * The newest shape of the database. Older shapes only exist on users' disks and are brought up to this one
 * by the migration steps in migrations.ts.
 */
export interface StudioSchema extends DBSchema {
  projects: { key: string; value: Project };
  /** Sample metadata only, so that listing thousands of samples never loads their values. */
  samples: { key: string; value: SampleMeta; indexes: { byProject: string } };
  /** The values of each sample, keyed by the sample id; typed arrays are stored as they are. */
  sampleData: { key: string; value: SampleData };
  /** Free-form key-value settings (e.g. lastProjectId); the store has no key path. */
  settings: { key: string; value: unknown };
}

export type StudioStoreName = 'projects' | 'samples' | 'sampleData' | 'settings';
