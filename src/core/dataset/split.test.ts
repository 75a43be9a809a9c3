import { describe, expect, it } from 'vitest';
import { defaultCategory, rebalance, trainTestRatio } from './split';
import type { SampleCategory } from './sample';

/** 16-hex-digit ids like newId's, from a fixed-seed generator so the test is deterministic. */
function ids(n: number): string[] {
  let state = 12345;
  const word = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state.toString(16).padStart(8, '0');
  };
  return Array.from({ length: n }, () => word() + word());
}

describe('defaultCategory', () => {
  it('is a fixed function of the id (changing it would reshuffle every saved project)', () => {
    expect(defaultCategory('0123456789abcdef')).toBe('training'); // FNV-1a mod 100 = 45
    expect(defaultCategory('ffffffffffffffff')).toBe('testing'); // 93
    expect(defaultCategory('00000000deadbeef')).toBe('training'); // 21
  });

  it('sends about 80 % of ids to training', () => {
    const all = ids(10_000);
    const training = all.filter((id) => defaultCategory(id) === 'training').length;
    expect(training / all.length).toBeGreaterThan(0.78);
    expect(training / all.length).toBeLessThan(0.82);
  });
});

describe('rebalance', () => {
  it('lists only the samples whose category differs from the default', () => {
    const metas = ids(200).map((id, i) => ({
      id,
      category: (i % 2 === 0 ? 'training' : 'testing') as SampleCategory,
    }));
    const before = structuredClone(metas);
    const moves = rebalance(metas);
    expect(metas).toEqual(before);
    const wrong = metas.filter((m) => m.category !== defaultCategory(m.id));
    expect(moves).toEqual(wrong.map((m) => ({ id: m.id, category: defaultCategory(m.id) })));
    const applied = metas.map((m) => ({
      ...m,
      category: moves.find((x) => x.id === m.id)?.category ?? m.category,
    }));
    expect(rebalance(applied)).toEqual([]);
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
