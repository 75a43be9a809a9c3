/// <reference lib="webworker" />
import '../src/platform/workers/holdLifeline';
import { expose, transfer } from 'comlink';
import '../src/platform/workers/typedErrors';
import { StudioError } from '../src/core/errors';
import { framesPerWindow } from '../src/core/dataset/windowing';
import { windowViews } from '../src/core/dataset/windowViews';
import { describeImpulse } from '../src/core/impulse/generateFeatures';
import { makeAugmenter, isTimeFrequency } from '../src/core/learn/augmenter';
import { defaultLearnBlock } from '../src/core/learn/learnBlock';
import { modelRunner, type ModelRunner } from '../src/core/learn/modelRunner';
import type { TestSampleInput } from '../src/core/learn/modelTesting';
import { testModelCooperatively } from '../src/core/learn/testModelCooperatively';
import { trainImpulse } from '../src/core/learn/trainImpulse';
import type { Impulse } from '../src/core/impulse/impulse';
import { openStudioDb } from '../src/platform/db/openStudioDb';
import type { StudioDb } from '../src/platform/db/studioDb';
import { announceToOtherTabs } from '../src/platform/tabSync';
import { buildFeatureSet } from '../src/platform/features/featureSet';
import { trainingBackend } from '../src/platform/tfjs/backend';
import { yieldToEventLoop } from '../src/core/yieldToEventLoop';
import type {
  QuantizeJob,
  TestJob,
  TrainJob,
  TrainProgress,
  TrainWorkerApi,
  TrainWorkerJob,
} from './trainApi';
import type { FeatureJobSample } from './dspApi';
import type { TrainedModel } from '../src/core/learn/trainedModel';
import { comparePrecisions, quantizeTrained } from '../src/core/learn/quantizeTrained';

let dbPromise: Promise<StudioDb> | null = null;
// What this worker commits (trained models, runs) reaches the other tabs as a page's writes do.
const db = () => (dbPromise ??= openStudioDb({ onChanged: announceToOtherTabs(self.name) }));

/**
 * One controller per kind of job: cancelling a quantisation must not stop a test running beside it. The jobs
 * yield to the event loop as they run, which is what lets a `cancel` message in while one is running.
 */
const controllers: Record<TrainWorkerJob, AbortController> = {
  train: new AbortController(),
  test: new AbortController(),
  quantize: new AbortController(),
};

function start(job: TrainWorkerJob): AbortSignal {
  controllers[job] = new AbortController();
  return controllers[job].signal;
}

let live: { impulse: Impulse; run: ModelRunner } | null = null;

function describe(impulse: Impulse): string {
  return `TinyML Studio — ${impulse.name}: ${impulse.input.windowSizeMs} ms window at ${impulse.input.frequencyHz} Hz, ${impulse.dsp.block} features`;
}

const api: TrainWorkerApi = {
  async train(job: TrainJob, onProgress: (p: TrainProgress) => void) {
    const signal = start('train');
    const store = await db();
    const { summary, rows } = await buildFeatureSet(
      store,
      { impulse: job.impulse, samples: job.samples },
      (features) => onProgress({ phase: 'features', features }),
      () => signal.aborted,
    );
    const learn = job.impulse.learn ?? defaultLearnBlock('classifier', summary.shape);
    let backendName = 'k-means';
    if (learn.kind !== 'anomaly') {
      const backend = await trainingBackend(
        job.backend,
        job.baseUrl,
        learn.layers.some((l) => l.type === 'conv1d' || l.type === 'conv2d'),
      );
      backendName = backend.name;
      onProgress({ phase: 'preparing', backend: backend.name, note: backend.note });
    }
    let motion: Parameters<typeof makeAugmenter>[4];
    if (learn.kind !== 'anomaly' && learn.training.augmentation.enabled && !isTimeFrequency(summary.shape)) {
      // Views into each sample's signal, not a copy per window: overlapping windows would hold the dataset
      // several times over (4× for a 2 s window every 0.5 s).
      const windows: Float32Array[] = [];
      for (const s of job.samples) {
        if (signal.aborted) throw new StudioError('cancelled', 'Training was cancelled.');
        windows.push(...windowViews(await store.getSample(s.id), job.impulse.input));
      }
      const shape = {
        axes: job.impulse.input.axes.length,
        frames: framesPerWindow(job.impulse.input),
        frequencyHz: job.impulse.input.frequencyHz,
      };
      motion = { windows, shape };
    }
    const augment =
      learn.kind === 'anomaly'
        ? undefined
        : makeAugmenter(job.impulse, learn.training.augmentation, rows, summary.shape, motion);
    const model = await trainImpulse(
      {
        rows,
        rowLabels: Array.from(summary.rowSample, (i) => job.samples[i].label),
        rowSample: summary.rowSample,
        rowStartMs: summary.rowStartMs,
        sampleIds: job.samples.map((s) => s.id),
        featureShape: summary.shape,
        configHash: summary.configHash,
      },
      {
        impulseId: job.impulse.id,
        projectId: job.impulse.projectId,
        learn,
        backend: backendName,
        description: describe(job.impulse),
        augment,
        signal,
        onEpoch: (epoch, totalEpochs) =>
          onProgress({ phase: 'training', epoch, totalEpochs, backend: backendName }),
      },
    );
    // A cancel sent while the last epoch ended still wins: the previous model stays.
    await yieldToEventLoop();
    if (signal.aborted) throw new StudioError('cancelled', 'Training was cancelled.');
    onProgress({ phase: 'finishing' });
    await store.saveModel(model, {
      impulseId: model.impulseId,
      projectId: model.projectId,
      status: 'completed',
      startedAt: Date.now() - model.durationMs,
      endedAt: Date.now(),
    });
    return model;
  },

  cancel(job) {
    controllers[job].abort();
  },

  async test(job: TestJob, onProgress: (done: number, total: number) => void) {
    const signal = start('test');
    const store = await db();
    const { summary, rows } = await buildFeatureSet(
      store,
      { impulse: job.impulse, samples: job.samples },
      () => undefined,
      () => signal.aborted,
    );
    if (summary.configHash !== job.model.configHash) {
      throw new StudioError(
        'model-stale',
        'The impulse changed since the model was trained: train it again before testing.',
      );
    }
    const inputs: TestSampleInput[] = job.samples.map((s) => ({
      sampleId: s.id,
      name: s.name,
      label: s.label,
      rows: [],
      startMs: new Float32Array(0),
    }));
    const starts: number[][] = inputs.map(() => []);
    summary.rowSample.forEach((si, r) => {
      inputs[si].rows.push(rows[r]);
      starts[si].push(summary.rowStartMs[r]);
    });
    inputs.forEach((input, i) => (input.startMs = Float32Array.from(starts[i])));
    const run = modelRunner(job.model, job.precision);
    return testModelCooperatively(
      job.model,
      run,
      inputs.filter((s) => s.rows.length > 0),
      {
        threshold: job.threshold,
        precision: job.precision,
        onSample: (done) => onProgress(done, inputs.length),
        signal,
      },
    );
  },

  async quantize(job: QuantizeJob, onProgress) {
    const signal = start('quantize');
    const store = await db();
    const features = (samples: FeatureJobSample[]) =>
      buildFeatureSet(
        store,
        { impulse: job.impulse, samples },
        (p) => onProgress('features', p.done / Math.max(1, p.total)),
        () => signal.aborted,
      );
    const train = await features(job.trainingSamples);
    if (train.summary.configHash !== job.model.configHash) {
      throw new StudioError(
        'model-stale',
        'The impulse changed since the model was trained: train it again before quantising.',
      );
    }
    const int8 = await quantizeTrained(job.model, train.rows, job.settings, {
      signal,
      onProgress: (done, total) => onProgress('calibrating', done / (total ?? train.rows.length)),
    });
    if (job.testingSamples.length > 0) {
      onProgress('comparing', 0);
      const test = await features(job.testingSamples);
      int8.comparison = await comparePrecisions(
        job.model,
        int8,
        test.rows,
        Array.from(test.summary.rowSample, (i) => job.testingSamples[i].label),
        { signal },
      );
    }
    await yieldToEventLoop();
    if (signal.aborted) throw new StudioError('cancelled', 'Quantisation was cancelled.');
    const updated: TrainedModel = { ...job.model, int8 };
    await store.putModel(updated);
    return updated;
  },

  async windows(impulse, samples) {
    const { summary, rows } = await buildFeatureSet(
      await db(),
      { impulse, samples },
      () => undefined,
      () => false,
    );
    const flat = new Float32Array(rows.length * summary.featureCount);
    rows.forEach((r, i) => flat.set(r, i * summary.featureCount));
    const set = {
      rows: flat,
      rowCount: rows.length,
      featureCount: summary.featureCount,
      labels: Array.from(summary.rowSample, (i) => samples[i].label),
    };
    return transfer(set, [flat.buffer]);
  },

  async startLive(impulse, model, precision) {
    live = { impulse, run: modelRunner(model, precision) };
  },

  async classify(window: Float32Array) {
    if (!live) throw new StudioError('live-not-started', 'Live classification has not been started.');
    const { impulse, run } = live;
    const shape = {
      axes: impulse.input.axes.length,
      frames: window.length / impulse.input.axes.length,
      frequencyHz: impulse.input.frequencyHz,
    };
    const t0 = performance.now();
    const { block, params } = describeImpulse(impulse, shape);
    const features = block.run(params, window, shape);
    const t1 = performance.now();
    const outputs = run(features);
    const t2 = performance.now();
    return transfer({ outputs, dspMs: t1 - t0, inferenceMs: t2 - t1 }, [outputs.buffer]);
  },
};

expose(api);
