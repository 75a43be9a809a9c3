import { StudioError, isStudioError } from '../../core/errors';
import { featureShape, sampleFeatures } from '../../core/impulse/generateFeatures';
import {
  featureConfig,
  featureConfigHash,
  featureKey,
  type CachedFeatures,
  type Impulse,
} from '../../core/impulse/impulse';
import { noWindowReason, windowFit } from '../../core/impulse/windowFit';
import { timeSlicer } from '../../core/yieldToEventLoop';
import type { StudioDb } from '../db/studioDb';
import type {
  FeatureJob,
  FeatureJobSample,
  FeatureProgress,
  FeatureSetSummary,
} from '../../../workers/dspApi';

/** Cached entries are written in batches: one transaction per batch keeps a long run from holding a lock. */
const CACHE_BATCH = 32;
const PROGRESS_EVERY_MS = 100;

export interface FeatureSet {
  summary: FeatureSetSummary;
  /** One view per window row (into the cached per-sample arrays). */
  rows: Float32Array[];
}

/**
 * The features of every sample of a job, taken from the IndexedDB cache where the configuration and the
 * sample are unchanged and computed (then cached) otherwise. Used by the DSP worker (generate) and the
 * training worker (train, test) alike.
 */
export async function buildFeatureSet(
  store: StudioDb,
  job: FeatureJob,
  onProgress: (p: FeatureProgress) => void,
  isCancelled: () => boolean,
): Promise<FeatureSet> {
  const started = performance.now();
  const configHash = featureConfigHash(job.impulse);
  const config = featureConfig(job.impulse);
  const keys = job.samples.map((s) => featureKey(s.id, configHash));
  const cachedEntries = await store.getFeatures(keys);
  const perSample: CachedFeatures[] = [];
  const pending: CachedFeatures[] = [];
  const skipped: FeatureSetSummary['skipped'] = [];
  let computed = 0;
  let cached = 0;
  let lastReport = 0;
  let notCached = 0;
  let storageFull = false;
  // A full disk does not stop the run: the features are still used, only not kept for the next one.
  const cache = async (entries: CachedFeatures[]) => {
    if (entries.length === 0) return;
    if (!storageFull) {
      try {
        await store.putFeatures(entries);
        return;
      } catch (e) {
        if (!isStudioError(e) || e.code !== 'storage-full') throw e;
        storageFull = true;
      }
    }
    notCached += entries.length;
  };
  // Cache hits (and stores that answer from memory) never leave the microtask queue: yield so a cancel gets in.
  const slice = timeSlicer();
  try {
    for (let i = 0; i < job.samples.length; i++) {
      await slice();
      if (isCancelled()) throw new StudioError('cancelled', 'Feature generation was cancelled.');
      const s = job.samples[i];
      const hit = cachedEntries[i];
      let entry: CachedFeatures;
      if (isFresh(hit, config, s)) {
        entry = hit;
        cached++;
      } else {
        const sample = await store.getSample(s.id);
        const f = sampleFeatures(job.impulse, sample);
        entry = { key: keys[i], sampleId: s.id, configHash, config, sampleUpdatedAt: s.updatedAt, ...f };
        pending.push(entry);
        computed++;
        if (pending.length >= CACHE_BATCH) await cache(pending.splice(0));
      }
      if (entry.skippedReason) skipped.push({ sampleId: s.id, name: s.name, reason: entry.skippedReason });
      perSample.push(entry);
      const now = performance.now();
      if (now - lastReport > PROGRESS_EVERY_MS || i === job.samples.length - 1) {
        lastReport = now;
        onProgress({ done: i + 1, total: job.samples.length, computed, cached });
      }
    }
  } finally {
    // Also on cancel or failure: what was computed is kept, so the next run starts where this one stopped.
    await cache(pending);
  }

  if (job.samples.length > 0 && perSample.every((e) => e.windowCount === 0))
    await throwWhyNoWindow(store, job);
  return assembleFeatureSet(job.impulse, perSample, {
    computed,
    cached,
    skipped,
    durationMs: performance.now() - started,
    ...(notCached > 0 ? { notCached } : {}),
  });
}

/** A cached entry still describes the sample under this configuration (neither has changed since). */
export function isFresh(
  hit: CachedFeatures | undefined,
  config: string,
  sample: Pick<FeatureJobSample, 'updatedAt'>,
): hit is CachedFeatures {
  return !!hit && hit.config === config && hit.sampleUpdatedAt === sample.updatedAt;
}

/** The feature matrix of per-sample entries, rows in the samples' order (each row a view into its entry). */
export function assembleFeatureSet(
  impulse: Impulse,
  perSample: CachedFeatures[],
  counts: Pick<FeatureSetSummary, 'computed' | 'cached' | 'skipped' | 'durationMs' | 'notCached'>,
): FeatureSet {
  const featureCount = perSample.find((e) => e.windowCount > 0)?.featureCount ?? 0;
  const windowCount = perSample.reduce((n, e) => n + e.windowCount, 0);
  const rowSample = new Int32Array(windowCount);
  const rowStartMs = new Float32Array(windowCount);
  const rows: Float32Array[] = [];
  let r = 0;
  perSample.forEach((e, si) => {
    for (let w = 0; w < e.windowCount; w++, r++) {
      rowSample[r] = si;
      rowStartMs[r] = e.startMs[w];
      rows.push(e.features.subarray(w * e.featureCount, (w + 1) * e.featureCount));
    }
  });
  const summary: FeatureSetSummary = {
    configHash: featureConfigHash(impulse),
    featureCount,
    shape: featureShape(impulse, featureCount),
    windowCount,
    rowSample,
    rowStartMs,
    ...counts,
  };
  return { summary, rows };
}

/**
 * Not one window from any sample: say why from the samples' lengths (every sample shorter than the window with
 * zero-padding off, or no data), rather than letting training report that there are no samples.
 */
async function throwWhyNoWindow(store: StudioDb, job: FeatureJob): Promise<void> {
  const ids = new Set(job.samples.map((s) => s.id));
  const metas = (await store.listSamples(job.impulse.projectId)).filter((m) => ids.has(m.id));
  const reason = noWindowReason(windowFit(metas, job.impulse.input));
  if (reason) throw new StudioError('no-window', reason);
}
