import { create } from 'zustand';
import type { Project } from '../core/dataset/project';
import { describeError } from '../core/errors';
import { getDb } from './db';
import { requestPersistence, storageEstimate } from '../platform/db/storage';
import { toast } from './toastStore';
import { skippedReport } from '../platform/db/storedRecords';

const LAST_PROJECT_KEY = 'lastProjectId';

interface ProjectsState {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  projects: Project[];
  currentId: string | null;
  storage: { usage: number; quota: number } | null;
  persisted: boolean | null;
  init: () => Promise<void>;
  create: (name: string) => Promise<Project | null>;
  rename: (id: string, name: string) => Promise<void>;
  duplicate: (id: string) => Promise<void>;
  remove: (id: string) => Promise<void>;
  switchTo: (id: string) => Promise<void>;
  /** Stores the board the current project is built for (Project.targetBoard); kept across reloads. */
  setTargetBoard: (board: string) => Promise<void>;
  refresh: () => Promise<void>;
  /** Re-reads the storage estimate; never rejects. */
  refreshStorage: () => Promise<void>;
}

/** Runs a user action; a failure becomes an error toast and leaves the state as it was. */
async function guarded<T>(action: () => Promise<T>): Promise<T | null> {
  try {
    return await action();
  } catch (e) {
    toast.error(describeError(e));
    return null;
  }
}

export const useProjects = create<ProjectsState>((set, get) => ({
  status: 'loading',
  error: null,
  projects: [],
  currentId: null,
  storage: null,
  persisted: null,

  init: async () => {
    try {
      const db = await getDb();
      const { records: projects, skipped } = await db.loadProjects();
      const last = await db.getSetting<string>(LAST_PROJECT_KEY);
      const currentId = projects.find((p) => p.id === last)?.id ?? projects[0]?.id ?? null;
      set({ status: 'ready', projects, currentId });
      const report = skippedReport('project', skipped);
      if (report) toast.error(report);
      set({ persisted: await requestPersistence() });
      await get().refreshStorage();
    } catch (e) {
      set({ status: 'error', error: describeError(e) });
    }
  },

  refresh: async () => {
    const db = await getDb();
    const projects = await db.listProjects();
    set({ projects });
    // The open project was deleted (in another tab): open the most recent one left.
    const { currentId } = get();
    if (currentId !== null && !projects.some((p) => p.id === currentId))
      set({ currentId: projects[0]?.id ?? null });
  },

  refreshStorage: async () => {
    try {
      set({ storage: await storageEstimate() });
    } catch {
      // Only an estimate for the header: when the browser cannot give one, the last figure stays.
    }
  },

  create: (name) =>
    guarded(async () => {
      const db = await getDb();
      const project = await db.createProject(name.trim() || 'Untitled project');
      await get().refresh();
      await get().switchTo(project.id);
      return project;
    }),

  rename: async (id, name) => {
    const trimmed = name.trim();
    if (!trimmed) {
      toast.error('A project needs a name.');
      return;
    }
    await guarded(async () => {
      await (await getDb()).renameProject(id, trimmed);
      await get().refresh();
    });
  },

  duplicate: async (id) => {
    await guarded(async () => {
      const source = get().projects.find((p) => p.id === id);
      const copy = await (await getDb()).duplicateProject(id, `${source?.name ?? 'Project'} (copy)`);
      await get().refresh();
      await get().refreshStorage();
      toast.success(`Duplicated as “${copy.name}”.`);
    });
  },

  remove: async (id) => {
    await guarded(async () => {
      const db = await getDb();
      const wasCurrent = get().currentId === id;
      await db.deleteProject(id);
      // refresh() moves away from the deleted project when it was the open one.
      await get().refresh();
      if (wasCurrent) await db.setSetting(LAST_PROJECT_KEY, get().currentId);
      await get().refreshStorage();
    });
  },

  switchTo: async (id) => {
    set({ currentId: id });
    await guarded(async () => (await getDb()).setSetting(LAST_PROJECT_KEY, id));
  },

  setTargetBoard: async (board) => {
    const id = get().currentId;
    if (id === null) return;
    await guarded(async () => {
      const updated = await (await getDb()).setTargetBoard(id, board);
      set({ projects: get().projects.map((p) => (p.id === id ? updated : p)) });
    });
  },
}));

export function currentProject(state: Pick<ProjectsState, 'projects' | 'currentId'>): Project | null {
  return state.projects.find((p) => p.id === state.currentId) ?? null;
}
