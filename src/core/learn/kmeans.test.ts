import { describe, expect, it } from 'vitest';
import { gaussian, seededRandom } from '../random';
import { anomalyScore, fitKMeans, type KMeansCluster } from './kmeans';

function blob(rand: () => number, center: number[], spread: number, n: number): Float32Array[] {
  return Array.from({ length: n }, () => Float32Array.from(center, (c) => c + spread * gaussian(rand)));
}

const rand = seededRandom(9);
const centers = [
  [0, 0, 0],
  [6, 6, 0],
  [-6, 6, 3],
];
const blobs = centers.map((c) => blob(rand, c, 0.5, 80));
const rows = blobs.flat();

function nearestCluster(clusters: KMeansCluster[], x: ArrayLike<number>): number {
  const d = clusters.map((c) => Math.hypot(...Array.from(c.center, (v, i) => v - x[i])));
  return d.indexOf(Math.min(...d));
}

describe('fitKMeans', () => {
  it('recovers three well separated Gaussian blobs', () => {
    const clusters = fitKMeans(rows, 3, { seed: 1, maxIterations: 100 });
    expect(clusters).toHaveLength(3);
    expect(clusters.map((c) => c.count)).toEqual([80, 80, 80]);
    for (const [b, members] of blobs.entries()) {
      const c = clusters[nearestCluster(clusters, centers[b])];
      expect(Math.hypot(...Array.from(c.center, (v, i) => v - centers[b][i]))).toBeLessThan(0.2);
      expect(new Set(members.map((m) => nearestCluster(clusters, m))).size).toBe(1);
      // A blob of σ = 0.5 in 3-D: its farthest point lies a few σ out.
      expect(c.radius).toBeGreaterThan(0.5);
      expect(c.radius).toBeLessThan(2.5);
    }
  });

  it('scores blob points ≤ 0 (the farthest member exactly 0), far points > 0', () => {
    const clusters = fitKMeans(rows, 3, { seed: 1, maxIterations: 100 });
    const scores = rows.map((r) => anomalyScore(clusters, r));
    expect(Math.max(...scores)).toBe(0);
    expect(scores.filter((s) => s === 0)).toHaveLength(3);
    expect(anomalyScore(clusters, [0, 0, 0])).toBeLessThan(-0.5);
    expect(anomalyScore(clusters, [20, -20, 5])).toBeGreaterThan(10);
    expect(anomalyScore(clusters, [0, 6, 0])).toBeGreaterThan(0);
  });

  it('is deterministic by seed and finds the same blobs from another seed', () => {
    const a = fitKMeans(rows, 3, { seed: 1, maxIterations: 100 });
    expect(fitKMeans(rows, 3, { seed: 1, maxIterations: 100 })).toEqual(a);
    const b = fitKMeans(rows, 3, { seed: 77, maxIterations: 100 });
    const sortKey = (cs: KMeansCluster[]) =>
      cs.map((c) => Array.from(c.center, (v) => v.toFixed(4)).join()).sort();
    expect(sortKey(b)).toEqual(sortKey(a));
  });

  it('accepts plain number rows', () => {
    const clusters = fitKMeans([[0], [1], [10], [11]], 2, { seed: 3, maxIterations: 10 });
    expect(clusters.map((c) => [c.center[0], c.radius, c.count]).sort((x, y) => x[0] - y[0])).toEqual([
      [0.5, 0.5, 2],
      [10.5, 0.5, 2],
    ]);
  });

  it('gives a one-row cluster the median radius of the others', () => {
    const ring = (cx: number, r: number) => [
      [cx + r, 0],
      [cx - r, 0],
      [cx, r],
      [cx, -r],
    ];
    const clusters = fitKMeans([...ring(0, 1), ...ring(20, 2), [100, 100]], 3, {
      seed: 4,
      maxIterations: 50,
    });
    const byCount = [...clusters].sort((x, y) => x.count - y.count);
    expect(byCount.map((c) => c.count)).toEqual([1, 4, 4]);
    expect(Array.from(byCount[0].center)).toEqual([100, 100]);
    expect(byCount[0].radius).toBeCloseTo(1.5, 6);
    expect(anomalyScore(clusters, [100, 101])).toBeCloseTo(-0.5, 6);
  });

  it('returns fewer clusters when there are fewer distinct rows than k', () => {
    const clusters = fitKMeans(
      [
        [1, 1],
        [1, 1],
        [1, 1],
        [2, 2],
      ],
      3,
      { seed: 2, maxIterations: 10 },
    );
    expect(clusters.map((c) => c.count).sort()).toEqual([1, 3]);
    expect(clusters.every((c) => c.radius === 0)).toBe(true);
  });

  it('k = 1: one cluster at the mean, radius to the farthest row', () => {
    const [c] = fitKMeans(
      [
        [0, 0],
        [2, 0],
        [1, 3],
      ],
      1,
      { seed: 0, maxIterations: 10 },
    );
    expect(Array.from(c.center)).toEqual([1, 1]);
    expect(c.radius).toBeCloseTo(2, 6);
  });

  it('rejects no rows, ragged or non-finite rows and a bad k', () => {
    const opts = { seed: 1, maxIterations: 10 };
    const code = (c: string) => expect.objectContaining({ code: c });
    expect(() => fitKMeans([], 1, opts)).toThrow(code('kmeans-no-rows'));
    expect(() => fitKMeans([[1, 2], [1]], 1, opts)).toThrow(code('kmeans-rows'));
    expect(() => fitKMeans([[1, Number.NaN]], 1, opts)).toThrow(code('kmeans-values'));
    expect(() => fitKMeans([[1], [2]], 3, opts)).toThrow(code('kmeans-clusters'));
    expect(() => fitKMeans([[1], [2]], 0, opts)).toThrow(code('kmeans-clusters'));
  });
});

describe('anomalyScore', () => {
  const cluster = { center: Float32Array.of(0, 0), radius: 1, count: 5 };

  it('is the distance to the nearest cluster edge', () => {
    const other = { center: Float32Array.of(10, 0), radius: 2, count: 5 };
    expect(anomalyScore([cluster, other], [3, 4])).toBeCloseTo(4, 12);
    expect(anomalyScore([cluster, other], [7, 0])).toBeCloseTo(1, 12);
    expect(anomalyScore([cluster, other], [9, 0])).toBeCloseTo(-1, 12);
  });

  it('rejects no clusters and a row of the wrong width', () => {
    expect(() => anomalyScore([], [1])).toThrow(expect.objectContaining({ code: 'kmeans-no-clusters' }));
    expect(() => anomalyScore([cluster], [1])).toThrow(expect.objectContaining({ code: 'kmeans-features' }));
  });
});
