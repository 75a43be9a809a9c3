import { StudioError } from '../errors';

/** Per-feature standardisation fitted on training rows; plain arrays, so it stores as JSON or in IndexedDB. */
export interface FeatureScaler {
  mean: number[];
  /** Population standard deviation; 1 for a feature that is constant in training (it then only shifts). */
  std: number[];
}

/** Fits each feature's mean and standard deviation on the training rows (two passes, in float64). */
export function fitScaler(rows: readonly ArrayLike<number>[]): FeatureScaler {
  if (rows.length === 0)
    throw new StudioError('scaler-no-rows', 'There are no training windows to scale by.');
  const dims = rows[0].length;
  const mean = new Array<number>(dims).fill(0);
  rows.forEach((row, i) => {
    if (row.length !== dims) {
      throw new StudioError('scaler-rows', `Window ${i} has ${row.length} features; the first has ${dims}.`);
    }
    for (let j = 0; j < dims; j++) mean[j] += row[j];
  });
  for (let j = 0; j < dims; j++) mean[j] /= rows.length;
  const variance = new Array<number>(dims).fill(0);
  for (const row of rows) for (let j = 0; j < dims; j++) variance[j] += (row[j] - mean[j]) ** 2;
  const std = variance.map((v) => {
    const s = Math.sqrt(v / rows.length);
    return s > 1e-12 ? s : 1;
  });
  return { mean, std };
}

/** (x − mean) / std per feature, as a new row. */
export function applyScaler(scaler: FeatureScaler, row: ArrayLike<number>): Float32Array {
  if (row.length !== scaler.mean.length) {
    throw new StudioError(
      'scaler-features',
      `The window has ${row.length} features but the scaler was fitted on ${scaler.mean.length}.`,
    );
  }
  return Float32Array.from({ length: row.length }, (_, j) => (row[j] - scaler.mean[j]) / scaler.std[j]);
}
