import { exportProjectArchive, importProjectArchive } from '../core/formats/projectArchive';
import { describeError } from '../core/errors';
import { newId } from '../core/ids';
import { withMeta, type Sample } from '../core/dataset/sample';
import type { TrainedModel } from '../core/learn/trainedModel';
import { downloadBytes } from '../platform/download';
import { readFiles, type LoadedFile } from '../platform/files';
import { getDb } from './db';
import { currentProject, useProjects } from './projectsStore';
import { toast } from './toastStore';

function safeFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._ -]+/gu, '_').trim() || 'project';
}

/**
 * Downloads the current project (all samples, all metadata, impulses and their trained models) as a zip that
 * re-imports to an equal project.
 */
export async function exportCurrentProject(): Promise<void> {
  const project = currentProject(useProjects.getState());
  if (!project) return;
  try {
    const db = await getDb();
    const metas = await db.listSamples(project.id);
    const samples: Sample[] = [];
    for (const m of metas) samples.push(withMeta(m, await db.getValues(m.id)));
    const impulses = await db.listImpulses(project.id);
    const models: TrainedModel[] = [];
    for (const impulse of impulses) {
      const model = await db.getModel(impulse.id);
      if (model) models.push(model);
    }
    downloadBytes(
      `${safeFileName(project.name)}.tinyml.zip`,
      exportProjectArchive(project, samples, impulses, models),
      'application/zip',
    );
  } catch (e) {
    toast.error(describeError(e));
  }
}

/**
 * Creates a new project from each picked archive and opens the last one created. A file that cannot be read
 * gets its own error and the others are still imported.
 */
export async function importArchivesAsProjects(files: Iterable<File>): Promise<void> {
  for (const file of await readFiles(files)) {
    if (file.ok) await importArchiveAsProject(file);
    else toast.error(file.error.message);
  }
}

/**
 * Creates a new project from an exported archive, in one transaction, and opens it. Samples, impulses and
 * models get new ids; a model keeps pointing at its impulse and at its explorer's samples through them. A model
 * the archive could not give back is left out with its own message.
 */
async function importArchiveAsProject(file: LoadedFile): Promise<void> {
  try {
    const archive = importProjectArchive(file.name, file.bytes);
    const now = Date.now();
    const sampleIds = new Map<string, string>();
    const samples = archive.samples.map(({ originalId, ...s }) => {
      const id = newId();
      sampleIds.set(originalId, id);
      return { ...s, id, frameCount: s.values.length / s.sensors.length };
    });
    const impulses = archive.impulses.map((impulse) => ({
      ...impulse,
      id: newId(),
      createdAt: now,
      updatedAt: now,
    }));
    const models = archive.models.map(({ impulse, model }) => ({
      ...model,
      impulseId: impulses[impulse].id,
      // Samples deleted after training are not in the archive: their ids stay, unknown as they were.
      explorer: {
        ...model.explorer,
        sampleIds: model.explorer.sampleIds.map((id) => sampleIds.get(id) ?? id),
      },
    }));
    const db = await getDb();
    const project = await db.createProjectWithContents(archive.project.name, {
      samples,
      impulses,
      models,
      targetBoard: archive.project.targetBoard,
    });
    const projects = useProjects.getState();
    await projects.refresh();
    await projects.switchTo(project.id);
    void projects.refreshStorage();
    const trained = models.length > 0 ? ` (${models.length} with a trained model)` : '';
    toast.success(
      `Imported project “${project.name}” with ${plural(samples.length, 'sample')} and ${plural(impulses.length, 'impulse')}${trained}.`,
    );
    for (const problem of archive.modelProblems) toast.error(problem.message);
  } catch (e) {
    toast.error(describeError(e));
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
