/// <reference lib="webworker" />
import '../src/platform/workers/holdLifeline';
import { expose } from 'comlink';
import '../src/platform/workers/typedErrors';
import {
  distil,
  fileSize,
  magnitudePrune,
  structuredPrune,
  type CompressContext,
} from '../src/core/compress/compressTechniques';
import { StudioError } from '../src/core/errors';
import { newId } from '../src/core/ids';
import type { Impulse } from '../src/core/impulse/impulse';
import { comparePrecisions, quantizeTrained } from '../src/core/learn/quantizeTrained';
import { DEFAULT_QUANTIZE } from '../src/core/learn/quantizeSettings';
import type { TrainedModel } from '../src/core/learn/trainedModel';
import { yieldToEventLoop } from '../src/core/yieldToEventLoop';
import { openStudioDb } from '../src/platform/db/openStudioDb';
import type { StudioDb } from '../src/platform/db/studioDb';
import { buildFeatureSet } from '../src/platform/features/featureSet';
import { announceToOtherTabs } from '../src/platform/tabSync';
import { trainingBackend } from '../src/platform/tfjs/backend';
import type {
  CompressJob,
  CompressProgress,
  CompressResult,
  CompressWorkerApi,
  SavedVariant,
  TestAccuracy,
} from './compressApi';
import type { FeatureJobSample } from './dspApi';

let dbPromise: Promise<StudioDb> | null = null;
const db = () => (dbPromise ??= openStudioDb({ onChanged: announceToOtherTabs(self.name) }));
let controller = new AbortController();

const cancelled = () => new StudioError('cancelled', 'Compression was cancelled.');

const percent = (f: number) => `${Math.round(f * 100)} %`;

function variantName(job: CompressJob, which: 'student' | 'scratch' | null): string {
  const t = job.technique;
  const suffix =
    t.kind === 'magnitude'
      ? `pruned ${percent(t.settings.sparsity)}`
      : t.kind === 'structured'
        ? `${percent(t.settings.fraction)} of filters removed`
        : which === 'scratch'
          ? 'student from scratch'
          : 'distilled student';
  return `${job.impulse.name} — ${suffix}`;
}

const api: CompressWorkerApi = {
  async compress(job, onProgress: (p: CompressProgress) => void): Promise<CompressResult> {
    controller = new AbortController();
    const signal = controller.signal;
    const store = await db();
    const features = (samples: FeatureJobSample[], weight: number, offset: number) =>
      buildFeatureSet(
        store,
        { impulse: job.impulse, samples },
        (p) => onProgress({ phase: 'features', fraction: offset + (weight * p.done) / Math.max(1, p.total) }),
        () => signal.aborted,
      );
    const train = await features(job.trainingSamples, job.testingSamples.length ? 0.7 : 1, 0);
    const test = job.testingSamples.length ? await features(job.testingSamples, 0.3, 0.7) : null;
    if (train.summary.configHash !== job.model.configHash)
      throw new StudioError(
        'model-stale',
        'The impulse changed since the model was trained: train it again before compressing it.',
      );
    const layers = job.model.learn.kind === 'anomaly' ? [] : job.model.learn.layers;
    await trainingBackend(
      job.backend,
      job.baseUrl,
      layers.some((l) => l.type === 'conv1d' || l.type === 'conv2d') ||
        (job.technique.kind === 'distill' &&
          job.technique.settings.studentLayers.some((l) => l.type === 'conv1d' || l.type === 'conv2d')),
    );
    const testLabels = test ? Array.from(test.summary.rowSample, (i) => job.testingSamples[i].label) : [];

    /** Quantises a model (min/max calibration on the training windows) and tests both precisions. */
    async function quantiseAndTest(
      model: TrainedModel,
    ): Promise<{ model: TrainedModel; test: TestAccuracy }> {
      onProgress({ phase: 'quantising', fraction: 0 });
      const int8 = await quantizeTrained(model, train.rows, DEFAULT_QUANTIZE, {
        signal,
        onProgress: (done, total) =>
          onProgress({ phase: 'quantising', fraction: done / (total ?? train.rows.length) }),
      });
      if (!test) return { model: { ...model, int8 }, test: { float: null, int8: null, windows: 0 } };
      onProgress({ phase: 'testing', fraction: 0 });
      int8.comparison = await comparePrecisions(model, int8, test.rows, testLabels, { signal });
      const c = int8.comparison;
      return {
        model: { ...model, int8 },
        test: { float: c.float.accuracy, int8: c.int8.accuracy, windows: c.windows },
      };
    }

    const sourceTested = await quantiseAndTest({ ...job.model, int8: undefined });
    const ctx = (impulseId: string): CompressContext => ({
      source: job.model,
      set: {
        rows: train.rows,
        rowLabels: Array.from(train.summary.rowSample, (i) => job.trainingSamples[i].label),
        rowSample: train.summary.rowSample,
        rowStartMs: train.summary.rowStartMs,
        sampleIds: job.trainingSamples.map((s) => s.id),
      },
      impulseId,
      description: `TinyML Studio — ${job.impulse.name} (compressed)`,
      signal,
      onEpoch: (epoch, total, network) => onProgress({ phase: 'training', fraction: epoch / total, network }),
    });

    const ids = [newId(), newId()];
    const result: CompressResult = {
      technique: job.technique.kind,
      source: {
        test: sourceTested.test,
        float: fileSize(sourceTested.model.float!),
        int8: fileSize(sourceTested.model.int8!.graph),
      },
      variants: [],
    };
    const trained: Array<{ model: TrainedModel; name: string }> = [];
    const t = job.technique;
    if (t.kind === 'magnitude') {
      const pruned = await magnitudePrune(ctx(ids[0]), t.settings);
      result.sparsity = pruned.layers;
      trained.push({ model: pruned.model, name: variantName(job, null) });
    } else if (t.kind === 'structured') {
      const pruned = await structuredPrune(ctx(ids[0]), t.settings);
      result.units = pruned.layers;
      trained.push({ model: pruned.model, name: variantName(job, null) });
    } else {
      const { student, scratch } = await distil(ctx(ids[0]), ids[1], t.settings);
      trained.push({ model: student, name: variantName(job, 'student') });
      trained.push({ model: scratch, name: variantName(job, 'scratch') });
    }
    const tested = [];
    for (const v of trained) tested.push({ ...v, ...(await quantiseAndTest(v.model)) });
    // A cancel sent while the last network finished still wins: nothing is saved.
    await yieldToEventLoop();
    if (signal.aborted) throw cancelled();
    onProgress({ phase: 'saving', fraction: 0 });
    for (const v of tested) {
      const now = Date.now();
      const impulse: Impulse = {
        ...job.impulse,
        id: v.model.impulseId,
        name: v.name,
        learn: v.model.learn,
        createdAt: now,
        updatedAt: now,
      };
      await store.putImpulse(impulse);
      await store.saveModel(v.model, {
        impulseId: impulse.id,
        projectId: impulse.projectId,
        status: 'completed',
        startedAt: now - v.model.durationMs,
        endedAt: now,
      });
      const saved: SavedVariant = {
        impulse,
        model: v.model,
        test: v.test,
        float: fileSize(v.model.float!),
        int8: fileSize(v.model.int8!.graph),
      };
      result.variants.push(saved);
    }
    return result;
  },

  cancel() {
    controller.abort();
  },
};

expose(api);
