import { seededRandom } from '../random';

export interface KMeansCluster {
  center: Float32Array;
  /** The largest distance of a member to the centre. */
  radius: number;
  count: number;
}

function dist2(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    s += d * d;
  }
  return s;
}

function nearest(centers: readonly Float32Array[], x: Float32Array): [number, number] {
  let best = 0;
  let bestD = Infinity;
  centers.forEach((c, i) => {
    const d = dist2(c, x);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return [best, bestD];
}

/**
 * Lloyd's k-means with k-means++ seeding (deterministic by seed). Each cluster's radius is the distance of its
 * farthest member, so every training point lies inside its own cluster; a cluster of a single point gets the
 * median radius of the others (its own would be 0, and every new point would look anomalous).
 */
export function fitKMeans(rows: readonly Float32Array[], k: number, options: { seed: number; maxIterations: number }): KMeansCluster[] {
  const rand = seededRandom(options.seed);
  const n = rows.length;
  const kk = Math.max(1, Math.min(k, n));
  const centers: Float32Array[] = [Float32Array.from(rows[Math.floor(rand() * n)])];
  const d2 = rows.map((r) => dist2(r, centers[0]));
  while (centers.length < kk) {
    const total = d2.reduce((a, b) => a + b, 0);
    let pick = 0;
    if (total > 0) {
      let at = rand() * total;
      while (pick < n - 1 && at >= d2[pick]) at -= d2[pick++];
    } else pick = Math.floor(rand() * n);
    centers.push(Float32Array.from(rows[pick]));
    rows.forEach((r, i) => (d2[i] = Math.min(d2[i], dist2(r, centers[centers.length - 1]))));
  }
  const assign = new Int32Array(n).fill(-1);
  for (let it = 0; it < options.maxIterations; it++) {
    let changed = false;
    rows.forEach((r, i) => {
      const [c] = nearest(centers, r);
      if (assign[i] !== c) {
        assign[i] = c;
        changed = true;
      }
    });
    const sums = centers.map((c) => new Float64Array(c.length));
    const counts = new Int32Array(kk);
    rows.forEach((r, i) => {
      counts[assign[i]]++;
      r.forEach((v, j) => (sums[assign[i]][j] += v));
    });
    centers.forEach((c, ci) => {
      if (counts[ci] > 0) c.forEach((_, j) => (c[j] = sums[ci][j] / counts[ci]));
    });
    if (!changed) break;
  }
  const radius = new Float64Array(kk);
  const counts = new Int32Array(kk);
  rows.forEach((r, i) => {
    counts[assign[i]]++;
    radius[assign[i]] = Math.max(radius[assign[i]], Math.sqrt(dist2(r, centers[assign[i]])));
  });
  const multi = Array.from(radius).filter((_, i) => counts[i] > 1).sort((a, b) => a - b);
  const median = multi.length ? multi[Math.floor(multi.length / 2)] : 0;
  return centers
    .map((center, i) => ({ center, radius: counts[i] > 1 ? radius[i] : median, count: counts[i] }))
    .filter((c) => c.count > 0);
}

/** Distance to the nearest cluster's edge: < 0 inside a cluster, > 0 outside. */
export function anomalyScore(clusters: readonly KMeansCluster[], x: Float32Array): number {
  return Math.min(...clusters.map((c) => Math.sqrt(dist2(c.center, x)) - c.radius));
}
