/// <reference lib="webworker" />
import '../src/platform/workers/holdLifeline';
import { expose } from 'comlink';
import '../src/platform/workers/typedErrors';
import kwsModelUrl from '../../shared/testdata/tflite/kws_ref_model.tflite?url';
import { sliceWindows } from '../src/core/dataset/windowing';
import { StudioError } from '../src/core/errors';
import { describeImpulse } from '../src/core/impulse/generateFeatures';
import type { Impulse } from '../src/core/impulse/impulse';
import { calibrationTable } from '../src/core/mcu/calibration';
import { deployableBoards, getBoard, type Board, type BoardId } from '../src/core/mcu/boards';
import { profileRun, runOnFeatures, runSeeded, type ModelToProfile } from '../src/core/mcu/profileRun';
import type { TrainedModel } from '../src/core/learn/trainedModel';
import { readTflite, writeTflite } from '../src/core/tflite';
import { estimatePlannedModel } from '../src/core/tune/plannedEstimate';
import { openStudioDb } from '../src/platform/db/openStudioDb';
import type { StudioDb } from '../src/platform/db/studioDb';
import type { ImpulseProfileJob, McuWorkerApi } from './mcuApi';

let dbPromise: Promise<StudioDb> | null = null;
const db = () => (dbPromise ??= openStudioDb());

const boardsOf = (ids: BoardId[] | undefined): Board[] => (ids ? ids.map(getBoard) : deployableBoards());

/** The first window of the first sample that gives one: the real input the model is proven on. */
async function realWindow(
  impulse: Impulse,
  sampleIds: string[],
): Promise<{ features: Float32Array; source: string }> {
  const store = await db();
  for (const id of sampleIds) {
    const sample = await store.getSample(id);
    const sliced = sliceWindows(sample, impulse.input);
    if (sliced.windows.length === 0) continue;
    const { block, params } = describeImpulse(impulse, sliced.shape);
    return {
      features: block.run(params, sliced.windows[0], sliced.shape),
      source: `the first window of sample “${sample.name}” (${sample.label})`,
    };
  }
  throw new StudioError(
    'profile-no-window',
    'No enabled sample gives a window for this impulse, so the model cannot be run on real data: record or import one.',
  );
}

function modelsOf(model: TrainedModel, precisions: ImpulseProfileJob['precisions']): ModelToProfile[] {
  const wanted = precisions ?? ['int8', 'float32'];
  const models: ModelToProfile[] = [];
  if (wanted.includes('int8') && model.int8)
    models.push({ precision: 'int8', graph: model.int8.graph, tfliteBytes: model.int8.int8Bytes });
  if (wanted.includes('float32') && model.float)
    models.push({
      precision: 'float32',
      graph: model.float,
      tfliteBytes: model.int8?.floatBytes ?? writeTflite(model.float).length,
    });
  if (models.length === 0 && !model.anomaly)
    throw new StudioError(
      'profile-no-model',
      wanted.includes('float32') ? 'Train the model first.' : 'Quantise the model to int8 first.',
    );
  return models;
}

const api: McuWorkerApi = {
  async profileImpulse(job, onProgress) {
    const t0 = performance.now();
    const { impulse, model } = job;
    const models = modelsOf(model, job.precisions);
    const { features, source } = await realWindow(impulse, job.sampleIds);
    const reports = profileRun(
      {
        models,
        impulse,
        anomaly: model.anomaly,
        execute: (m) => runOnFeatures(m?.graph ?? model.anomaly!, features, source),
      },
      boardsOf(job.boards),
      onProgress,
    );
    return { title: impulse.name, reports, labels: model.labels, durationMs: performance.now() - t0 };
  },

  async profileTflite(bytes, fileName, boards, onProgress) {
    const t0 = performance.now();
    onProgress({ done: 0, total: 1, step: `Reading ${fileName}` });
    const graph = readTflite(bytes, fileName);
    const precision = graph.tensors.some((t) => t.data === undefined && t.dtype === 'int8')
      ? 'int8'
      : 'float32';
    const reports = profileRun(
      { models: [{ precision, graph, tfliteBytes: bytes.length }], execute: () => runSeeded(graph, 1) },
      boardsOf(boards),
      onProgress,
    );
    return { title: fileName, reports, labels: [], durationMs: performance.now() - t0 };
  },

  async estimatePlanned({ impulse, arch, board, runtime }) {
    return estimatePlannedModel(impulse, arch, getBoard(board), runtime);
  },

  async calibration() {
    const response = await fetch(kwsModelUrl);
    if (!response.ok)
      throw new StudioError(
        'calibration-model',
        `The KWS reference model did not load (${response.status}).`,
      );
    const kws = readTflite(new Uint8Array(await response.arrayBuffer()), 'kws_ref_model.tflite');
    const table = calibrationTable(kws);
    const { nn, dspEfficiency } = table.fit;
    const efficiencies = Object.entries(nn.efficiency)
      .map(([core, e]) => `${core} × ${e}`)
      .join(', ');
    return {
      rows: table.rows,
      worstErrorPct: table.worstErrorPct,
      fit: `efficiency ${efficiencies}; CMSIS-NN convolution factor × ${nn.windowFactor}; DSP efficiency × ${dspEfficiency}`,
    };
  },
};

expose(api);
