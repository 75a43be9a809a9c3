import { featureConfig, featureConfigHash, featureKey } from '../../core/impulse/impulse';
import type { StudioDb } from '../db/studioDb';
import type { FeatureJob } from '../../../workers/dspApi';
import { assembleFeatureSet, isFresh, type FeatureSet } from './featureSet';

export interface CachedFeatureSet {
  /** Samples of the job whose features are cached, up to date, under the job's configuration. */
  cached: number;
  total: number;
  /** The whole feature set, when every sample's features are cached (and there is at least one sample). */
  set: FeatureSet | null;
}

/**
 * What the IndexedDB cache already holds of a job's feature set, computing nothing: after a reload the page
 * can show the last generated features without a Generate. Uses the same freshness rule as `buildFeatureSet`.
 */
export async function cachedFeatureSet(store: StudioDb, job: FeatureJob): Promise<CachedFeatureSet> {
  const started = performance.now();
  const configHash = featureConfigHash(job.impulse);
  const config = featureConfig(job.impulse);
  const entries = await store.getFeatures(job.samples.map((s) => featureKey(s.id, configHash)));
  const fresh = entries.filter((e, i) => isFresh(e, config, job.samples[i]));
  const total = job.samples.length;
  if (total === 0 || fresh.length < total) return { cached: fresh.length, total, set: null };
  const set = assembleFeatureSet(job.impulse, fresh, {
    computed: 0,
    cached: total,
    skipped: fresh.flatMap((e, i) =>
      e.skippedReason ? [{ sampleId: e.sampleId, name: job.samples[i].name, reason: e.skippedReason }] : [],
    ),
    durationMs: performance.now() - started,
  });
  return { cached: total, total, set };
}
