import { create } from 'zustand';
import type { SampleCategory, SampleMeta, SampleValues } from '../core/dataset/sample';
import { applyChangeToMetas, type DatasetChange } from '../core/dataset/change';
import { NO_FILTER, checkedAndShown, type SampleFilter } from '../core/dataset/filter';
import { describeError, isStudioError } from '../core/errors';
import type { DatasetView } from '../platform/db/commitChange';
import { skippedReport } from '../platform/db/storedRecords';
import { getDb } from './db';
import { useProjects } from './projectsStore';
import { toast } from './toastStore';
import './scaleSeedHook';

/** A committed edit and the change that reverses it (undo), or re-applies it (redo). */
export interface HistoryEntry {
  description: string;
  inverse: DatasetChange;
}

const UNDO_DEPTH = 30;

export interface DatasetState {
  projectId: string | null;
  samples: SampleMeta[];
  loading: boolean;
  selectedId: string | null;
  selectedValues: SampleValues | null;
  /** Ticked samples, always ones the current filter shows: bulk actions apply to exactly these. */
  checked: ReadonlySet<string>;
  filter: SampleFilter;
  undoStack: HistoryEntry[];
  redoStack: HistoryEntry[];
  load: (projectId: string | null) => Promise<void>;
  /** Re-reads the samples of the open project (changed elsewhere), keeping selection, ticks and history. */
  refresh: () => Promise<void>;
  select: (id: string | null) => Promise<void>;
  setChecked: (ids: Iterable<string>) => void;
  toggleChecked: (id: string) => void;
  setFilter: (patch: Partial<SampleFilter>) => void;
  /** Commits a change as one transaction and records its inverse for undo; false when it failed. */
  apply: (description: string, change: DatasetChange, offerUndo?: boolean) => Promise<boolean>;
  /** `apply` for a caller that handles the failure itself: rejects with the StudioError, shows nothing. */
  commitEdit: (description: string, change: DatasetChange, offerUndo?: boolean) => Promise<boolean>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

export const useDataset = create<DatasetState>((set, get) => ({
  projectId: null,
  samples: [],
  loading: false,
  selectedId: null,
  selectedValues: null,
  checked: new Set(),
  filter: NO_FILTER,
  undoStack: [],
  redoStack: [],

  load: async (projectId) => {
    set({
      projectId,
      samples: [],
      loading: projectId !== null,
      selectedId: null,
      selectedValues: null,
      checked: new Set(),
      // A filter from the previous project (e.g. one of its labels) could hide every sample of this one.
      filter: NO_FILTER,
      undoStack: [],
      redoStack: [],
    });
    if (!projectId) return;
    try {
      const { records, skipped } = await (await getDb()).loadSamples(projectId);
      if (get().projectId !== projectId) return;
      set({ samples: records, loading: false });
      const report = skippedReport('sample', skipped);
      if (report) toast.error(report);
    } catch (e) {
      set({ loading: false });
      toast.error(describeError(e));
    }
  },

  refresh: async () => {
    const { projectId } = get();
    if (!projectId) return;
    try {
      const samples = await (await getDb()).listSamples(projectId);
      if (get().projectId !== projectId) return;
      const before = new Map(get().samples.map((s) => [s.id, s.updatedAt]));
      const { selectedId, checked, filter } = get();
      const selected = samples.find((s) => s.id === selectedId);
      set({ samples, checked: checkedAndShown(checked, samples, filter) });
      if (selectedId && !selected) void get().select(null);
      else if (selected && before.get(selected.id) !== selected.updatedAt) void get().select(selected.id);
    } catch (e) {
      toast.error(describeError(e));
    }
  },

  select: async (id) => {
    set({ selectedId: id, selectedValues: null });
    if (!id) return;
    try {
      const values = await (await getDb()).getValues(id);
      if (get().selectedId === id) set({ selectedValues: values });
    } catch (e) {
      toast.error(describeError(e));
    }
  },

  setChecked: (ids) => set({ checked: new Set(ids) }),
  toggleChecked: (id) => {
    const checked = new Set(get().checked);
    if (checked.has(id)) checked.delete(id);
    else checked.add(id);
    set({ checked });
  },
  setFilter: (patch) => {
    const filter = { ...get().filter, ...patch };
    set({ filter, checked: checkedAndShown(get().checked, get().samples, filter) });
  },

  apply: async (description, change, offerUndo = true) => {
    try {
      return await get().commitEdit(description, change, offerUndo);
    } catch (e) {
      failed(e);
      return false;
    }
  },

  commitEdit: async (description, change, offerUndo = true) => {
    const { projectId } = get();
    if (!projectId) return false;
    // Nothing to commit (e.g. every sample named was already gone): no history entry for a no-op.
    if (change.put.length === 0 && change.remove.length === 0) return true;
    const inverse = await (await getDb()).commit(projectId, change, viewOf(get().samples, change));
    afterCommit(change);
    set({ undoStack: [...get().undoStack.slice(1 - UNDO_DEPTH), { description, inverse }], redoStack: [] });
    if (offerUndo) toast.info(description, { label: 'Undo', run: () => void get().undo() });
    return true;
  },

  undo: () => travel('undoStack', 'redoStack', 'Undone'),
  redo: () => travel('redoStack', 'undoStack', 'Redone'),
}));

/**
 * Commits the newest entry of one history stack; committing an inverse returns the change that reverses it
 * again, which goes onto the other stack.
 */
async function travel(
  from: 'undoStack' | 'redoStack',
  to: 'undoStack' | 'redoStack',
  verb: string,
): Promise<void> {
  const state = useDataset.getState();
  const entry = state[from].at(-1);
  if (!state.projectId || !entry) return;
  try {
    const back = await (
      await getDb()
    ).commit(state.projectId, entry.inverse, viewOf(state.samples, entry.inverse));
    useDataset.setState({
      [from]: useDataset.getState()[from].slice(0, -1),
      [to]: [
        ...useDataset.getState()[to].slice(1 - UNDO_DEPTH),
        { description: entry.description, inverse: back },
      ],
    });
    afterCommit(entry.inverse);
    toast.success(`${verb}: ${entry.description}`);
  } catch (e) {
    failed(e);
  }
}

/**
 * What this page shows of the samples a change touches, for the commit to compare with the database: an
 * edit based on a view another tab has since changed is refused instead of overwriting that tab's work.
 */
function viewOf(samples: readonly SampleMeta[], change: DatasetChange): DatasetView {
  const shown = new Map(samples.map((s) => [s.id, s.updatedAt]));
  const ids = [...change.put.map((p) => p.meta.id), ...change.remove];
  return new Map(ids.map((id) => [id, shown.get(id) ?? null]));
}

/** A failed commit becomes an error toast; one refused for a stale view also brings the list up to date. */
function failed(e: unknown): void {
  toast.error(describeError(e));
  if (isStudioError(e) && e.code === 'stale-view') void useDataset.getState().refresh();
}

/**
 * Mirrors a committed change in memory, refreshes the open sample when its data changed, and updates the
 * storage figure. Samples the change removed or moved out of the filter's view leave the selection.
 */
function afterCommit(change: DatasetChange): void {
  const state = useDataset.getState();
  const samples = applyChangeToMetas(state.samples, change);
  const stillThere = new Set(samples.map((s) => s.id));
  useDataset.setState({ samples, checked: checkedAndShown(state.checked, samples, state.filter) });
  void useProjects.getState().refreshStorage();
  const sel = state.selectedId;
  if (sel && !stillThere.has(sel)) void state.select(null);
  else if (sel && change.put.some((p) => p.meta.id === sel && p.values)) void state.select(sel);
}

export function metasById(samples: SampleMeta[], ids: Iterable<string>): SampleMeta[] {
  const wanted = new Set(ids);
  return samples.filter((s) => wanted.has(s.id));
}

export type CategoryChoice = SampleCategory | 'auto';
