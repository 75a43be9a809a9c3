import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { Random } from '../virtual/random';
import { umap2, UMAP_PCA_ROW_LIMIT } from './umap2';

/** `n` windows in `d` dimensions around 3 centres 10 apart (unit noise per feature); label = i % 3. */
function blobs(n: number, d: number, seed = 11): { rows: Float32Array[]; labels: number[] } {
  const random = new Random(seed);
  const centres = [0, 1, 2].map((k) => Float64Array.from({ length: d }, (_, j) => (j % 3 === k ? 10 : 0)));
  const labels = Array.from({ length: n }, (_, i) => i % 3);
  const rows = labels.map((k) => Float32Array.from(centres[k], (c) => c + random.gaussian()));
  return { rows, labels };
}

/** Share of points whose own class centroid (in the embedding) is the nearest one. */
function nearestCentroidAccuracy(points: Float32Array, labels: number[]): number {
  const centroids = [0, 1, 2].map((k) => {
    let x = 0;
    let y = 0;
    let count = 0;
    labels.forEach((l, i) => {
      if (l !== k) return;
      x += points[2 * i];
      y += points[2 * i + 1];
      count++;
    });
    return [x / count, y / count];
  });
  let correct = 0;
  labels.forEach((l, i) => {
    const d = centroids.map(([x, y]) => Math.hypot(points[2 * i] - x, points[2 * i + 1] - y));
    if (d.indexOf(Math.min(...d)) === l) correct++;
  });
  return correct / labels.length;
}

/** Mean silhouette: (b − a) / max(a, b) with a the mean distance within the class, b to the nearest other. */
function silhouette(points: Float32Array, labels: number[]): number {
  let total = 0;
  labels.forEach((l, i) => {
    const sums = [0, 0, 0];
    const counts = [0, 0, 0];
    labels.forEach((m, j) => {
      if (i === j) return;
      sums[m] += Math.hypot(points[2 * i] - points[2 * j], points[2 * i + 1] - points[2 * j + 1]);
      counts[m]++;
    });
    const a = sums[l] / counts[l];
    const b = Math.min(...[0, 1, 2].filter((m) => m !== l).map((m) => sums[m] / counts[m]));
    total += (b - a) / Math.max(a, b);
  });
  return total / labels.length;
}

function catchError(run: () => unknown): StudioError {
  try {
    run();
  } catch (e) {
    if (e instanceof StudioError) return e;
    throw e;
  }
  throw new Error('expected a StudioError');
}

describe('umap2', () => {
  it('keeps 3 Gaussian blobs in 20-D apart, and the same seed gives the same embedding', () => {
    const { rows, labels } = blobs(300, 20);
    const progress: number[] = [];
    const points = umap2(rows, { seed: 1, onProgress: (f) => progress.push(f) });
    expect(points).toHaveLength(600);
    expect(points.every(Number.isFinite)).toBe(true);
    expect(nearestCentroidAccuracy(points, labels)).toBeGreaterThanOrEqual(0.95);
    expect(silhouette(points, labels)).toBeGreaterThan(0.7);

    expect(Array.from(umap2(rows, { seed: 1 }))).toEqual(Array.from(points));
    expect(Array.from(umap2(rows, { seed: 2 }))).not.toEqual(Array.from(points));

    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1]);
  });

  it(`reduces more than ${UMAP_PCA_ROW_LIMIT} windows with PCA first and still separates the blobs`, () => {
    const { rows, labels } = blobs(UMAP_PCA_ROW_LIMIT + 1, 120, 5);
    const points = umap2(rows, { seed: 3, nEpochs: 30 });
    expect(points).toHaveLength(2 * rows.length);
    expect(nearestCentroidAccuracy(points, labels)).toBeGreaterThanOrEqual(0.95);
  });

  it('handles a handful of windows by capping the neighbour count', () => {
    const { rows } = blobs(4, 5);
    const points = umap2(rows, { seed: 1 });
    expect(points).toHaveLength(8);
    expect(points.every(Number.isFinite)).toBe(true);
  });

  it('rejects too few windows and bad parameters, and can be cancelled', () => {
    const { rows } = blobs(60, 5);
    expect(catchError(() => umap2(rows.slice(0, 2), { seed: 1 })).code).toBe('projection-too-few-rows');
    expect(catchError(() => umap2(rows, { seed: 1, nNeighbors: 1 })).code).toBe('projection-params');
    const controller = new AbortController();
    const error = catchError(() =>
      umap2(rows, { seed: 1, signal: controller.signal, onProgress: (f) => f > 0.5 && controller.abort() }),
    );
    expect(error.code).toBe('projection-cancelled');
  });
});
