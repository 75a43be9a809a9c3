/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import { StudioError } from '../src/core/errors';
import { featureKey, type Impulse } from '../src/core/impulse/impulse';
import { describeImpulse } from '../src/core/impulse/generateFeatures';
import { sliceWindows } from '../src/core/dataset/windowing';
import { buildFeatureSet } from '../src/platform/features/featureSet';
import { projectFeatures } from '../src/core/learn/projection';
import { openStudioDb } from '../src/platform/db/openStudioDb';
import type { StudioDb } from '../src/platform/db/studioDb';
import type {
  DspWorkerApi,
  FeatureJob,
  FeatureProgress,
  FeatureSetSummary,
  ProjectionMethod,
} from './dspApi';

let dbPromise: Promise<StudioDb> | null = null;
const db = () => (dbPromise ??= openStudioDb());

let cancelled = false;
let lastRows: Float32Array[] = [];

const api: DspWorkerApi = {
  async generate(job: FeatureJob, onProgress: (p: FeatureProgress) => void): Promise<FeatureSetSummary> {
    cancelled = false;
    const store = await db();
    const { summary, rows } = await buildFeatureSet(store, job, onProgress, () => cancelled);
    await store.pruneFeatures(
      summary.configHash,
      new Set(job.samples.map((s) => featureKey(s.id, summary.configHash))),
    );
    lastRows = rows;
    return transfer(summary, [summary.rowSample.buffer, summary.rowStartMs.buffer]);
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
    if (sliced.windows.length === 0)
      throw new StudioError('no-window', sliced.reason ?? 'This sample gives no window.');
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

expose(api);
