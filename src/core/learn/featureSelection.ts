import { StudioError } from '../errors';

/** The features at `indices`, in that order, as a new row (e.g. the RMS of each axis for anomaly detection). */
export function selectFeatures(row: ArrayLike<number>, indices: readonly number[]): Float32Array {
  return Float32Array.from(indices, (i) => {
    if (!(Number.isInteger(i) && i >= 0 && i < row.length)) {
      throw new StudioError(
        'feature-index',
        `Feature ${i} does not exist: the window has features 0 to ${row.length - 1}.`,
      );
    }
    return row[i];
  });
}
