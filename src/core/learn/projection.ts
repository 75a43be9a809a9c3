import { pca2 } from './pca';
import { umap2, UMAP_PCA_DIMENSIONS, UMAP_PCA_ROW_LIMIT } from './umap2';

/** The feature explorer's projections of a feature matrix to 2-D; the worker calls `projectFeatures`. */

export type ProjectionMethod = 'pca' | 'umap';

export interface ProjectionOptions {
  /** UMAP only: the seed of its random generator (default 1). PCA is deterministic without one. */
  seed?: number;
  /** UMAP only: neighbours per point (default 15). */
  nNeighbors?: number;
  /** Aborting throws a StudioError ('projection-cancelled'). */
  signal?: AbortSignal;
  /** Fraction done, 0…1, non-decreasing. */
  onProgress?: (fraction: number) => void;
}

export interface Projection {
  /** Interleaved x0, y0, x1, y1…, one point per row of the input. */
  points: Float32Array;
  method: ProjectionMethod;
  /** One sentence for the user on what the axes mean, e.g. the variance the two components explain. */
  note: string;
  /** Axis titles for the scatter plot. */
  axisTitles: [string, string];
}

/** Projects `rows` (one Float32Array of features per window, all the same length) to 2-D. */
export function projectFeatures(
  rows: readonly Float32Array[],
  method: ProjectionMethod,
  options: ProjectionOptions = {},
): Projection {
  const { seed = 1, nNeighbors = 15, signal, onProgress } = options;
  const size = `${rows.length} windows × ${rows[0]?.length ?? 0} features`;
  if (method === 'pca') {
    const { points, explainedVariance, keptFeatures, stop } = pca2(rows, { signal, onProgress });
    const [first, second] = explainedVariance.map(percent);
    const dropped = (rows[0]?.length ?? 0) - keptFeatures;
    return {
      points,
      method,
      note:
        `PCA of ${size}` +
        (dropped > 0 ? ` (${dropped} constant ${dropped === 1 ? 'feature' : 'features'} left out)` : '') +
        `, each feature standardised: the two components explain ${first} and ${second} of the variance.` +
        (stop === 'stalled'
          ? ' Several components explain almost the same variance, so these two directions are one choice of many.'
          : ''),
      axisTitles: [`PC 1 (${first})`, `PC 2 (${second})`],
    };
  }
  const points = umap2(rows, { seed, nNeighbors, signal, onProgress });
  const reduced =
    rows.length > UMAP_PCA_ROW_LIMIT ? `, reduced first to ${UMAP_PCA_DIMENSIONS} principal components` : '';
  return {
    points,
    method,
    note:
      `UMAP of ${size}, each feature standardised${reduced} (${nNeighbors} neighbours, seed ${seed}). ` +
      'It keeps neighbouring windows together; the distances between clusters and their sizes mean little.',
    axisTitles: ['UMAP 1', 'UMAP 2'],
  };
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)} %`;
}
