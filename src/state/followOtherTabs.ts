import type { StoredChange } from '../platform/db/openStudioDb';
import { onOtherTabChange, useDbStatus } from './db';
import { useDataset } from './datasetStore';
import { useImpulses } from './impulseStore';
import { useProjects } from './projectsStore';
import { toast } from './toastStore';
import { useTraining } from './trainingStore';

/** Changes arriving this close together (a burst of edits in the other tab) bring one refresh and one notice. */
const SETTLE_MS = 250;

export const OTHER_TAB_NOTICE = 'Updated from another tab.';

/** Re-reads what this page shows of `parts` of the open project; true when anything was. */
async function refresh(
  parts: ReadonlySet<StoredChange['what']>,
  touchesOpenProject: boolean,
): Promise<boolean> {
  const reloads: Promise<unknown>[] = [];
  if (parts.has('projects')) reloads.push(useProjects.getState().refresh());
  if (touchesOpenProject && parts.has('dataset')) reloads.push(useDataset.getState().refresh());
  if (touchesOpenProject && parts.has('impulses')) reloads.push(useImpulses.getState().refresh());
  const training = useTraining.getState();
  if (touchesOpenProject && parts.has('models') && training.impulseId && !training.active) {
    // load() keeps a model it already holds: forget it so the other tab's model is read.
    useTraining.setState({ model: null, lastRun: null });
    reloads.push(training.load(training.impulseId));
  }
  await Promise.all(reloads);
  return reloads.length > 0;
}

/**
 * Keeps this tab in step with the studio's other tabs: after another tab commits a change to the projects or
 * to the open project, the affected stores re-read the database and a short notice says so. Returns the stop.
 */
export function followOtherTabs(): () => void {
  let pending = new Set<StoredChange['what']>();
  let openProjectTouched = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = async () => {
    timer = null;
    const parts = pending;
    const touched = openProjectTouched;
    pending = new Set();
    openProjectTouched = false;
    // A tab whose connection was closed for a newer version only asks for a reload.
    if (useDbStatus.getState().status === 'closed') return;
    if (await refresh(parts, touched)) toast.info(OTHER_TAB_NOTICE);
  };
  const stop = onOtherTabChange((change) => {
    pending.add(change.what);
    if (change.projectId !== null && change.projectId === useProjects.getState().currentId)
      openProjectTouched = true;
    timer ??= setTimeout(() => void flush(), SETTLE_MS);
  });
  return () => {
    stop();
    if (timer) clearTimeout(timer);
  };
}
