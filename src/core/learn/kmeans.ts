import { StudioError } from '../errors';
import { seededRandom } from '../random';

export interface KMeansCluster {
  center: Float32Array;
  /** The largest distance from a member to the centre (see `fitKMeans`). */
  radius: number;
  /** Training rows in the cluster. */
  count: number;
}

export interface KMeansOptions {
  seed: number;
  /** Lloyd iterations at most (assign, then move the centres); it stops earlier once no row changes cluster. */
  maxIterations: number;
}

function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    s += d * d;
  }
  return Math.sqrt(s);
}

/** Index of the nearest centre (the lowest index on a tie). */
function nearest(centers: readonly ArrayLike<number>[], x: ArrayLike<number>): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let c = 0; c < centers.length; c++) {
    const d = distance(centers[c], x);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

function checkRows(rows: readonly ArrayLike<number>[], k: number): void {
  if (rows.length === 0) throw new StudioError('kmeans-no-rows', 'There are no windows to cluster.');
  const dims = rows[0].length;
  rows.forEach((row, i) => {
    if (row.length !== dims || dims === 0) {
      throw new StudioError('kmeans-rows', `Window ${i} has ${row.length} features; the first has ${dims}.`);
    }
    for (let j = 0; j < dims; j++) {
      if (!Number.isFinite(row[j])) {
        throw new StudioError('kmeans-values', `Feature ${j} of window ${i} is not a finite number.`);
      }
    }
  });
  if (!(Number.isInteger(k) && k >= 1 && k <= rows.length)) {
    throw new StudioError(
      'kmeans-clusters',
      `The number of clusters must be a whole number from 1 to the number of windows (${rows.length}); it is ${k}.`,
    );
  }
}

/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007): the first centre is a random row, each next one a row drawn
 * with probability proportional to its squared distance to the nearest centre so far. It stops early when every
 * row already sits on a centre (fewer distinct rows than k).
 */
function seedCenters(rows: readonly ArrayLike<number>[], k: number, rand: () => number): Float64Array[] {
  const centers = [Float64Array.from(rows[Math.floor(rand() * rows.length)])];
  const d2 = rows.map((r) => distance(r, centers[0]) ** 2);
  while (centers.length < k) {
    const total = d2.reduce((a, b) => a + b, 0);
    if (total === 0) break;
    // Walk the cumulative weights; rounding can overshoot, so fall back to the last row of nonzero weight.
    let at = rand() * total;
    let pick = -1;
    for (let i = 0; i < rows.length; i++) {
      if (d2[i] === 0) continue;
      pick = i;
      if (at < d2[i]) break;
      at -= d2[i];
    }
    const center = Float64Array.from(rows[pick]);
    centers.push(center);
    rows.forEach((r, i) => (d2[i] = Math.min(d2[i], distance(r, center) ** 2)));
  }
  return centers;
}

/** Moves each centre to the mean of its rows; a centre that lost all its rows stays put and may win some back. */
function moveCenters(rows: readonly ArrayLike<number>[], assign: Int32Array, centers: Float64Array[]): void {
  const dims = rows[0].length;
  const sums = centers.map(() => new Float64Array(dims));
  const counts = new Int32Array(centers.length);
  rows.forEach((row, i) => {
    counts[assign[i]]++;
    for (let j = 0; j < dims; j++) sums[assign[i]][j] += row[j];
  });
  centers.forEach((center, c) => {
    if (counts[c] > 0) for (let j = 0; j < dims; j++) center[j] = sums[c][j] / counts[c];
  });
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Clusters rows (standardise them first, see `fitScaler`) with Lloyd's k-means from k-means++ seeds,
 * deterministically by seed. A cluster's radius is the distance of its farthest member, so every training row
 * scores ≤ 0 (inside) — generous for outliers in the training data, but it never flags data the model was fitted
 * on. A one-row cluster would have radius 0 and call everything near it anomalous, so it gets the median radius
 * of the clusters with two or more rows (0 if there are none). Fewer than k clusters come back when the rows have
 * fewer than k distinct values, or when a centre ends up with no rows (it is dropped).
 */
export function fitKMeans(
  rows: readonly ArrayLike<number>[],
  k: number,
  options: KMeansOptions,
): KMeansCluster[] {
  checkRows(rows, k);
  const centers = seedCenters(rows, k, seededRandom(options.seed));
  let assign = Int32Array.from(rows, (row) => nearest(centers, row));
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    moveCenters(rows, assign, centers);
    const next = Int32Array.from(rows, (row) => nearest(centers, row));
    const changed = next.some((c, i) => c !== assign[i]);
    assign = next;
    if (!changed) break;
  }
  // Radii are measured from the float32 centres that are kept, exactly as anomalyScore measures.
  const kept = centers.map((c) => Float32Array.from(c));
  const radius = new Float64Array(kept.length);
  const counts = new Int32Array(kept.length);
  rows.forEach((row, i) => {
    counts[assign[i]]++;
    radius[assign[i]] = Math.max(radius[assign[i]], distance(row, kept[assign[i]]));
  });
  const multi = Array.from(radius)
    .filter((_, c) => counts[c] > 1)
    .sort((a, b) => a - b);
  const shared = multi.length > 0 ? median(multi) : 0;
  return kept
    .map((center, c) => ({ center, radius: counts[c] > 1 ? radius[c] : shared, count: counts[c] }))
    .filter((cluster) => cluster.count > 0);
}

/** Distance from x to the nearest cluster's edge: < 0 inside a cluster, 0 on its edge, > 0 outside (anomalous). */
export function anomalyScore(clusters: readonly KMeansCluster[], x: ArrayLike<number>): number {
  if (clusters.length === 0)
    throw new StudioError('kmeans-no-clusters', 'The anomaly model has no clusters.');
  let best = Infinity;
  for (const cluster of clusters) {
    if (cluster.center.length !== x.length) {
      throw new StudioError(
        'kmeans-features',
        `The window has ${x.length} features but the clusters were fitted on ${cluster.center.length}.`,
      );
    }
    best = Math.min(best, distance(x, cluster.center) - cluster.radius);
  }
  return best;
}
