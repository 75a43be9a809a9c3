import type { Project } from '../../core/dataset/project';
import type { Sample, SampleMeta, SampleValues } from '../../core/dataset/sample';
import { splitSample } from '../../core/dataset/sample';
import { commitChange, type DatasetView } from './commitChange';
import type { DbConnection } from './connection';
import type { DatasetChange } from '../../core/dataset/change';
import * as projects from './projectsRepo';
import * as samples from './samplesRepo';
import * as settings from './settingsRepo';
import * as impulses from './impulsesRepo';
import * as features from './featuresRepo';
import * as models from './modelsRepo';
import * as tunerRuns from './tunerRunsRepo';
import type { TrainedModel, TrainingRun } from '../../core/learn/trainedModel';
import type { CachedFeatures, Impulse } from '../../core/impulse/impulse';
import type { TunerRun } from '../../core/tune/tuneTypes';
import type { Loaded } from './storedRecords';

const PROJECTS: StoredChange = { projectId: null, what: 'projects' };

/** What a committed write changed: which part of which project (null: the list of projects itself). */
export interface StoredChange {
  projectId: string | null;
  what: 'projects' | 'dataset' | 'impulses' | 'models';
}

/**
 * The studio's persistent store. Each method is one transaction: a failure leaves the database as it was
 * and rejects with a StudioError ('storage-full', 'storage-error', 'not-found', 'invalid-…', 'db-closed').
 */
export class StudioDb {
  constructor(
    private readonly conn: DbConnection,
    private readonly now: () => number = Date.now,
    /** Told after every committed write that another tab showing the project should know of. */
    private readonly onChanged: (change: StoredChange) => void = () => undefined,
  ) {}

  /** Runs `write` and, once it has committed, reports `change`; a failed write reports nothing. */
  private async tell<T>(change: StoredChange, write: Promise<T>): Promise<T> {
    const result = await write;
    this.onChanged(change);
    return result;
  }

  close(): void {
    this.conn.close();
  }

  /** Most recently updated first. */
  listProjects(): Promise<Project[]> {
    return projects.listProjects(this.conn);
  }

  /** Like listProjects, with the records that failed validation and were left out. */
  loadProjects(): Promise<Loaded<Project>> {
    return projects.loadProjects(this.conn);
  }

  createProject(name: string): Promise<Project> {
    return this.tell(PROJECTS, projects.createProject(this.conn, name, this.now()));
  }

  renameProject(id: string, name: string): Promise<Project> {
    return this.tell(PROJECTS, projects.renameProject(this.conn, id, name, this.now()));
  }

  /** Sets the board the project is built for. */
  setTargetBoard(id: string, board: string): Promise<Project> {
    return this.tell(PROJECTS, projects.setTargetBoard(this.conn, id, board, this.now()));
  }

  duplicateProject(id: string, name: string): Promise<Project> {
    return this.tell(PROJECTS, projects.duplicateProject(this.conn, id, name, this.now()));
  }

  /** A new project with its samples and impulses, all written in one transaction (project import). */
  createProjectWithContents(name: string, contents: projects.ProjectContents): Promise<Project> {
    return this.tell(PROJECTS, projects.createProjectWithContents(this.conn, name, contents, this.now()));
  }

  deleteProject(id: string): Promise<void> {
    return this.tell(PROJECTS, projects.deleteProject(this.conn, id));
  }

  /** Marks the project as just used, moving it to the top of `listProjects`. */
  touchProject(id: string): Promise<Project> {
    return projects.touchProject(this.conn, id, this.now());
  }

  listSamples(projectId: string): Promise<SampleMeta[]> {
    return samples.listSamples(this.conn, projectId);
  }

  /** Like listSamples, with the records that failed validation and were left out. */
  loadSamples(projectId: string): Promise<Loaded<SampleMeta>> {
    return samples.loadSamples(this.conn, projectId);
  }

  getValues(id: string): Promise<SampleValues> {
    return samples.getValues(this.conn, id);
  }

  getSample(id: string): Promise<Sample> {
    return samples.getSample(this.conn, id);
  }

  /**
   * The single write primitive for dataset edits; resolves to the inverse change. Committing the inverse
   * restores the previous state exactly, and its own inverse re-applies the edit (undo/redo).
   */
  commit(projectId: string, change: DatasetChange, view?: DatasetView): Promise<DatasetChange> {
    return this.tell(
      { projectId, what: 'dataset' },
      commitChange(this.conn, projectId, change, this.now(), view),
    );
  }

  addSamples(projectId: string, newSamples: Sample[]): Promise<DatasetChange> {
    const put = newSamples.map((sample) => {
      const { meta, data } = splitSample(sample);
      return { meta, values: data.values };
    });
    return this.commit(projectId, { put, remove: [] });
  }

  getSetting<T>(key: string): Promise<T | undefined> {
    return settings.getSetting<T>(this.conn, key);
  }

  setSetting(key: string, value: unknown): Promise<void> {
    return settings.setSetting(this.conn, key, value);
  }

  listImpulses(projectId: string): Promise<Impulse[]> {
    return impulses.listImpulses(this.conn, projectId);
  }

  /** Like listImpulses, with the records that failed validation and were left out. */
  loadImpulses(projectId: string): Promise<Loaded<Impulse>> {
    return impulses.loadImpulses(this.conn, projectId);
  }

  /** Creates or replaces an impulse; with `basedOn`, only over that stored version (see impulsesRepo). */
  putImpulse(impulse: Impulse, basedOn?: number): Promise<void> {
    return this.tell(
      { projectId: impulse.projectId, what: 'impulses' },
      impulses.putImpulse(this.conn, impulse, basedOn),
    );
  }

  async deleteImpulse(id: string): Promise<void> {
    const projectId = await impulses.deleteImpulse(this.conn, id);
    if (projectId !== null) this.onChanged({ projectId, what: 'impulses' });
  }

  getFeatures(keys: string[]): Promise<Array<CachedFeatures | undefined>> {
    return features.getFeatures(this.conn, keys);
  }

  putFeatures(entries: CachedFeatures[]): Promise<void> {
    return features.putFeatures(this.conn, entries);
  }

  /** Deletes cached features nothing can use any more; `generated` is the feature set just made, if any. */
  pruneFeatures(projectId: string, generated: features.GeneratedFeatures | null): Promise<number> {
    return features.pruneFeatures(this.conn, projectId, generated);
  }

  getModel(impulseId: string): Promise<TrainedModel | undefined> {
    return models.getModel(this.conn, impulseId);
  }

  saveModel(model: TrainedModel, run: TrainingRun): Promise<void> {
    return this.tell({ projectId: model.projectId, what: 'models' }, models.saveModel(this.conn, model, run));
  }

  putModel(model: TrainedModel): Promise<void> {
    return this.tell({ projectId: model.projectId, what: 'models' }, models.putModel(this.conn, model));
  }

  getTrainingRun(impulseId: string): Promise<TrainingRun | undefined> {
    return models.getTrainingRun(this.conn, impulseId);
  }

  putTrainingRun(run: TrainingRun): Promise<void> {
    return models.putTrainingRun(this.conn, run);
  }

  cancelInterruptedRuns(projectId: string): Promise<number> {
    return models.cancelInterruptedRuns(this.conn, projectId, this.now());
  }

  /** The project's latest tuner search (its candidates, their scores and models). */
  getTunerRun(projectId: string): Promise<TunerRun | undefined> {
    return tunerRuns.getTunerRun(this.conn, projectId);
  }

  putTunerRun(run: TunerRun): Promise<void> {
    return tunerRuns.putTunerRun(this.conn, run);
  }
}
