import { create } from 'zustand';
import { proxy } from 'comlink';
import {
  DEFAULT_TUNE,
  distillProblems,
  magnitudeProblems,
  smallerLayers,
  structuredProblems,
  type DistillSettings,
  type MagnitudeSettings,
  type StructuredSettings,
} from '../core/compress/compressSettings';
import { describeError, isStudioError } from '../core/errors';
import type { Impulse } from '../core/impulse/impulse';
import type { TrainedModel } from '../core/learn/trainedModel';
import type { BoardId } from '../core/mcu/boards';
import type { BoardProfile } from '../core/mcu/profileTypes';
import { problemList, type Problems } from '../core/validation/numberRule';
import { compressWorker } from '../platform/workers/compressClient';
import { mcuWorker } from '../platform/workers/mcuClient';
import type { CompressProgress, CompressResult, CompressTechnique } from '../../workers/compressApi';
import { getDb } from './db';
import { useImpulses } from './impulseStore';
import { DEFAULT_RUNTIME } from './profilingStore';
import { toast } from './toastStore';
import { jobSamples, useTraining } from './trainingStore';

export type TechniqueKind = CompressTechnique['kind'];

export interface Running {
  technique: TechniqueKind;
  progress: CompressProgress | null;
  cancelling: boolean;
}

/** One row of the comparison: an impulse's model at one precision, and its estimates per profiled board. */
export interface ComparisonRow {
  impulseId: string;
  name: string;
  precision: 'float32' | 'int8';
  /** Test-set accuracy per window (from the model's float32 vs int8 comparison), null when never tested. */
  accuracy: number | null;
  profiles: BoardProfile[];
  error: string | null;
}

export interface Comparison {
  status: 'running' | 'done' | 'error';
  scope: 'target' | 'all';
  rows: ComparisonRow[];
  done: number;
  total: number;
}

interface CompressionState {
  magnitude: MagnitudeSettings;
  structured: StructuredSettings;
  distill: DistillSettings;
  /** The impulse the distillation settings' student was defaulted for. */
  studentFor: string | null;
  running: Running | null;
  results: Partial<Record<TechniqueKind, CompressResult>>;
  comparison: Comparison | null;
  setMagnitude: (s: MagnitudeSettings) => void;
  setStructured: (s: StructuredSettings) => void;
  setDistill: (s: DistillSettings) => void;
  /** Defaults the student to a smaller version of the teacher, trained at its learning rate and batch size, once per impulse. */
  defaultStudent: (impulse: Impulse, model: TrainedModel) => void;
  run: (kind: TechniqueKind, impulse: Impulse, model: TrainedModel) => Promise<void>;
  cancel: () => void;
  compare: (scope: 'target' | 'all', targetBoard: BoardId) => Promise<void>;
}

export function techniqueProblems(kind: TechniqueKind, s: CompressionState): Problems {
  if (kind === 'magnitude') return magnitudeProblems(s.magnitude);
  if (kind === 'structured') return structuredProblems(s.structured);
  return distillProblems(s.distill);
}

function technique(kind: TechniqueKind, s: CompressionState): CompressTechnique {
  if (kind === 'magnitude') return { kind, settings: s.magnitude };
  if (kind === 'structured') return { kind, settings: s.structured };
  return { kind, settings: s.distill };
}

let comparisons = 0;

export const useCompression = create<CompressionState>((set, get) => ({
  magnitude: { ...DEFAULT_TUNE, sparsity: 0.5 },
  structured: { ...DEFAULT_TUNE, fraction: 0.5 },
  distill: { ...DEFAULT_TUNE, epochs: 30, studentLayers: [], temperature: 4, alpha: 0.7 },
  studentFor: null,
  running: null,
  results: {},
  comparison: null,

  setMagnitude: (magnitude) => set({ magnitude }),
  setStructured: (structured) => set({ structured }),
  setDistill: (distill) => set({ distill }),

  defaultStudent: (impulse, model) => {
    if (get().studentFor === impulse.id || model.learn.kind === 'anomaly') return;
    set({
      studentFor: impulse.id,
      distill: {
        ...get().distill,
        studentLayers: smallerLayers(model.learn.layers),
        learningRate: model.learn.training.learningRate,
        batchSize: model.learn.training.batchSize,
      },
    });
  },

  run: async (kind, impulse, model) => {
    if (get().running) return;
    const problem = problemList(techniqueProblems(kind, get()))[0];
    if (problem) {
      toast.error(`Compression was not started: ${problem}`);
      return;
    }
    const trainingSamples = jobSamples(impulse, 'training');
    if (trainingSamples.length === 0) {
      toast.error('There are no enabled training samples with this impulse’s axes to fine-tune on.');
      return;
    }
    set({ running: { technique: kind, progress: null, cancelling: false } });
    try {
      const result = await compressWorker().compress(
        {
          impulse,
          model,
          trainingSamples,
          testingSamples: jobSamples(impulse, 'testing'),
          technique: technique(kind, get()),
          backend: useTraining.getState().backend,
          baseUrl: new URL(import.meta.env.BASE_URL, location.href).href,
        },
        proxy((progress: CompressProgress) => {
          const r = get().running;
          if (r) set({ running: { ...r, progress } });
        }),
      );
      set({ results: { ...get().results, [kind]: result } });
      await useImpulses.getState().refresh();
      toast.success(`Saved ${result.variants.map((v) => `“${v.impulse.name}”`).join(' and ')}.`);
    } catch (e) {
      if (!(isStudioError(e) && e.code === 'cancelled')) toast.error(describeError(e));
    } finally {
      set({ running: null });
    }
  },

  cancel: () => {
    const r = get().running;
    if (!r || r.cancelling) return;
    set({ running: { ...r, cancelling: true } });
    void compressWorker().cancel();
  },

  compare: async (scope, targetBoard) => {
    const id = ++comparisons;
    const impulses = useImpulses.getState().impulses;
    set({ comparison: { status: 'running', scope, rows: [], done: 0, total: impulses.length } });
    const rows: ComparisonRow[] = [];
    try {
      const db = await getDb();
      for (const impulse of impulses) {
        const model = await db.getModel(impulse.id);
        if (id !== comparisons) return;
        if (model?.float) rows.push(...(await compareModel(impulse, model, scope, targetBoard)));
        const c = get().comparison;
        if (c) set({ comparison: { ...c, rows: [...rows], done: c.done + 1 } });
      }
      if (id === comparisons) set({ comparison: { ...get().comparison!, status: 'done' } });
    } catch (e) {
      if (id === comparisons) {
        set({ comparison: { ...get().comparison!, status: 'error' } });
        toast.error(describeError(e));
      }
    }
  },
}));

/** Profiles one model (both precisions once quantised) on the target board or on every board. */
async function compareModel(
  impulse: Impulse,
  model: TrainedModel,
  scope: 'target' | 'all',
  targetBoard: BoardId,
): Promise<ComparisonRow[]> {
  const precisions: Array<'float32' | 'int8'> = model.int8 ? ['float32', 'int8'] : ['float32'];
  const comparison = model.int8?.comparison;
  const base = (precision: 'float32' | 'int8'): ComparisonRow => ({
    impulseId: impulse.id,
    name: impulse.name,
    precision,
    accuracy: comparison ? (precision === 'int8' ? comparison.int8 : comparison.float).accuracy : null,
    profiles: [],
    error: null,
  });
  try {
    const sampleIds = [...jobSamples(impulse, 'testing'), ...jobSamples(impulse, 'training')].map(
      (s) => s.id,
    );
    const result = await mcuWorker().profileImpulse(
      { impulse, model, sampleIds, boards: scope === 'target' ? [targetBoard] : undefined, precisions },
      proxy(() => undefined),
    );
    return precisions.map((p) => ({
      ...base(p),
      profiles: result.reports.find((r) => r.precision === p)?.profiles[DEFAULT_RUNTIME] ?? [],
    }));
  } catch (e) {
    return precisions.map((p) => ({ ...base(p), error: describeError(e) }));
  }
}
