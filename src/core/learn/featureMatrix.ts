import { StudioError } from '../errors';

/**
 * Checks and standardisation shared by the feature projections. A feature matrix is one Float32Array per
 * window, all of the same length; it is never copied, because 20,000 windows × 4,000 features is 320 MB.
 */

/** Per-feature statistics: `scale` is 1/std, or 0 for a constant feature, which drops it from every sum. */
export interface FeatureScaling {
  rows: number;
  width: number;
  mean: Float64Array;
  scale: Float64Array;
  /** Indices of the features that vary, ascending. */
  kept: Uint32Array;
}

/** Throws a StudioError ('projection-cancelled') once `signal` is aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new StudioError('projection-cancelled', 'The feature projection was cancelled.');
}

/**
 * Mean and population standard deviation of every feature (two passes in float64, so a constant feature
 * comes out with a deviation of rounding size only). Throws a StudioError with a message for the user when
 * there are fewer than `minRows` windows, rows of different lengths, a NaN or infinite value, or no feature
 * that varies.
 */
export function featureScaling(rows: readonly Float32Array[], minRows: number): FeatureScaling {
  const n = rows.length;
  if (n < minRows) {
    throw new StudioError(
      'projection-too-few-rows',
      `The feature explorer needs at least ${minRows} windows to project; there ${n === 1 ? 'is' : 'are'} ${n}.`,
    );
  }
  const width = rows[0].length;
  const sum = new Float64Array(width);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (row.length !== width) {
      throw new StudioError(
        'projection-ragged-rows',
        `Window ${i + 1} has ${row.length} features but window 1 has ${width}; every window needs the same count.`,
      );
    }
    for (let j = 0; j < width; j++) sum[j] += row[j];
  }
  // NaN and ±Infinity survive a sum (a float32 value cannot overflow a float64 sum of 2^53 terms).
  for (let j = 0; j < width; j++) if (!Number.isFinite(sum[j])) throw nonFinite(rows, j);

  const mean = new Float64Array(width);
  for (let j = 0; j < width; j++) mean[j] = sum[j] / n;
  const squares = new Float64Array(width);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    for (let j = 0; j < width; j++) {
      const d = row[j] - mean[j];
      squares[j] += d * d;
    }
  }
  const scale = new Float64Array(width);
  const kept: number[] = [];
  for (let j = 0; j < width; j++) {
    const std = Math.sqrt(squares[j] / n);
    // An exactly constant feature still shows a deviation of float64 rounding size, about 1e-16 × |mean|.
    if (std > 1e-12 * Math.abs(mean[j])) {
      scale[j] = 1 / std;
      kept.push(j);
    }
  }
  if (kept.length === 0) {
    throw new StudioError(
      'projection-constant-features',
      `All ${width} features have the same value in every window, so there is nothing to plot. ` +
        'Check the processing block parameters, or record more varied data.',
    );
  }
  return { rows: n, width, mean, scale, kept: Uint32Array.from(kept) };
}

function nonFinite(rows: readonly Float32Array[], feature: number): StudioError {
  const row = rows.findIndex((r) => !Number.isFinite(r[feature]));
  return new StudioError(
    'projection-non-finite',
    `Feature ${feature + 1} of window ${row + 1} is ${rows[row][feature]}; features must be finite numbers.`,
  );
}
