import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { StudioSchema } from './schema';

export type UpgradeTransaction = IDBPTransaction<StudioSchema, StoreNames<StudioSchema>[], 'versionchange'>;

/**
 * One schema version: step i (0-based) brings a database from version i to version i + 1. Steps run
 * synchronously inside the upgrade transaction, so a step may only create or change stores and indexes or
 * queue requests on `tx`.
 */
export type Migration = (db: IDBPDatabase<StudioSchema>, tx: UpgradeTransaction, oldVersion: number) => void;

const createProjectsAndSamples: Migration = (db) => {
  db.createObjectStore('projects', { keyPath: 'id' });
  const samples = db.createObjectStore('samples', { keyPath: 'id' });
  samples.createIndex('byProject', 'projectId');
  db.createObjectStore('sampleData', { keyPath: 'id' });
  db.createObjectStore('settings');
};

const createImpulsesAndFeatureCache: Migration = (db) => {
  const impulses = db.createObjectStore('impulses', { keyPath: 'id' });
  impulses.createIndex('byProject', 'projectId');
  const features = db.createObjectStore('features', { keyPath: 'key' });
  features.createIndex('bySample', 'sampleId');
  features.createIndex('byConfig', 'configHash');
};

const createModelsAndTrainingRuns: Migration = (db) => {
  db.createObjectStore('models', { keyPath: 'impulseId' }).createIndex('byProject', 'projectId');
  db.createObjectStore('trainingRuns', { keyPath: 'impulseId' }).createIndex('byProject', 'projectId');
};

const createTunerRuns: Migration = (db) => {
  db.createObjectStore('tunerRuns', { keyPath: 'projectId' });
};

/** Append a step to add a version; never edit or reorder a released step. */
export const MIGRATIONS: readonly Migration[] = [
  createProjectsAndSamples,
  createImpulsesAndFeatureCache,
  createModelsAndTrainingRuns,
  createTunerRuns,
];

/** Runs every step whose target version is above `oldVersion`, in order. */
export function applyMigrations(
  migrations: readonly Migration[],
  db: IDBPDatabase<StudioSchema>,
  tx: UpgradeTransaction,
  oldVersion: number,
): void {
  for (let version = oldVersion + 1; version <= migrations.length; version++) {
    migrations[version - 1](db, tx, oldVersion);
  }
}
