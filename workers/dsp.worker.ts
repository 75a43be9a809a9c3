/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import { StudioError } from '../src/core/errors';
import { featureConfig, featureConfigHash, featureKey, type CachedFeatures, type Impulse } from '../src/core/impulse/impulse';
import { describeImpulse, sampleFeatures } from '../src/core/impulse/generateFeatures';
import { framesPerWindow, sliceWindows } from '../src/core/dataset/windowing';
import { projectFeatures } from '../src/core/learn/projection';
import { openStudioDb } from '../src/platform/db/openStudioDb';
import type { StudioDb } from '../src/platform/db/studioDb';
import type { DspWorkerApi, FeatureJob, FeatureProgress, FeatureSetSummary, ProjectionMethod } from './dspApi';

let dbPromise: Promise<StudioDb> | null = null;
const db = () => (dbPromise ??= openStudioDb());

let cancelled = false;
let lastRows: Float32Array[] = [];

/** Cached entries are written in batches: one transaction per batch keeps a long run from holding a lock. */
const CACHE_BATCH = 32;
const PROGRESS_EVERY_MS = 100;

function checkCancelled(): void {
  if (cancelled) throw new StudioError('cancelled', 'Feature generation was cancelled.');
}

const api: DspWorkerApi = {
  async generate(job: FeatureJob, onProgress: (p: FeatureProgress) => void): Promise<FeatureSetSummary> {
    cancelled = false;
    const started = performance.now();
    const store = await db();
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
    for (let i = 0; i < job.samples.length; i++) {
      checkCancelled();
      const s = job.samples[i];
      const hit = cachedEntries[i];
      let entry: CachedFeatures;
      if (hit && hit.config === config && hit.sampleUpdatedAt === s.updatedAt) {
        entry = hit;
        cached++;
      } else {
        const sample = await store.getSample(s.id);
        const { skippedReason, ...f } = sampleFeatures(job.impulse, sample);
        entry = { key: keys[i], sampleId: s.id, configHash, config, sampleUpdatedAt: s.updatedAt, ...f };
        if (skippedReason) skipped.push({ sampleId: s.id, name: s.name, reason: skippedReason });
        pending.push(entry);
        computed++;
        if (pending.length >= CACHE_BATCH) await store.putFeatures(pending.splice(0));
      }
      perSample.push(entry);
      const now = performance.now();
      if (now - lastReport > PROGRESS_EVERY_MS || i === job.samples.length - 1) {
        lastReport = now;
        onProgress({ done: i + 1, total: job.samples.length, computed, cached });
      }
    }
    if (pending.length > 0) await store.putFeatures(pending);
    await store.pruneFeatures(configHash, new Set(keys));

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
    lastRows = rows;
    const shape = shapeOf(job.impulse, featureCount);
    const summary: FeatureSetSummary = {
      configHash,
      featureCount,
      shape,
      windowCount,
      rowSample,
      rowStartMs,
      computed,
      cached,
      skipped,
      durationMs: performance.now() - started,
    };
    return transfer(summary, [rowSample.buffer, rowStartMs.buffer]);
  },

  cancel() {
    cancelled = true;
  },

  async project(method: ProjectionMethod, seed: number, onProgress: (fraction: number) => void) {
    cancelled = false;
    if (lastRows.length === 0) throw new StudioError('no-features', 'Generate features first.');
    const controller = new AbortController();
    const poll = setInterval(() => cancelled && controller.abort(), 50);
    try {
      const result = await projectFeatures(lastRows, method, { seed, signal: controller.signal, onProgress });
      return transfer(result, [result.points.buffer]);
    } finally {
      clearInterval(poll);
    }
  },

  async windowView(impulse: Impulse, sampleId: string, windowIndex: number) {
    const sample = await (await db()).getSample(sampleId);
    const sliced = sliceWindows(sample, impulse.input);
    if (sliced.windows.length === 0) throw new StudioError('no-window', sliced.reason ?? 'This sample gives no window.');
    const i = Math.max(0, Math.min(sliced.windows.length - 1, windowIndex));
    const { block, params, shape } = describeImpulse(impulse, sliced.shape);
    const window = sliced.windows[i];
    const features = block.run(params, window, sliced.shape);
    const view = {
      windowCount: sliced.windows.length,
      startMs: sliced.startMs[i],
      window,
      windowAxes: impulse.input.axes,
      frequencyHz: sliced.shape.frequencyHz,
      features,
      featureShape: shape,
    };
    return transfer(view, [window.buffer, features.buffer]);
  },
};

/** The block's feature layout ([features] or [frames, coefficients]) for the impulse's window. */
function shapeOf(impulse: Impulse, featureCount: number): number[] {
  if (featureCount === 0) return [0];
  const shape = { axes: impulse.input.axes.length, frames: framesPerWindow(impulse.input), frequencyHz: impulse.input.frequencyHz };
  return describeImpulse(impulse, shape).shape;
}

expose(api);
