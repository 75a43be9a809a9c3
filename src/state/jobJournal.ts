/**
 * A journal of the long jobs running in this tab (features, training, quantisation, profiling, export): each is
 * written down when it starts and struck out when it ends, however it ends. An entry still there when the page
 * opens belongs to a job a reload interrupted, and the page says so. Every job writes its results atomically
 * (one transaction, or a download at the very end), so an interrupted job has saved nothing half-finished: the
 * journal only has to tell the user.
 *
 * The journal lives in sessionStorage: it survives a reload of the tab, and each tab has its own, so a job
 * running in another tab is never taken for an interrupted one.
 */
import { toast } from './toastStore';

export type JobKind = 'features' | 'training' | 'quantisation' | 'profiling' | 'export';

export interface JournalEntry {
  id: string;
  kind: JobKind;
  /** What the job was of, as the message names it (an impulse's name, a file's). */
  subject: string;
  startedAt: number;
}

/** The part of the Web Storage API the journal uses. */
export interface JournalStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY = 'tinyml-studio.jobJournal';

let storage: JournalStorage | null = defaultStorage();
let nextId = 0;

function defaultStorage(): JournalStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // Denied by a site-data policy: jobs still run, only a reload goes unexplained.
    return null;
  }
}

/** Replaces the journal's storage (unit tests; null turns the journal off). */
export function setJournalStorage(s: JournalStorage | null): void {
  storage = s;
}

function read(): JournalEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
  } catch {
    return [];
  }
}

function write(entries: JournalEntry[]): void {
  try {
    if (entries.length === 0) storage?.removeItem(KEY);
    else storage?.setItem(KEY, JSON.stringify(entries));
  } catch {
    // A full or denied storage must not fail the job itself.
  }
}

const KINDS: JobKind[] = ['features', 'training', 'quantisation', 'profiling', 'export'];

function isEntry(e: unknown): e is JournalEntry {
  if (typeof e !== 'object' || e === null) return false;
  const { id, kind, subject, startedAt } = e as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    KINDS.includes(kind as JobKind) &&
    typeof subject === 'string' &&
    typeof startedAt === 'number'
  );
}

/** Runs a job with its journal entry written before it starts and removed when it settles. */
export async function journaled<T>(kind: JobKind, subject: string, job: () => Promise<T>): Promise<T> {
  const entry: JournalEntry = { id: `${Date.now()}-${++nextId}`, kind, subject, startedAt: Date.now() };
  write([...read(), entry]);
  try {
    return await job();
  } finally {
    write(read().filter((e) => e.id !== entry.id));
  }
}

/** The jobs an earlier page of this tab left running (the page was reloaded), removed from the journal. */
export function takeInterruptedJobs(): JournalEntry[] {
  const entries = read();
  write([]);
  return entries;
}

/** What to tell the user of an interrupted job, and the page where it is started again. */
export function interruptedNotice(entry: JournalEntry): {
  message: string;
  page: string;
  pageTitle: string;
} {
  const of = `“${entry.subject}”`;
  switch (entry.kind) {
    case 'features':
      return {
        message: `Feature generation of ${of} was interrupted by a page reload; no half-finished feature set was saved (the samples already computed stay cached). Generate features again to finish it.`,
        page: 'impulse',
        pageTitle: 'Impulse design',
      };
    case 'training':
      return {
        message: `Training of ${of} was interrupted by a page reload; nothing was saved (the previous model, if any, is unchanged). Start training again.`,
        page: 'training',
        pageTitle: 'Training',
      };
    case 'quantisation':
      return {
        message: `Quantisation of ${of} was interrupted by a page reload; nothing was saved (the model is unchanged). Quantise again.`,
        page: 'training',
        pageTitle: 'Training',
      };
    case 'profiling':
      return {
        message: `Profiling of ${of} was interrupted by a page reload; nothing was saved. Profile again.`,
        page: 'profiling',
        pageTitle: 'Profiling',
      };
    case 'export':
      return {
        message: `Building the download of ${of} was interrupted by a page reload; nothing was downloaded. Download again.`,
        page: 'deployment',
        pageTitle: 'Deployment',
      };
  }
}

/** Tells the user of every job a reload interrupted, each with a way to the page that starts it again. */
export function reportInterruptedJobs(): void {
  for (const entry of takeInterruptedJobs()) {
    const { message, page, pageTitle } = interruptedNotice(entry);
    toast.info(message, { label: `Go to ${pageTitle}`, run: () => (location.hash = `#/${page}`) });
  }
}
