import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { imuSample } from '../platform/db/testFixtures';
import { importIntoProject, moveTo, rebalanceSplit, relabel } from './datasetActions';
import { useDataset } from './datasetStore';
import { getDb } from './db';
import { useToasts } from './toastStore';

const csv = (name: string) => new File(['timestamp,accX\n0,1\n10,2\n'], `${name}.csv`);

async function openProject(labels: string[] = []) {
  const db = await getDb();
  const project = await db.createProject('Split');
  await db.addSamples(
    project.id,
    labels.map((label) => imuSample(project.id, label)),
  );
  await useDataset.getState().load(project.id);
}

const categories = (label: string) =>
  [...useDataset.getState().samples]
    .filter((s) => s.label === label)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    .map((s) => s.category);

const lastToast = () => useToasts.getState().toasts.at(-1)?.message;

beforeEach(() => {
  useToasts.setState({ toasts: [] });
  // Each import at its own time, as a user's imports are.
  let clock = 1_700_000_000_000;
  vi.spyOn(Date, 'now').mockImplementation(() => (clock += 1000));
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the automatic split of imports', () => {
  it('gives every label with 3 or more files a test sample, in one batch or one by one', async () => {
    await openProject();
    await importIntoProject(
      ['idle.1', 'idle.2', 'idle.3', 'idle.4', 'idle.5', 'wave.1', 'wave.2', 'wave.3'].map(csv),
      { label: '', category: 'auto' },
    );
    expect(categories('idle').filter((c) => c === 'testing')).toHaveLength(1);
    expect(categories('wave').filter((c) => c === 'testing')).toHaveLength(1);
    for (const name of ['idle.6', 'idle.7', 'idle.8']) {
      await importIntoProject([csv(name)], { label: '', category: 'auto' });
    }
    // The three added after the first five take ranks 5, 6, 7: the last is for testing; none of the first moved.
    expect(categories('idle').slice(5)).toEqual(['training', 'training', 'testing']);
    expect(categories('idle').filter((c) => c === 'testing')).toHaveLength(2);
    await rebalanceSplit();
    expect(lastToast()).toBe('Nothing to move: every sample is already in its default category.');
  });
});

describe('Reset the train/test split', () => {
  it('gives each label of 3 or more samples a test sample, says which labels are too small, and is idempotent', async () => {
    await openProject(['idle', 'idle', 'idle', 'idle', 'idle', 'wave', 'wave', 'wave', 'up', 'up']);
    await rebalanceSplit();
    expect(categories('idle')).toEqual(['training', 'training', 'testing', 'training', 'training']);
    expect(categories('wave')).toEqual(['training', 'training', 'testing']);
    expect(categories('up')).toEqual(['training', 'training']);
    expect(useDataset.getState().undoStack.at(-1)?.description).toBe(
      'Reset the train/test split: 2 to testing, 0 to training',
    );
    expect(lastToast()).toMatch(/“up” has fewer than 3 samples, so no test sample/);
    const undoDepth = useDataset.getState().undoStack.length;
    await rebalanceSplit();
    expect(useDataset.getState().undoStack).toHaveLength(undoDepth);
    expect(lastToast()).toMatch(/^Nothing to move: every sample is already in its default category\. “up”/);
  });

  it('puts back samples the user moved, and a relabel moves no other sample', async () => {
    await openProject(['idle', 'idle', 'idle', 'wave', 'wave', 'wave']);
    await rebalanceSplit();
    const before = useDataset.getState().samples.map((s) => [s.id, s.category]);
    const wave = useDataset.getState().samples.filter((s) => s.label === 'wave');
    await relabel([wave[0].id], 'idle');
    expect(useDataset.getState().samples.map((s) => [s.id, s.category])).toEqual(before);

    await moveTo(
      useDataset.getState().samples.map((s) => s.id),
      'training',
    );
    await rebalanceSplit();
    expect(categories('idle').filter((c) => c === 'testing')).toHaveLength(1);
    expect(categories('wave')).toEqual(['training', 'training']);
  });
});
