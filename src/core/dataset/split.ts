import { compareLabels } from './labels';
import { durationMs, type SampleCategory, type SampleMeta } from './sample';

/**
 * The default train/test split, stratified per label (DESIGN.md §3 asks for 80/20, deterministic). Within each
 * label, samples are ranked by the order they were added — (createdAt, id) — and the sample of rank k is for
 * testing iff k mod 5 = 2: ranks 2, 7, 12, … So a label's first two samples train, 3 to 7 samples give one test
 * sample, 8 to 12 give two, and so on: about 20 % per label. A sample added after the others takes the next rank,
 * so adding samples never changes the default category of those already there. Disabled samples count too, so
 * that enabling or disabling one does not shift the ranks of the others.
 */
const TEST_EVERY = 5;
const TEST_RANK = 2;
/** The fewest samples of a label for which the default split has a test sample. */
export const MIN_SAMPLES_FOR_TEST = TEST_RANK + 1;

export type SplitKey = Pick<SampleMeta, 'id' | 'label' | 'createdAt'>;

/** The default category of the sample of rank `rank` (0-based) within its label. */
export function categoryOfRank(rank: number): SampleCategory {
  return rank % TEST_EVERY === TEST_RANK ? 'testing' : 'training';
}

function byAddition(a: SplitKey, b: SplitKey): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The default category of every sample, by id. */
export function defaultCategories(metas: readonly SplitKey[]): Map<string, SampleCategory> {
  const byLabel = new Map<string, SplitKey[]>();
  for (const m of metas) {
    const group = byLabel.get(m.label);
    if (group) group.push(m);
    else byLabel.set(m.label, [m]);
  }
  const categories = new Map<string, SampleCategory>();
  for (const group of byLabel.values()) {
    group.sort(byAddition).forEach((m, rank) => categories.set(m.id, categoryOfRank(rank)));
  }
  return categories;
}

/**
 * The automatic categories of samples being added (in the order given): each is what the default split gives
 * it among the existing samples plus the added ones, so a reset right after an addition moves nothing. Samples
 * added together with the same createdAt are ranked by id among themselves.
 */
export function autoCategories(existing: readonly SplitKey[], added: readonly SplitKey[]): SampleCategory[] {
  const labels = new Set(added.map((m) => m.label));
  const categories = defaultCategories([...existing.filter((m) => labels.has(m.label)), ...added]);
  return added.map((m) => categories.get(m.id)!);
}

export interface CategoryMove {
  id: string;
  category: SampleCategory;
}

/** The moves that put every sample in its default category; samples already there are left out. */
export function rebalance(metas: ReadonlyArray<SplitKey & Pick<SampleMeta, 'category'>>): CategoryMove[] {
  const categories = defaultCategories(metas);
  const moves: CategoryMove[] = [];
  for (const m of metas) {
    const category = categories.get(m.id)!;
    if (category !== m.category) moves.push({ id: m.id, category });
  }
  return moves;
}

export interface SplitShare {
  training: number;
  testing: number;
  /** training / (training + testing) × 100; 0 when there is nothing to count. */
  trainingPct: number;
}

export interface TrainTestRatio {
  count: SplitShare;
  durationMs: SplitShare;
}

/** The train/test split of every listed sample (enabled or not), by number of samples and by duration. */
export function trainTestRatio(
  metas: ReadonlyArray<Pick<SampleMeta, 'category' | 'frameCount' | 'intervalMs'>>,
): TrainTestRatio {
  let trainingCount = 0;
  let testingCount = 0;
  let trainingMs = 0;
  let testingMs = 0;
  for (const m of metas) {
    if (m.category === 'training') {
      trainingCount++;
      trainingMs += durationMs(m);
    } else {
      testingCount++;
      testingMs += durationMs(m);
    }
  }
  return { count: share(trainingCount, testingCount), durationMs: share(trainingMs, testingMs) };
}

function share(training: number, testing: number): SplitShare {
  const total = training + testing;
  return { training, testing, trainingPct: total > 0 ? (training / total) * 100 : 0 };
}

export interface LabelWithoutTest {
  label: string;
  /** Whether "Reset the split" would give it a test sample (it has at least MIN_SAMPLES_FOR_TEST). */
  resetGivesTest: boolean;
}

/** The labels that have samples but none for testing, in label order: Testing cannot measure them. */
export function labelsWithoutTest(
  metas: ReadonlyArray<Pick<SampleMeta, 'label' | 'category'>>,
): LabelWithoutTest[] {
  const counts = new Map<string, { count: number; testing: number }>();
  for (const m of metas) {
    const c = counts.get(m.label) ?? { count: 0, testing: 0 };
    c.count++;
    if (m.category === 'testing') c.testing++;
    counts.set(m.label, c);
  }
  return [...counts.entries()]
    .filter(([, c]) => c.testing === 0)
    .sort(([a], [b]) => compareLabels(a, b))
    .map(([label, c]) => ({ label, resetGivesTest: c.count >= MIN_SAMPLES_FOR_TEST }));
}
