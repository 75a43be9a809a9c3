import { seededRandom, shuffleInPlace } from '../random';

/**
 * Holds out `fraction` of the rows for validation, per class (stratified), deterministically by seed. A class
 * with at least two rows keeps at least one in training and, when the fraction gives it any, one in validation.
 */
export function validationSplit(labels: ArrayLike<number>, fraction: number, seed: number): { trainIdx: Int32Array; valIdx: Int32Array } {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const list = byClass.get(labels[i]) ?? [];
    list.push(i);
    byClass.set(labels[i], list);
  }
  const rand = seededRandom(seed);
  const train: number[] = [];
  const val: number[] = [];
  for (const cls of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = shuffleInPlace(byClass.get(cls)!, rand);
    let held = Math.round(rows.length * fraction);
    if (fraction > 0 && rows.length >= 2) held = Math.max(1, held);
    held = Math.min(held, rows.length - 1);
    if (rows.length < 2) held = 0;
    val.push(...rows.slice(0, held));
    train.push(...rows.slice(held));
  }
  return { trainIdx: Int32Array.from(train.sort((a, b) => a - b)), valIdx: Int32Array.from(val.sort((a, b) => a - b)) };
}

/** Balanced class weights n / (k · count_c) over the classes present; 0 for an absent class. */
export function classWeights(labels: ArrayLike<number>, classCount: number): Float32Array {
  const counts = new Float64Array(classCount);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  const present = counts.filter((c) => c > 0).length;
  return Float32Array.from(counts, (c) => (c > 0 ? labels.length / (present * c) : 0));
}
