/**
 * The Deployment page: the chosen format and precision, the simulated figures of that exact choice on the
 * project's target board (the MCU worker's profile), the build of the download in the deployment worker, and a
 * `.tflite` brought by the user, which takes the impulse's place until it is cleared.
 */
import { create } from 'zustand';
import { proxy, transfer } from 'comlink';
import { describeError } from '../core/errors';
import type { DeployFormat } from '../core/deploy/deployment';
import type { Impulse } from '../core/impulse/impulse';
import type { TrainedModel } from '../core/learn/trainedModel';
import type { BoardId } from '../core/mcu/boards';
import type { Runtime } from '../core/mcu/cost';
import type { BoardProfile } from '../core/mcu/profileTypes';
import { downloadBytes } from '../platform/download';
import { deployWorker } from '../platform/workers/deployClient';
import { mcuWorker } from '../platform/workers/mcuClient';
import { getDb } from './db';
import { modelKey } from './profilingStore';
import { journaled } from './jobJournal';
import { toast } from './toastStore';
import { jobSamples } from './trainingStore';

export type Precision = 'int8' | 'float32';

/** The runtime a format is run with: the generated C for the libraries, TFLite Micro (+ CMSIS-NN) for a model file. */
export function runtimeOf(format: DeployFormat): Runtime {
  return format === 'cpp' || format === 'arduino' ? 'studio-generated' : 'tflm-cmsis-nn';
}

export interface Estimate {
  key: string;
  status: 'running' | 'done' | 'error';
  profile: BoardProfile | null;
  error: string | null;
}

/** A `.tflite` dropped on the page: its bytes stay here (the worker gets copies). */
export interface DroppedModel {
  fileName: string;
  bytes: Uint8Array;
}

interface DeploymentState {
  format: DeployFormat;
  precision: Precision;
  dropped: DroppedModel | null;
  estimate: Estimate | null;
  building: { step: string } | null;
  buildError: string | null;
  /** Per project id: when its Arduino library was last downloaded (kept in the settings across reloads). */
  libraryDownloads: Record<string, number>;
  loadLibraryDownload: (projectId: string) => Promise<void>;
  setFormat: (format: DeployFormat) => void;
  setPrecision: (precision: Precision) => void;
  dropModel: (file: File) => Promise<void>;
  clearDropped: () => void;
  estimateImpulse: (impulse: Impulse, model: TrainedModel, board: BoardId) => Promise<void>;
  estimateDropped: (board: BoardId) => Promise<void>;
  downloadImpulse: (projectName: string, impulse: Impulse, model: TrainedModel) => Promise<void>;
  downloadDropped: () => Promise<void>;
}

/** Identifies what an estimate is of: a newer choice makes an older result stale. */
export function estimateKey(
  subject: string,
  board: BoardId,
  format: DeployFormat,
  precision: string,
): string {
  return `${subject}|${board}|${runtimeOf(format)}|${precision}`;
}

/** Settings key of the time a project's Arduino library was last downloaded. */
export const libraryDownloadKey = (projectId: string) => `arduinoLibraryDownloaded:${projectId}`;

/** Samples a real window is taken from: testing samples first (held out), then training ones. */
function windowSamples(impulse: Impulse): string[] {
  return [...jobSamples(impulse, 'testing'), ...jobSamples(impulse, 'training')].map((s) => s.id);
}

export const useDeployment = create<DeploymentState>((set, get) => {
  async function estimate(key: string, run: () => Promise<BoardProfile | null>) {
    if (get().estimate?.key === key) return;
    set({ estimate: { key, status: 'running', profile: null, error: null } });
    try {
      const profile = await run();
      if (get().estimate?.key === key) set({ estimate: { key, status: 'done', profile, error: null } });
    } catch (e) {
      if (get().estimate?.key === key)
        set({ estimate: { key, status: 'error', profile: null, error: describeError(e) } });
    }
  }

  /** Builds and downloads, then runs `downloaded` once the file was handed to the browser. */
  async function build(
    name: string,
    what: () => Promise<{ fileName: string; bytes: Uint8Array; mime: string }>,
    downloaded?: () => Promise<void>,
  ) {
    if (get().building) return;
    set({ building: { step: 'Starting the deployment worker' }, buildError: null });
    try {
      const d = await journaled('export', name, what);
      downloadBytes(d.fileName, d.bytes, d.mime);
      toast.success(`${d.fileName} is ready (${(d.bytes.length / 1024).toFixed(1)} KB).`);
      set({ building: null });
    } catch (e) {
      set({ building: null, buildError: describeError(e) });
      return;
    }
    await downloaded?.();
  }

  async function recordLibraryDownload(projectId: string) {
    const at = Date.now();
    set({ libraryDownloads: { ...get().libraryDownloads, [projectId]: at } });
    try {
      await (await getDb()).setSetting(libraryDownloadKey(projectId), at);
    } catch (e) {
      toast.error(`The download was not recorded: ${describeError(e)}`);
    }
  }

  const onStep = () => proxy((step: string) => get().building && set({ building: { step } }));

  return {
    format: 'arduino',
    precision: 'int8',
    dropped: null,
    estimate: null,
    building: null,
    buildError: null,
    libraryDownloads: {},

    loadLibraryDownload: async (projectId) => {
      try {
        const at = await (await getDb()).getSetting<number>(libraryDownloadKey(projectId));
        if (at !== undefined) set({ libraryDownloads: { ...get().libraryDownloads, [projectId]: at } });
      } catch (e) {
        toast.error(describeError(e));
      }
    },

    setFormat: (format) => set({ format, buildError: null }),
    setPrecision: (precision) => set({ precision, buildError: null }),

    dropModel: async (file) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { format } = get();
      set({
        dropped: { fileName: file.name, bytes },
        format: format === 'cpp' || format === 'header' ? format : 'cpp',
        estimate: null,
        buildError: null,
      });
    },

    clearDropped: () => set({ dropped: null, estimate: null, buildError: null }),

    estimateImpulse: (impulse, model, board) => {
      const { format, precision } = get();
      const anomaly = model.learn.kind === 'anomaly';
      const key = estimateKey(modelKey(impulse, model), board, format, anomaly ? 'none' : precision);
      return estimate(key, async () => {
        const result = await mcuWorker().profileImpulse(
          {
            impulse,
            model,
            sampleIds: windowSamples(impulse),
            boards: [board],
            precisions: anomaly ? undefined : [precision],
          },
          proxy(() => undefined),
        );
        return result.reports[0]?.profiles[runtimeOf(format)][0] ?? null;
      });
    },

    estimateDropped: (board) => {
      const { dropped, format } = get();
      if (!dropped) return Promise.resolve();
      const key = estimateKey(`file|${dropped.fileName}|${dropped.bytes.length}`, board, format, 'file');
      return estimate(key, async () => {
        const copy = dropped.bytes.slice();
        const result = await mcuWorker().profileTflite(
          transfer(copy, [copy.buffer]),
          dropped.fileName,
          [board],
          proxy(() => undefined),
        );
        return result.reports[0]?.profiles[runtimeOf(format)][0] ?? null;
      });
    },

    downloadImpulse: (projectName, impulse, model) => {
      const format = get().format;
      return build(
        impulse.name,
        () =>
          deployWorker().buildImpulse(
            {
              source: { projectName, impulse, model, precision: get().precision },
              format,
              url: new URL(import.meta.env.BASE_URL, location.href).href,
            },
            onStep(),
          ),
        format === 'arduino' ? () => recordLibraryDownload(impulse.projectId) : undefined,
      );
    },

    downloadDropped: () =>
      build(get().dropped?.fileName ?? 'the model', async () => {
        const dropped = get().dropped!;
        const copy = dropped.bytes.slice();
        return deployWorker().buildModel(
          transfer(copy, [copy.buffer]),
          dropped.fileName,
          get().format,
          onStep(),
        );
      }),
  };
});
