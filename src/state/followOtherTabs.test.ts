import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStudioDb } from '../platform/db/openStudioDb';
import { imuSample } from '../platform/db/testFixtures';
import { openTabChannel } from '../platform/tabSync';

vi.mock('../platform/workers/dspClient', () => ({ dspWorker: () => ({}) }));
vi.mock('../platform/workers/trainClient', () => ({ trainWorker: () => ({}) }));

const { followOtherTabs, OTHER_TAB_NOTICE } = await import('./followOtherTabs');
const { getDb } = await import('./db');
const { useDataset } = await import('./datasetStore');
const { useProjects } = await import('./projectsStore');
const { useToasts } = await import('./toastStore');

const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

/** Another tab of the studio: its own connection to the same database, telling the channel of its writes. */
async function otherTab() {
  const channel = openTabChannel(() => undefined, 'other-tab');
  const db = await openStudioDb({ onChanged: (c) => channel.post(c) });
  stops.push(() => {
    channel.close();
    db.close();
  });
  return db;
}

describe('following the other tabs', () => {
  it('re-reads the open project and the project list after another tab commits, with one notice', async () => {
    stops.push(followOtherTabs());
    const db = await getDb();
    const project = await db.createProject('Gestures');
    await useProjects.getState().init();
    await useProjects.getState().switchTo(project.id);
    await useDataset.getState().load(project.id);
    useToasts.setState({ toasts: [] });

    const other = await otherTab();
    await other.addSamples(project.id, [imuSample(project.id, 'wave'), imuSample(project.id, 'idle')]);
    await other.renameProject(project.id, 'Renamed there');
    await vi.waitFor(() => expect(useDataset.getState().samples).toHaveLength(2));
    await vi.waitFor(() => expect(useProjects.getState().projects[0].name).toBe('Renamed there'));
    await vi.waitFor(() =>
      expect(useToasts.getState().toasts.map((t) => t.message)).toEqual([OTHER_TAB_NOTICE]),
    );

    // A change to another project refreshes nothing of this one and says nothing.
    const elsewhere = await other.createProject('Elsewhere');
    await vi.waitFor(() => expect(useProjects.getState().projects).toHaveLength(2));
    await vi.waitFor(() => expect(useToasts.getState().toasts).toHaveLength(2));
    useToasts.setState({ toasts: [] });
    await other.addSamples(elsewhere.id, [imuSample(elsewhere.id, 'x')]);
    await new Promise((r) => setTimeout(r, 400));
    expect(useToasts.getState().toasts).toEqual([]);
    expect(useDataset.getState().samples).toHaveLength(2);
  });
});
