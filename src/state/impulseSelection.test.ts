import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Impulse } from '../core/impulse/impulse';

/** The settings and impulses a reload finds in IndexedDB. */
const db = vi.hoisted(() => ({
  settings: new Map<string, unknown>(),
  impulses: [] as Impulse[],
}));
vi.mock('./db', () => ({
  getDb: async () => ({
    getSetting: async (key: string) => db.settings.get(key),
    setSetting: async (key: string, value: unknown) => void db.settings.set(key, value),
    listImpulses: async () => db.impulses,
    loadImpulses: async () => ({ records: db.impulses, skipped: [] }),
    putImpulse: async (i: Impulse) => void db.impulses.push(i),
    cancelInterruptedRuns: async () => undefined,
  }),
}));
vi.mock('../platform/workers/dspClient', () => ({ dspWorker: () => ({}) }));
vi.mock('../platform/workers/trainClient', () => ({ trainWorker: () => ({}) }));

const { useImpulses } = await import('./impulseStore');
const { pickImpulse, lastImpulseKey } = await import('./impulseSelection');

const settle = () => new Promise((r) => setTimeout(r, 0));
const impulse = (id: string, projectId = 'p'): Impulse => ({
  id,
  projectId,
  name: id,
  input: { windowSizeMs: 1000, windowStrideMs: 500, frequencyHz: 100, zeroPad: true, axes: ['accX'] },
  dsp: { block: 'raw', params: {} },
  createdAt: 0,
  updatedAt: 0,
});

describe('pickImpulse', () => {
  const list = [impulse('a'), impulse('b')];
  it('takes the remembered impulse while it exists, else the first', () => {
    expect(pickImpulse(list, 'b')).toBe('b');
    expect(pickImpulse(list, 'deleted')).toBe('a');
    expect(pickImpulse(list, undefined)).toBe('a');
    expect(pickImpulse([], 'b')).toBeNull();
  });
});

describe('the last-used impulse across reloads', () => {
  beforeEach(() => {
    db.settings.clear();
    db.impulses = [impulse('a'), impulse('b'), impulse('c')];
    useImpulses.setState({ projectId: null, impulses: [], selectedId: null, run: null, projection: null });
  });

  it('selects again, after a reload, the impulse last selected in the project', async () => {
    await useImpulses.getState().load('p');
    expect(useImpulses.getState().selectedId).toBe('a');
    useImpulses.getState().select('b');
    await settle();
    expect(db.settings.get(lastImpulseKey('p'))).toBe('b');

    await useImpulses.getState().load('p');
    expect(useImpulses.getState().selectedId).toBe('b');
  });

  it('remembers a newly created impulse, per project', async () => {
    db.settings.set(lastImpulseKey('other'), 'c');
    await useImpulses.getState().load('p');
    await useImpulses.getState().create();
    await settle();
    const created = useImpulses.getState().selectedId;
    expect(db.settings.get(lastImpulseKey('p'))).toBe(created);
    expect(db.settings.get(lastImpulseKey('other'))).toBe('c');

    await useImpulses.getState().load('p');
    expect(useImpulses.getState().selectedId).toBe(created);
  });
});
