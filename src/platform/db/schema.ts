import type { DBSchema } from 'idb';
import type { Project } from '../../core/dataset/project';
import type { SampleData, SampleMeta } from '../../core/dataset/sample';
import type { CachedFeatures, Impulse } from '../../core/impulse/impulse';
import type { TrainedModel, TrainingRun } from '../../core/learn/trainedModel';
import type { TunerRun } from '../../core/tune/tuneTypes';

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
  /** Since version 2: the impulses of each project. */
  impulses: { key: string; value: Impulse; indexes: { byProject: string } };
  /** Since version 2: generated features per sample and configuration, so a re-run computes only what changed. */
  features: { key: string; value: CachedFeatures; indexes: { bySample: string; byConfig: string } };
  /** Since version 3: the last completed model of each impulse, keyed by impulse id. */
  models: { key: string; value: TrainedModel; indexes: { byProject: string } };
  /** Since version 3: the latest training run of each impulse (a reload marks a 'running' one cancelled). */
  trainingRuns: { key: string; value: TrainingRun; indexes: { byProject: string } };
  /** Since version 4: the latest tuner search of each project, keyed by project id (models of its candidates inside). */
  tunerRuns: { key: string; value: TunerRun };
}

export type StudioStoreName =
  | 'projects'
  | 'samples'
  | 'sampleData'
  | 'settings'
  | 'impulses'
  | 'features'
  | 'models'
  | 'trainingRuns'
  | 'tunerRuns';
