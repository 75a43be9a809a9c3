import { StudioError } from '../errors';
import { selectFeatures } from './featureSelection';
import { anomalyScore, fitKMeans } from './kmeans';
import type { AnomalyBlock } from './learnBlock';
import { applyScaler, fitScaler } from './scaler';
import type { AnomalyModel } from './trainedModel';

/**
 * K-means anomaly detection on the chosen features (all when none are chosen): each is standardised with the
 * training mean and standard deviation, then clustered; the model keeps the scaler and the clusters.
 */
export function fitAnomalyModel(rows: readonly Float32Array[], block: AnomalyBlock): AnomalyModel {
  if (rows.length === 0)
    throw new StudioError('no-training-data', 'There are no training windows to fit clusters on.');
  const featureCount = rows[0].length;
  const indices =
    block.featureIndices.length > 0
      ? block.featureIndices
      : Array.from({ length: featureCount }, (_, i) => i);
  const bad = indices.find((i) => !(i >= 0 && i < featureCount));
  if (bad !== undefined)
    throw new StudioError(
      'anomaly-features',
      `Feature ${bad} does not exist: the impulse gives features 0 to ${featureCount - 1}.`,
    );
  if (block.clusters > rows.length) {
    throw new StudioError(
      'anomaly-clusters',
      `${block.clusters} clusters need at least as many training windows (there are ${rows.length}).`,
    );
  }
  const picked = rows.map((r) => selectFeatures(r, indices));
  const scaler = fitScaler(picked);
  const clusters = fitKMeans(
    picked.map((r) => applyScaler(scaler, r)),
    block.clusters,
    { seed: block.seed, maxIterations: 100 },
  );
  return {
    featureIndices: indices,
    ...scaler,
    clusters: clusters.map((c) => ({ center: Array.from(c.center), radius: c.radius, count: c.count })),
  };
}

/** A scorer for one window, with the stored clusters prepared once (live classification calls it per window). */
export function anomalyScorer(model: AnomalyModel): (row: Float32Array) => number {
  const clusters = model.clusters.map((c) => ({ ...c, center: Float32Array.from(c.center) }));
  return (row) => anomalyScore(clusters, applyScaler(model, selectFeatures(row, model.featureIndices)));
}

/** Distance to the nearest cluster's edge per row: < 0 inside a cluster, > 0 outside (an anomaly). */
export function anomalyScores(model: AnomalyModel, rows: readonly Float32Array[]): number[] {
  return rows.map(anomalyScorer(model));
}
