import { exportProjectArchive, importProjectArchive } from '../core/formats/projectArchive';
import { describeError } from '../core/errors';
import { newId } from '../core/ids';
import { withMeta, type Sample } from '../core/dataset/sample';
import { downloadBytes } from '../platform/download';
import { readFiles, type LoadedFile } from '../platform/files';
import { getDb } from './db';
import { currentProject, useProjects } from './projectsStore';
import { toast } from './toastStore';

function safeFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._ -]+/gu, '_').trim() || 'project';
}

/** Downloads the current project (all samples, all metadata) as a zip that re-imports to an equal project. */
export async function exportCurrentProject(): Promise<void> {
  const project = currentProject(useProjects.getState());
  if (!project) return;
  try {
    const db = await getDb();
    const metas = await db.listSamples(project.id);
    const samples: Sample[] = [];
    for (const m of metas) samples.push(withMeta(m, await db.getValues(m.id)));
    const impulses = await db.listImpulses(project.id);
    downloadBytes(
      `${safeFileName(project.name)}.tinyml.zip`,
      exportProjectArchive(project, samples, impulses),
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

/** Creates a new project from an exported archive, in one transaction, and opens it. */
async function importArchiveAsProject(file: LoadedFile): Promise<void> {
  try {
    const archive = importProjectArchive(file.name, file.bytes);
    const now = Date.now();
    const samples = archive.samples.map(({ originalId: _originalId, ...s }) => ({
      ...s,
      id: newId(),
      frameCount: s.values.length / s.sensors.length,
    }));
    const impulses = archive.impulses.map((impulse) => ({
      ...impulse,
      id: newId(),
      createdAt: now,
      updatedAt: now,
    }));
    const db = await getDb();
    const project = await db.createProjectWithContents(archive.project.name, { samples, impulses });
    const projects = useProjects.getState();
    await projects.refresh();
    await projects.switchTo(project.id);
    void projects.refreshStorage();
    toast.success(
      `Imported project “${project.name}” with ${plural(samples.length, 'sample')} and ${plural(impulses.length, 'impulse')}.`,
    );
  } catch (e) {
    toast.error(describeError(e));
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
