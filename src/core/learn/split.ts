import { StudioError } from '../errors';
import { seededRandom, shuffleInPlace } from '../random';

export interface ValidationSplit {
  /** Row indices, ascending. */
  trainIdx: Int32Array;
  valIdx: Int32Array;
}

/**
 * Holds out round(fraction × n_c) of each class's n_c rows for validation (stratified), picked by a seeded
 * shuffle so the same seed gives the same split. A class with at least two rows keeps at least one in training
 * and, when the fraction is above 0, gets at least one in validation; a class with one row stays in training.
 */
export function validationSplit(labels: ArrayLike<number>, fraction: number, seed: number): ValidationSplit {
  if (!(fraction >= 0 && fraction < 1)) {
    throw new StudioError(
      'validation-split',
      `The validation split must be at least 0 and below 1 (it is ${fraction}).`,
    );
  }
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const rows = byClass.get(labels[i]);
    if (rows) rows.push(i);
    else byClass.set(labels[i], [i]);
  }
  const rand = seededRandom(seed);
  const train: number[] = [];
  const val: number[] = [];
  for (const cls of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = shuffleInPlace(byClass.get(cls)!, rand);
    const n = rows.length;
    const held = n < 2 ? 0 : Math.min(n - 1, Math.max(fraction > 0 ? 1 : 0, Math.round(n * fraction)));
    val.push(...rows.slice(0, held));
    train.push(...rows.slice(held));
  }
  const ascending = (a: number, b: number) => a - b;
  return { trainIdx: Int32Array.from(train.sort(ascending)), valIdx: Int32Array.from(val.sort(ascending)) };
}

/**
 * Balanced class weights n / (k · n_c), k being the number of classes present, so that every present class
 * carries the same total weight and the weights sum to n over the rows; an absent class gets 0.
 */
export function classWeights(labels: ArrayLike<number>, classCount: number): Float32Array {
  const counts = new Float64Array(classCount);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (!(Number.isInteger(c) && c >= 0 && c < classCount)) {
      throw new StudioError('class-weights', `Row ${i} has class ${c}, outside the ${classCount} classes.`);
    }
    counts[c]++;
  }
  const present = counts.filter((c) => c > 0).length;
  return Float32Array.from(counts, (c) => (c > 0 ? labels.length / (present * c) : 0));
}
