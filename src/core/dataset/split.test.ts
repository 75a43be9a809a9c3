import { describe, expect, it } from 'vitest';
import {
  autoCategories,
  categoryOfRank,
  defaultCategories,
  labelsWithoutTest,
  rebalance,
  trainTestRatio,
  type SplitKey,
} from './split';
import type { SampleCategory } from './sample';

/** 16-hex-digit ids like newId's, from a fixed-seed generator so the test is deterministic. */
function ids(n: number, seed = 12345): string[] {
  let state = seed;
  const word = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state.toString(16).padStart(8, '0');
  };
  return Array.from({ length: n }, () => word() + word());
}

/** `n` samples of `label`, added one a second from `t0`. */
function samples(label: string, n: number, t0 = 1_700_000_000_000, seed = 1): SplitKey[] {
  return ids(n, seed).map((id, i) => ({ id, label, createdAt: t0 + i * 1000 }));
}

const testingCount = (metas: SplitKey[]) =>
  [...defaultCategories(metas).values()].filter((c) => c === 'testing').length;

const shuffled = <T>(xs: T[]) =>
  xs
    .map((x, i) => [((i * 7919) % 101) / 101, x] as const)
    .sort(([a], [b]) => a - b)
    .map(([, x]) => x);

describe('the default split', () => {
  it('sends rank 2, 7, 12, … of each label to testing', () => {
    const ranks = Array.from({ length: 15 }, (_, k) => k);
    expect(ranks.filter((k) => categoryOfRank(k) === 'testing')).toEqual([2, 7, 12]);
  });

  it('is stratified: every label with 3 or more samples gets about 20 % test samples', () => {
    // The new-user test of issue 15: five idle recordings gave 5 train / 0 test, four wave ones 1 / 3.
    const metas = [...samples('idle', 5, 0, 1), ...samples('wave', 4, 0, 2), ...samples('circle', 2, 0, 3)];
    const categories = defaultCategories(metas);
    const tests = (label: string) =>
      metas.filter((m) => m.label === label && categories.get(m.id) === 'testing');
    expect(tests('idle')).toHaveLength(1);
    expect(tests('wave')).toHaveLength(1);
    expect(tests('circle')).toHaveLength(0);
    for (const [n, expected] of [
      [1, 0],
      [2, 0],
      [3, 1],
      [5, 1],
      [7, 1],
      [8, 2],
      [12, 2],
      [13, 3],
      [100, 20],
    ]) {
      expect(testingCount(samples('x', n))).toBe(expected);
    }
  });

  it('ranks by when samples were added, then by id, whatever order they are listed in', () => {
    const metas = samples('wave', 8);
    const categories = defaultCategories(metas);
    expect(metas.filter((m) => categories.get(m.id) === 'testing')).toEqual([metas[2], metas[7]]);
    expect(defaultCategories(shuffled(metas))).toEqual(categories);
    // Added at the same time (one import): the ids decide.
    const batch = samples('wave', 5).map((m) => ({ ...m, createdAt: 0 }));
    const byId = [...batch].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(defaultCategories(batch).get(byId[2].id)).toBe('testing');
    expect(testingCount(batch)).toBe(1);
  });

  it('does not change the default of existing samples when samples are added', () => {
    const all = [...samples('idle', 40, 0, 4), ...samples('wave', 40, 0, 5)];
    for (let n = 1; n < all.length; n++) {
      const before = defaultCategories(all.slice(0, n));
      const after = defaultCategories(all.slice(0, n + 1));
      for (const [id, category] of before) expect(after.get(id)).toBe(category);
    }
  });
});

describe('autoCategories', () => {
  it('gives a new sample the next rank of its label, one by one or as a batch', () => {
    const existing = [...samples('idle', 2, 0, 6), ...samples('wave', 6, 0, 7)];
    const [idle3] = samples('idle', 1, 10_000, 8);
    const [wave7] = samples('wave', 1, 10_000, 9);
    expect(autoCategories(existing, [idle3, wave7])).toEqual(['testing', 'training']);

    // Recording five samples one after the other: the third is for testing.
    const recorded: SplitKey[] = [];
    const got: SampleCategory[] = [];
    for (const m of samples('circle', 5, 20_000, 10)) {
      got.push(...autoCategories(recorded, [m]));
      recorded.push(m);
    }
    expect(got).toEqual(['training', 'training', 'testing', 'training', 'training']);
  });

  it('agrees with the default split, so a reset right after adding moves nothing', () => {
    const existing = samples('wave', 4, 0, 11);
    const batch = samples('wave', 9, 50_000, 12).map((m) => ({ ...m, createdAt: 50_000 }));
    const categories = autoCategories(existing, batch);
    const defaults = defaultCategories([...existing, ...batch]);
    expect(categories).toEqual(batch.map((m) => defaults.get(m.id)));
    expect(categories.filter((c) => c === 'testing')).toHaveLength(2); // ranks 7 and 12 of 13
  });
});

describe('rebalance', () => {
  it('lists only the samples whose category differs from the default, and a second reset moves nothing', () => {
    const metas = [...samples('idle', 30, 0, 13), ...samples('wave', 17, 0, 14)].map((m, i) => ({
      ...m,
      category: (i % 2 === 0 ? 'training' : 'testing') as SampleCategory,
    }));
    const before = structuredClone(metas);
    const moves = rebalance(metas);
    expect(metas).toEqual(before);
    const defaults = defaultCategories(metas);
    const wrong = metas.filter((m) => m.category !== defaults.get(m.id));
    expect(wrong.length).toBeGreaterThan(0);
    expect(moves).toEqual(wrong.map((m) => ({ id: m.id, category: defaults.get(m.id) })));
    const applied = metas.map((m) => ({
      ...m,
      category: moves.find((x) => x.id === m.id)?.category ?? m.category,
    }));
    expect(rebalance(applied)).toEqual([]);
    expect(labelsWithoutTest(applied)).toEqual([]);
  });

  it('after a reset every label with 3 or more samples has a test sample', () => {
    const metas = [
      ...samples('idle', 5, 0, 15),
      ...samples('wave', 3, 0, 16),
      ...samples('up', 2, 0, 17),
    ].map((m) => ({ ...m, category: 'training' as SampleCategory }));
    const moves = rebalance(metas);
    const applied = metas.map((m) => ({
      ...m,
      category: moves.find((x) => x.id === m.id)?.category ?? m.category,
    }));
    expect(labelsWithoutTest(applied)).toEqual([{ label: 'up', resetGivesTest: false }]);
  });
});

describe('labelsWithoutTest', () => {
  it('names the labels with no test sample, in label order, and whether a reset would give them one', () => {
    const m = (label: string, category: SampleCategory) => ({ label, category });
    expect(
      labelsWithoutTest([
        m('wave', 'training'),
        m('idle', 'training'),
        m('wave', 'training'),
        m('idle', 'training'),
        m('idle', 'training'),
        m('circle', 'testing'),
        m('circle', 'training'),
      ]),
    ).toEqual([
      { label: 'idle', resetGivesTest: true },
      { label: 'wave', resetGivesTest: false },
    ]);
  });
});

describe('trainTestRatio', () => {
  it('counts by number and by duration', () => {
    const r = trainTestRatio([
      { category: 'training', frameCount: 100, intervalMs: 10 },
      { category: 'training', frameCount: 16_000, intervalMs: 0.0625 },
      { category: 'testing', frameCount: 500, intervalMs: 1 },
    ]);
    expect(r.count).toEqual({ training: 2, testing: 1, trainingPct: (2 / 3) * 100 });
    expect(r.durationMs).toEqual({ training: 2000, testing: 500, trainingPct: 80 });
  });

  it('is 0 % of nothing when there are no samples', () => {
    expect(trainTestRatio([]).count).toEqual({ training: 0, testing: 0, trainingPct: 0 });
  });
});
