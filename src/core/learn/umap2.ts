import { UMAP } from 'umap-js';
import { StudioError } from '../errors';
import { Random } from '../virtual/random';
import { featureScaling, throwIfCancelled } from './featureMatrix';
import { principalComponents } from './pca';

/**
 * A 2-D UMAP embedding of a feature matrix (umap-js), reproducible for a given seed: umap-js draws every
 * random number (random-projection trees, NN-descent, initial layout, negative sampling) from the function
 * it is given, and here that is a seeded mulberry32 generator instead of Math.random.
 *
 * Features are standardised first, as for PCA, so a feature with a large range (a log energy next to 0…1
 * spectral bins) does not decide the neighbourhoods alone. Above UMAP_PCA_ROW_LIMIT windows they are also
 * reduced to at most UMAP_PCA_DIMENSIONS principal components before the neighbour search: umap-js holds its
 * input as arrays of JS numbers and computes every distance in full dimension, which for 20,000 windows of
 * thousands of features costs gigabytes and minutes; 50 components keep the neighbourhood structure.
 */

export interface Umap2Options {
  /** Same seed, same rows → the same embedding, bit for bit (in the same JS engine). */
  seed: number;
  /** Neighbours per point in the fuzzy graph (umap-js default 15); capped at windows − 1. */
  nNeighbors?: number;
  /** umap-js `minDist` (default 0.1): how tightly points may pack in the embedding. */
  minDist?: number;
  /** Optimisation epochs; by default umap-js's choice (500 up to 2,500 windows, fewer above). */
  nEpochs?: number;
  /** Checked between epochs and between rows of the PCA: an abort throws 'projection-cancelled'. */
  signal?: AbortSignal;
  /** Fraction done, 0…1, non-decreasing. The neighbour search in between reports nothing. */
  onProgress?: (fraction: number) => void;
}

/** Above this many windows the features go through PCA first. */
export const UMAP_PCA_ROW_LIMIT = 5000;
/** How many principal components are kept then (fewer if fewer features vary). */
export const UMAP_PCA_DIMENSIONS = 50;
/** UMAP needs at least one neighbour besides the point itself and a graph with more than one edge. */
const MIN_ROWS = 3;

/** Interleaved x0, y0, x1, y1… for the windows of `rows`. */
export function umap2(rows: readonly Float32Array[], options: Umap2Options): Float32Array {
  const { seed, nNeighbors = 15, minDist = 0.1, nEpochs, signal, onProgress } = options;
  if (!Number.isInteger(nNeighbors) || nNeighbors < 2) {
    throw new StudioError(
      'projection-params',
      `UMAP needs at least 2 neighbours per point, not ${nNeighbors}.`,
    );
  }
  let reported = 0;
  const report = (fraction: number) => {
    if (fraction <= reported) return;
    reported = fraction;
    onProgress?.(fraction);
  };
  // Share of the progress bar that each stage gets, from timings of 2,000 × 40 and 20,000 × 650 in Node.
  const reduce = rows.length > UMAP_PCA_ROW_LIMIT;
  const preparedAt = reduce ? 0.2 : 0.02;
  const graphAt = reduce ? 0.55 : 0.2;

  const input = reduce
    ? principalScores(rows, signal, (f) => report(f * preparedAt))
    : standardisedRows(rows, signal);
  report(preparedAt);

  const random = new Random(seed);
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: Math.min(nNeighbors, input.length - 1),
    minDist,
    nEpochs,
    random: () => random.next(),
    distanceFn: euclidean,
  });
  throwIfCancelled(signal);
  const epochs = umap.initializeFit(input);
  report(graphAt);
  for (let epoch = 0; epoch < epochs; epoch++) {
    throwIfCancelled(signal);
    umap.step();
    report(graphAt + ((1 - graphAt) * (epoch + 1)) / epochs);
  }

  const embedding = umap.getEmbedding();
  const points = new Float32Array(embedding.length * 2);
  embedding.forEach(([x, y], i) => {
    points[2 * i] = x;
    points[2 * i + 1] = y;
  });
  return points;
}

/** The varying features, standardised, as the plain number arrays umap-js takes. */
function standardisedRows(rows: readonly Float32Array[], signal: AbortSignal | undefined): number[][] {
  const { mean, scale, kept } = featureScaling(rows, MIN_ROWS);
  return rows.map((row, i) => {
    if ((i & 255) === 0) throwIfCancelled(signal);
    return Array.from(kept, (j) => (row[j] - mean[j]) * scale[j]);
  });
}

/**
 * Scores on the leading principal components. The subspace matters here, not each component to the last
 * digit, so a few block iterations suffice (as in a randomised SVD with power iterations).
 */
function principalScores(
  rows: readonly Float32Array[],
  signal: AbortSignal | undefined,
  onProgress: (fraction: number) => void,
): number[][] {
  const pc = principalComponents(rows, UMAP_PCA_DIMENSIONS, {
    tolerance: 1e-3,
    maxIterations: 4,
    signal,
    onProgress,
  });
  const k = Math.min(pc.count, pc.keptFeatures);
  return rows.map((_, i) => Array.from(pc.scores.subarray(i * pc.count, i * pc.count + k)));
}

function euclidean(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    sum += d * d;
  }
  return Math.sqrt(sum);
}
