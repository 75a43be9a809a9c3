import { fnv1a32 } from './hash';
import { durationMs, type SampleCategory, type SampleMeta } from './sample';

/** Share of samples that go to training by default (DESIGN.md §3: 80/20). */
const TRAINING_PERCENT = 80;

/** The deterministic default category of a sample: FNV-1a of its id, mod 100, below 80 → training. */
export function defaultCategory(sampleId: string): SampleCategory {
  return fnv1a32(sampleId) % 100 < TRAINING_PERCENT ? 'training' : 'testing';
}

export interface CategoryMove {
  id: string;
  category: SampleCategory;
}

/** The moves that put every sample in its default category; samples already there are left out. */
export function rebalance(metas: ReadonlyArray<Pick<SampleMeta, 'id' | 'category'>>): CategoryMove[] {
  const moves: CategoryMove[] = [];
  for (const m of metas) {
    const category = defaultCategory(m.id);
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
