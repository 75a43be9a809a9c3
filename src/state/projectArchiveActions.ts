import { exportProjectArchive, importProjectArchive } from '../core/formats/projectArchive';
import { describeError } from '../core/errors';
import { newId } from '../core/ids';
import { withMeta, type Sample } from '../core/dataset/sample';
import { downloadBytes } from '../platform/download';
import type { LoadedFile } from '../platform/files';
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

/** Creates a new project from an exported archive and opens it. */
export async function importArchiveAsProject(file: LoadedFile): Promise<void> {
  try {
    const archive = importProjectArchive(file.name, file.bytes);
    const db = await getDb();
    const project = await db.createProject(archive.project.name);
    const samples: Sample[] = archive.samples.map((s) => ({
      id: newId(),
      projectId: project.id,
      name: s.name,
      label: s.label,
      category: s.category,
      enabled: s.enabled,
      sensors: s.sensors,
      intervalMs: s.intervalMs,
      frameCount: s.values.length / s.sensors.length,
      values: s.values,
      deviceName: s.deviceName,
      deviceType: s.deviceType,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
    }));
    try {
      await db.addSamples(project.id, samples);
      const now = Date.now();
      for (const impulse of archive.impulses)
        await db.putImpulse({
          ...impulse,
          id: newId(),
          projectId: project.id,
          createdAt: now,
          updatedAt: now,
        });
    } catch (e) {
      await db.deleteProject(project.id);
      throw e;
    }
    await useProjects.getState().refresh();
    await useProjects.getState().switchTo(project.id);
    toast.success(
      `Imported project “${project.name}” with ${samples.length} samples and ${archive.impulses.length} impulses.`,
    );
  } catch (e) {
    toast.error(describeError(e));
  }
}
