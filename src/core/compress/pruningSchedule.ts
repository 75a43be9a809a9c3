/**
 * Magnitude pruning's polynomial-decay schedule (Zhu & Gupta, 2017, as TF-MOT's PolynomialDecay): sparsity
 * rises from `initialSparsity` at `beginStep` to `finalSparsity` at `endStep` as
 * s = final + (initial − final)·(1 − progress)^power, and changes only every `frequency` steps (and at endStep).
 */
export interface PruningSchedule {
  initialSparsity: number;
  finalSparsity: number;
  beginStep: number;
  endStep: number;
  /** Masks are recomputed every this many optimizer steps. */
  frequency: number;
  /** 3 in the paper and TF-MOT: prunes fast early, when there are many redundant weights. */
  power: number;
}

/** The step at which the masks in force at `step` were computed, or null before pruning begins. */
export function lastUpdateStep(step: number, s: PruningSchedule): number | null {
  if (step < s.beginStep) return null;
  if (step >= s.endStep) return s.endStep;
  return s.beginStep + Math.floor((step - s.beginStep) / s.frequency) * s.frequency;
}

/** Whether the masks are recomputed at this step. */
export function isUpdateStep(step: number, s: PruningSchedule): boolean {
  return lastUpdateStep(step, s) === step;
}

/** The sparsity in force at `step` (0 before beginStep, finalSparsity from endStep on). */
export function scheduledSparsity(step: number, s: PruningSchedule): number {
  const at = lastUpdateStep(step, s);
  if (at === null) return 0;
  const span = s.endStep - s.beginStep;
  const progress = span > 0 ? (at - s.beginStep) / span : 1;
  return s.finalSparsity + (s.initialSparsity - s.finalSparsity) * (1 - progress) ** s.power;
}

/** How many of `count` weights a sparsity prunes (rounded to the nearest weight). */
export function prunedCount(count: number, sparsity: number): number {
  return Math.min(count, Math.round(count * sparsity));
}

/**
 * The mask (1 keep, 0 prune) that zeroes the `prunedCount` smallest-magnitude weights. Equal magnitudes are
 * pruned in index order, so the mask is deterministic.
 */
export function magnitudeMask(weights: Float32Array, sparsity: number): Uint8Array {
  const order = Array.from(weights.keys()).sort(
    (a, b) => Math.abs(weights[a]) - Math.abs(weights[b]) || a - b,
  );
  const mask = new Uint8Array(weights.length).fill(1);
  const pruned = prunedCount(weights.length, sparsity);
  for (let i = 0; i < pruned; i++) mask[order[i]] = 0;
  return mask;
}

/** The fraction of exact zeros in a weight tensor. */
export function sparsityOf(weights: ArrayLike<number>): number {
  let zeros = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i] === 0) zeros++;
  return weights.length ? zeros / weights.length : 0;
}
