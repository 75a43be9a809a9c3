import { StudioError } from '../errors';
import { fitKMeans } from './kmeans';
import type { AnomalyBlock } from './learnBlock';
import type { AnomalyModel } from './trainedModel';

function selected(row: Float32Array, indices: readonly number[]): Float32Array {
  return Float32Array.from(indices, (i) => row[i]);
}

/**
 * K-means anomaly detection on the chosen features: each feature is standardised (training mean and standard
 * deviation; a constant feature keeps σ = 1), then clustered; the model stores the scaler and the clusters.
 */
export function fitAnomalyModel(rows: readonly Float32Array[], block: AnomalyBlock): AnomalyModel {
  if (rows.length === 0) throw new StudioError('no-training-data', 'There are no training windows to fit clusters on.');
  const featureCount = rows[0].length;
  const indices = block.featureIndices.length > 0 ? block.featureIndices : Array.from({ length: featureCount }, (_, i) => i);
  const bad = indices.find((i) => !(i >= 0 && i < featureCount));
  if (bad !== undefined) throw new StudioError('anomaly-features', `Feature ${bad} does not exist: the impulse gives features 0 to ${featureCount - 1}.`);
  if (block.clusters > rows.length) {
    throw new StudioError('anomaly-clusters', `${block.clusters} clusters need at least as many training windows (there are ${rows.length}).`);
  }
  const picked = rows.map((r) => selected(r, indices));
  const mean = indices.map((_, j) => picked.reduce((s, r) => s + r[j], 0) / picked.length);
  const std = indices.map((_, j) => {
    const v = picked.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / picked.length;
    return v > 1e-12 ? Math.sqrt(v) : 1;
  });
  const scaled = picked.map((r) => Float32Array.from(r, (v, j) => (v - mean[j]) / std[j]));
  const clusters = fitKMeans(scaled, block.clusters, { seed: block.seed, maxIterations: 100 });
  return {
    featureIndices: indices,
    mean,
    std,
    clusters: clusters.map((c) => ({ center: Array.from(c.center), radius: c.radius, count: c.count })),
  };
}

/** Distance to the nearest cluster's edge per row: < 0 inside a cluster, > 0 outside (an anomaly). */
export function anomalyScores(model: AnomalyModel, rows: readonly Float32Array[]): number[] {
  const { featureIndices: idx, mean, std, clusters } = model;
  return rows.map((row) => {
    let best = Infinity;
    for (const c of clusters) {
      let d2 = 0;
      for (let j = 0; j < idx.length; j++) {
        const v = (row[idx[j]] - mean[j]) / std[j] - c.center[j];
        d2 += v * v;
      }
      best = Math.min(best, Math.sqrt(d2) - c.radius);
    }
    return best;
  });
}
