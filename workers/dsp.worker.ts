/// <reference lib="webworker" />
import '../src/platform/workers/holdLifeline';
import { expose, transfer } from 'comlink';
import '../src/platform/workers/typedErrors';
import { StudioError } from '../src/core/errors';
import { featureKey, type Impulse } from '../src/core/impulse/impulse';
import { describeImpulse } from '../src/core/impulse/generateFeatures';
import { sliceWindows } from '../src/core/dataset/windowing';
import { buildFeatureSet } from '../src/platform/features/featureSet';
import { cachedFeatureSet } from '../src/platform/features/cachedFeatureSet';
import { projectFeatures } from '../src/core/learn/projection';
import { openStudioDb } from '../src/platform/db/openStudioDb';
import type { StudioDb } from '../src/platform/db/studioDb';
import { announceToOtherTabs } from '../src/platform/tabSync';
import type {
  DspWorkerApi,
  FeatureJob,
  FeatureProgress,
  FeatureSetSummary,
  ProjectionMethod,
} from './dspApi';

let dbPromise: Promise<StudioDb> | null = null;
// A change this worker commits reaches the other tabs as a page's would (the feature cache it writes is not
// announced: no tab shows it).
const db = () => (dbPromise ??= openStudioDb({ onChanged: announceToOtherTabs(self.name) }));

/**
 * Every generate or project call gets a number; cancel() cancels every call started before it. A call
 * therefore never un-cancels an older one that is still finishing (the page may start a new run right after
 * cancelling one, e.g. when the impulse's parameters change mid-run).
 */
let started = 0;
let cancelledUpTo = 0;
/** The rows of the newest feature set (generated or from the cache), for the explorer; null before any. */
let lastRows: Float32Array[] | null = null;
let lastRowsRun = 0;

/** Keeps a call's rows unless a call started after it has already kept its own. */
function keepRows(run: number, rows: Float32Array[]): void {
  if (run <= lastRowsRun) return;
  lastRows = rows;
  lastRowsRun = run;
}

const api: DspWorkerApi = {
  async generate(job: FeatureJob, onProgress: (p: FeatureProgress) => void): Promise<FeatureSetSummary> {
    const run = ++started;
    const store = await db();
    const { summary, rows } = await buildFeatureSet(store, job, onProgress, () => run <= cancelledUpTo);
    await store.pruneFeatures(job.impulse.projectId, {
      configHash: summary.configHash,
      keys: new Set(job.samples.map((s) => featureKey(s.id, summary.configHash))),
    });
    keepRows(run, rows);
    return transfer(summary, [summary.rowSample.buffer, summary.rowStartMs.buffer]);
  },

  async cachedFeatures(job: FeatureJob) {
    const run = ++started;
    const { cached, total, set } = await cachedFeatureSet(await db(), job);
    if (!set) return { cached, total, summary: null };
    keepRows(run, set.rows);
    const { summary } = set;
    return transfer({ cached, total, summary }, [summary.rowSample.buffer, summary.rowStartMs.buffer]);
  },

  cancel() {
    cancelledUpTo = started;
  },

  async project(method: ProjectionMethod, seed: number, onProgress: (fraction: number) => void) {
    const run = ++started;
    if (!lastRows) throw new StudioError('no-features', 'Generate features first.');
    // An empty set is not a missing one: say so rather than "Generate features first" right after a generate.
    if (lastRows.length === 0)
      throw new StudioError('no-windows', 'The feature set has no windows, so there is nothing to plot.');
    const rows = lastRows;
    const controller = new AbortController();
    const poll = setInterval(() => run <= cancelledUpTo && controller.abort(), 50);
    try {
      const result = await projectFeatures(rows, method, { seed, signal: controller.signal, onProgress });
      return transfer(result, [result.points.buffer]);
    } finally {
      clearInterval(poll);
    }
  },

  async windowView(impulse: Impulse, sampleId: string, windowIndex: number) {
    const sample = await (await db()).getSample(sampleId);
    const sliced = sliceWindows(sample, impulse.input);
    if (sliced.windows.length === 0)
      throw new StudioError('no-window', sliced.reason ?? 'This sample gives no window.');
    const i = Math.max(0, Math.min(sliced.windows.length - 1, windowIndex));
    const { block, params, shape } = describeImpulse(impulse, sliced.shape);
    const window = sliced.windows[i];
    const features = block.run(params, window, sliced.shape);
    const view = {
      windowCount: sliced.windows.length,
      windowIndex: i,
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

expose(api);
