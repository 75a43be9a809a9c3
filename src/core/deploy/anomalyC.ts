/**
 * K-means anomaly scoring as C, bit-exact with the studio's scorer (learn/anomaly.ts anomalyScorer): the chosen
 * features, each standardised as (x − mean) / std in float64 and rounded to float32 (scaler.ts applyScaler), then
 * the distance to the nearest cluster's edge, sqrt(Σ (x − centre)²) − radius, in float64 (kmeans.ts
 * anomalyScore), rounded to float32 at the end. The means, standard deviations and radii are float64 in the
 * studio and float64 literals here; the centres are float32 in both.
 */
import { StudioError } from '../errors';
import type { AnomalyModel } from '../learn/trainedModel';
import { cArrayBody, cFloat } from '../codegen/c/cLiterals';
import { cDouble } from '../codegen/dsp/cText';

export interface AnomalyC {
  /** File-scope constants (flash). */
  declarations: string;
  /** `static float anomaly_score(const float *features)`, using a static buffer of the scaled features. */
  routine: string;
}

/** Generates the scorer; `featureCount` is the processing block's, which every chosen index must lie below. */
export function anomalyC(model: AnomalyModel, featureCount: number): AnomalyC {
  const n = model.featureIndices.length;
  const k = model.clusters.length;
  if (n === 0 || k === 0) {
    throw new StudioError(
      'deploy-anomaly-empty',
      'The anomaly model has no features or no clusters: train the anomaly detection block again.',
    );
  }
  const outside = model.featureIndices.find((i) => !(Number.isInteger(i) && i >= 0 && i < featureCount));
  if (outside !== undefined) {
    throw new StudioError(
      'deploy-anomaly-features',
      `The anomaly model uses feature ${outside}, but the processing block gives ${featureCount} features: train it again.`,
    );
  }
  if (
    model.mean.length !== n ||
    model.std.length !== n ||
    model.clusters.some((c) => c.center.length !== n)
  ) {
    throw new StudioError(
      'deploy-anomaly-shape',
      `The anomaly model's scaler or cluster centres do not have its ${n} features: train it again.`,
    );
  }
  const centres = model.clusters.map((c) => `    {\n${cArrayBody(c.center, cFloat, '        ')}\n    },`);
  const declarations = `/*
 * K-means anomaly detection: ${k} clusters over ${n} of the ${featureCount} features. A window's score is its
 * distance to the nearest cluster's edge: below 0 inside a cluster, above 0 outside (anomalous).
 */
#define ANOMALY_FEATURE_COUNT ${n}
#define ANOMALY_CLUSTER_COUNT ${k}

/* Which features the clusters were fitted on, in order. */
static const uint16_t anomaly_feature_index[ANOMALY_FEATURE_COUNT] = {
${cArrayBody(model.featureIndices, String)}
};
/* Each chosen feature's training mean and standard deviation (float64, as the studio fitted them). */
static const double anomaly_mean[ANOMALY_FEATURE_COUNT] = {
${cArrayBody(model.mean, cDouble)}
};
static const double anomaly_std[ANOMALY_FEATURE_COUNT] = {
${cArrayBody(model.std, cDouble)}
};
/* Cluster centres in standardised units (float32), one row per cluster. */
static const float anomaly_centre[ANOMALY_CLUSTER_COUNT][ANOMALY_FEATURE_COUNT] = {
${centres.join('\n')}
};
/* Cluster radii: the largest distance of a training window from its centre (float64). */
static const double anomaly_radius[ANOMALY_CLUSTER_COUNT] = {
${cArrayBody(
  model.clusters.map((c) => c.radius),
  cDouble,
)}
};

/* The chosen features, standardised. */
static float anomaly_scaled[ANOMALY_FEATURE_COUNT];`;
  const routine = `/* The anomaly score of one window's features (learn/anomaly.ts anomalyScorer). */
static float anomaly_score(const float *features) {
  double best = HUGE_VAL;
  int32_t i;
  int32_t c;
  for (i = 0; i < ANOMALY_FEATURE_COUNT; i++) {
    const double x = (double)features[anomaly_feature_index[i]];
    anomaly_scaled[i] = (float)((x - anomaly_mean[i]) / anomaly_std[i]);
  }
  for (c = 0; c < ANOMALY_CLUSTER_COUNT; c++) {
    double sum = 0.0;
    double edge;
    for (i = 0; i < ANOMALY_FEATURE_COUNT; i++) {
      const double d = (double)anomaly_scaled[i] - (double)anomaly_centre[c][i];
      sum += d * d;
    }
    edge = sqrt(sum) - anomaly_radius[c];
    if (edge < best) best = edge;
  }
  return (float)best;
}`;
  return { declarations, routine };
}
