/// <reference lib="webworker" />
import '../src/platform/workers/holdLifeline';
import { expose } from 'comlink';
import '../src/platform/workers/typedErrors';
import { getBoard } from '../src/core/mcu/boards';
import { planCandidate } from '../src/core/tune/plannedCost';
import { sampleCandidates } from '../src/core/tune/sampleCandidates';
import { scoreCandidate } from '../src/core/tune/scoreCandidate';
import { searchSpaceFor } from '../src/core/tune/searchSpace';
import { openStudioDb } from '../src/platform/db/openStudioDb';
import type { StudioDb } from '../src/platform/db/studioDb';
import { buildFeatureSet } from '../src/platform/features/featureSet';
import { trainingBackend } from '../src/platform/tfjs/backend';
import type { FeatureJobSample } from './dspApi';
import type { TuneWorkerApi } from './tuneApi';

let dbPromise: Promise<StudioDb> | null = null;
const db = () => (dbPromise ??= openStudioDb());
let controller = new AbortController();

const api: TuneWorkerApi = {
  async plan({ base, settings, classes }) {
    const board = getBoard(settings.board);
    const ctx = {
      base,
      classes,
      board,
      runtime: settings.runtime,
      budget: settings.budget,
      seed: settings.seed,
    };
    return sampleCandidates({
      space: searchSpaceFor(base),
      base,
      count: settings.candidates,
      seed: settings.seed,
      judge: (spec) => planCandidate(spec, ctx),
    });
  },

  async evaluate(job, onProgress) {
    controller = new AbortController();
    const signal = controller.signal;
    const store = await db();
    const hasTest = job.testingSamples.length > 0;
    // Features come through the same IndexedDB cache as the DSP and training workers: a candidate trained again at
    // the next rung, or one sharing another's DSP settings, reads them back instead of computing them.
    const features = (samples: FeatureJobSample[], offset: number, weight: number) =>
      buildFeatureSet(
        store,
        { impulse: job.impulse, samples },
        (p) => onProgress({ phase: 'features', fraction: offset + (weight * p.done) / Math.max(1, p.total) }),
        () => signal.aborted,
      );
    const train = await features(job.trainingSamples, 0, hasTest ? 0.8 : 1);
    const test = hasTest ? await features(job.testingSamples, 0.8, 0.2) : null;
    const layers = job.impulse.learn?.kind === 'classifier' ? job.impulse.learn.layers : [];
    const backend = await trainingBackend(
      job.backend,
      job.baseUrl,
      layers.some((l) => l.type === 'conv1d' || l.type === 'conv2d'),
    );
    return scoreCandidate({
      impulse: job.impulse,
      train: {
        rows: train.rows,
        rowLabels: Array.from(train.summary.rowSample, (i) => job.trainingSamples[i].label),
        rowSample: train.summary.rowSample,
        rowStartMs: train.summary.rowStartMs,
        sampleIds: job.trainingSamples.map((s) => s.id),
        featureShape: train.summary.shape,
        configHash: train.summary.configHash,
      },
      test: test && {
        rows: test.rows,
        labels: Array.from(test.summary.rowSample, (i) => job.testingSamples[i].label),
      },
      board: getBoard(job.board),
      runtime: job.runtime,
      budget: job.budget,
      backend: backend.name,
      signal,
      onProgress: (phase, fraction) => onProgress({ phase, fraction }),
    });
  },

  cancel() {
    controller.abort();
  },
};

expose(api);
