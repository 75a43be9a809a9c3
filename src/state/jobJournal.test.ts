import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  interruptedNotice,
  journaled,
  setJournalStorage,
  takeInterruptedJobs,
  type JournalStorage,
} from './jobJournal';

class MemoryStorage implements JournalStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  setJournalStorage(storage);
});
afterEach(() => setJournalStorage(null));

/** A job the test settles by hand. */
function controlledJob<T>() {
  let settle!: { resolve: (v: T) => void; reject: (e: unknown) => void };
  const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  return { job: () => promise, settle };
}

describe('jobJournal', () => {
  it('keeps an entry while the job runs and removes it when it succeeds', async () => {
    const { job, settle } = controlledJob<number>();
    const running = journaled('training', 'Gestures', job);
    expect(JSON.parse(storage.getItem('tinyml-studio.jobJournal')!)).toMatchObject([
      { kind: 'training', subject: 'Gestures' },
    ]);
    settle.resolve(7);
    expect(await running).toBe(7);
    expect(takeInterruptedJobs()).toEqual([]);
  });

  it('removes the entry of a job that fails, and passes the failure on', async () => {
    const { job, settle } = controlledJob<never>();
    const running = journaled('profiling', 'model.tflite', job);
    settle.reject(new Error('worker died'));
    await expect(running).rejects.toThrow('worker died');
    expect(takeInterruptedJobs()).toEqual([]);
  });

  it('reports the jobs still running when the page went away, once, and leaves other jobs alone', async () => {
    const training = controlledJob<void>();
    const exporting = controlledJob<void>();
    const done = journaled('training', 'Gestures', training.job);
    void journaled('export', 'Gestures', exporting.job);
    training.settle.resolve();
    await done;
    // A reload: the page that ran the export is gone; the new page reads the journal.
    const interrupted = takeInterruptedJobs();
    expect(interrupted.map((e) => e.kind)).toEqual(['export']);
    expect(takeInterruptedJobs()).toEqual([]);
  });

  it('skips what is not a journal entry (a corrupt or foreign value)', () => {
    storage.setItem(
      'tinyml-studio.jobJournal',
      JSON.stringify([{ kind: 'training' }, { id: '1', kind: 'features', subject: 'A', startedAt: 1 }, 3]),
    );
    expect(takeInterruptedJobs().map((e) => e.subject)).toEqual(['A']);
    storage.setItem('tinyml-studio.jobJournal', '{not json');
    expect(takeInterruptedJobs()).toEqual([]);
  });

  it('still runs the job when the storage refuses writes', async () => {
    setJournalStorage({
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    });
    expect(await journaled('features', 'A', async () => 'ok')).toBe('ok');
  });

  it('says which job was interrupted, that nothing was saved, and where to start it again', () => {
    const notice = (kind: Parameters<typeof journaled>[0]) =>
      interruptedNotice({ id: '1', kind, subject: 'Gestures', startedAt: 0 });
    expect(notice('training').message).toMatch(
      /^Training of “Gestures” was interrupted by a page reload; nothing was saved/,
    );
    expect(notice('training').page).toBe('training');
    expect(notice('quantisation').page).toBe('training');
    expect(notice('features').message).toContain('no half-finished feature set was saved');
    expect(notice('features').page).toBe('impulse');
    expect(notice('profiling').page).toBe('profiling');
    expect(notice('export').message).toContain('nothing was downloaded');
    expect(notice('export').page).toBe('deployment');
  });
});
