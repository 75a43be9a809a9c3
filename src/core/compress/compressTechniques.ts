import * as tf from '@tensorflow/tfjs-core';
import { deflateSync } from 'fflate';
import { StudioError } from '../errors';
import type { Graph } from '../ir/graph';
import { planArchitecture, planFor } from '../learn/architecture';
import { graphRunner } from '../learn/modelRunner';
import { writeTflite } from '../tflite';
import { problemList } from '../validation/numberRule';
import {
  distillProblems,
  magnitudeProblems,
  structuredProblems,
  type DistillSettings,
  type MagnitudeSettings,
  type StructuredSettings,
  type TuneSettings,
} from './compressSettings';
import { distillationTargets, distillationTrainingLoss } from './distillation';
import { crossEntropyLoss, fineTune, type BatchLoss } from './fineTune';
import { layerWeightsFromGraph } from './graphWeights';
import { createMagnitudePruner } from './magnitudePruner';
import { sparsityOf, type PruningSchedule } from './pruningSchedule';
import { pruneStructured } from './structuredPruning';
import {
  disposeSet,
  modelWithWeights,
  networkOf,
  prepareSet,
  variantModel,
  type PreparedSet,
  type VariantTrainingSet,
} from './variantTraining';
import type { Architecture } from '../learn/architecture';
import type { LayerWeights } from '../learn/tfModel';
import type { TrainedModel } from '../learn/trainedModel';

export interface CompressContext {
  source: TrainedModel;
  set: VariantTrainingSet;
  /** The id of the impulse the variant will be saved as. */
  impulseId: string;
  description: string;
  signal?: AbortSignal;
  /** Epoch done of the epochs of the current network (a distillation trains two). */
  onEpoch?: (epoch: number, total: number, network: string) => void;
  now?: () => number;
}

/** One layer of a pruned network: its weights and the fraction of them that are exactly zero. */
export interface LayerSparsity {
  layer: string;
  weights: number;
  sparsity: number;
}

/** A `.tflite` file's size and what it deflates to (the zip a download would be). */
export interface FileSize {
  bytes: number;
  deflatedBytes: number;
}

export function fileSize(graph: Graph): FileSize {
  const bytes = writeTflite(graph);
  return { bytes: bytes.length, deflatedBytes: deflateSync(bytes, { level: 9 }).length };
}

const refuse = (problems: Record<string, string>) => {
  const first = problemList(problems)[0];
  if (first) throw new StudioError('compress-settings', first);
};

async function tune(
  ctx: CompressContext,
  arch: Architecture,
  weights: LayerWeights[] | null,
  settings: TuneSettings,
  targets: (prepared: PreparedSet) => { targets: tf.Tensor2D; loss: BatchLoss },
  network: string,
  /** Given the model and how many rows it trains on (the validation split held out), what to run after each step. */
  afterModel?: (
    model: ReturnType<typeof modelWithWeights>,
    trainRows: number,
  ) => ((step: number) => void) | undefined,
): Promise<{ model: TrainedModel; tfModel: ReturnType<typeof modelWithWeights> }> {
  const now = ctx.now ?? (() => Date.now());
  const startedAt = now();
  const prepared = prepareSet(ctx.source, ctx.set);
  const tfModel = modelWithWeights(arch, weights, settings.seed);
  const { targets: y, loss } = targets(prepared);
  try {
    const losses = await fineTune(tfModel, prepared.x, y, {
      ...settings,
      loss,
      signal: ctx.signal,
      afterStep: afterModel?.(tfModel, prepared.x.shape[0]),
      onEpoch: (epoch) => ctx.onEpoch?.(epoch, settings.epochs, network),
    });
    const model = variantModel({
      source: ctx.source,
      impulseId: ctx.impulseId,
      arch,
      tfModel,
      set: ctx.set,
      prepared,
      losses,
      description: ctx.description,
      startedAt,
      now,
    });
    return { model, tfModel };
  } finally {
    if (y !== prepared.oneHot) y.dispose();
    disposeSet(prepared);
  }
}

const hardLabels = (p: PreparedSet) => ({ targets: p.oneHot, loss: crossEntropyLoss });

/** The source's planned architecture and its stored weights. */
function sourceNetwork(source: TrainedModel) {
  const { float, learn } = networkOf(source);
  const arch = planFor(learn, source.featureShape, source.labels.length);
  return { arch, weights: layerWeightsFromGraph(float, arch) };
}

export interface MagnitudeResult {
  model: TrainedModel;
  layers: LayerSparsity[];
}

/** The schedule over the optimizer steps fine-tuning will take on `trainRows` rows (the last batch may be short). */
function pruningSchedule(s: MagnitudeSettings, trainRows: number): PruningSchedule {
  const steps = s.epochs * Math.ceil(trainRows / s.batchSize);
  const endStep = Math.max(1, Math.round(steps * 0.7));
  return {
    initialSparsity: 0,
    finalSparsity: s.sparsity,
    beginStep: 1,
    endStep,
    frequency: Math.max(1, Math.round(endStep / 10)),
    power: 3,
  };
}

/**
 * Magnitude pruning while fine-tuning: the sparsity rises on a polynomial schedule over the first 70 % of the
 * optimizer steps to the target, the masks recomputed ten times on the way and re-applied after every step.
 */
export async function magnitudePrune(ctx: CompressContext, s: MagnitudeSettings): Promise<MagnitudeResult> {
  refuse(magnitudeProblems(s));
  const { arch, weights } = sourceNetwork(ctx.source);
  let disposePruner = () => {};
  const { model, tfModel } = await tune(ctx, arch, weights, s, hardLabels, 'pruned', (m, trainRows) => {
    const pruner = createMagnitudePruner(m, pruningSchedule(s, trainRows));
    disposePruner = () => pruner.dispose();
    return (step) => pruner.afterStep(step);
  });
  disposePruner();
  tfModel.dispose();
  const layers = model.float!.ops.flatMap((op) => {
    if (op.kind !== 'FULLY_CONNECTED' && op.kind !== 'CONV_2D' && op.kind !== 'DEPTHWISE_CONV_2D') return [];
    const w = model.float!.tensors[op.inputs[1]];
    return [
      {
        layer: w.name.replace(/\/(weights|filter)$/, ''),
        weights: w.data!.length,
        sparsity: sparsityOf(w.data!),
      },
    ];
  });
  return { model, layers };
}

export interface StructuredResult {
  model: TrainedModel;
  /** Per hidden layer with units: how many it had and has. */
  layers: Array<{ layer: string; before: number; after: number }>;
}

/** Removes the weakest filters / neurons (L1 norm) of every hidden layer, then fine-tunes the smaller network. */
export async function structuredPrune(
  ctx: CompressContext,
  s: StructuredSettings,
): Promise<StructuredResult> {
  refuse(structuredProblems(s));
  const { arch, weights } = sourceNetwork(ctx.source);
  const pruned = pruneStructured(arch, weights, s.fraction);
  const { model, tfModel } = await tune(ctx, pruned.arch, pruned.weights, s, hardLabels, 'pruned');
  tfModel.dispose();
  const layers = [...pruned.kept.entries()].map(([i, kept]) => {
    const spec = arch.layers[i].spec;
    const before =
      spec?.type === 'dense' ? spec.units : spec && 'filters' in spec ? spec.filters : kept.length;
    return { layer: arch.layers[i].title, before, after: kept.length };
  });
  return { model, layers };
}

export interface DistillResult {
  student: TrainedModel;
  /** The same student architecture trained on the labels alone, with the same seed and epochs. */
  scratch: TrainedModel;
}

/**
 * Knowledge distillation: the student learns from the labels and the teacher's softened outputs (T, α, the soft
 * term scaled by T²); the same student from scratch, same initial weights, order and epochs, is the baseline.
 */
export async function distil(
  ctx: CompressContext,
  scratchImpulseId: string,
  s: DistillSettings,
): Promise<DistillResult> {
  refuse(distillProblems(s));
  const { float } = networkOf(ctx.source);
  const classes = ctx.source.labels.length;
  const arch = planArchitecture(ctx.source.featureShape, s.studentLayers, { kind: 'classifier', classes });
  const teacher = graphRunner(float);
  const soft = (p: PreparedSet) => {
    const logits = new Float32Array(p.trainIdx.length * classes);
    // The teacher ends in softmax: its log-probabilities are its logits up to a constant softmax ignores.
    p.trainIdx.forEach((r, i) =>
      teacher(ctx.set.rows[r]).forEach((v, k) => (logits[i * classes + k] = Math.log(Math.max(v, 1e-7)))),
    );
    return {
      targets: distillationTargets(p.y, logits, classes),
      loss: distillationTrainingLoss(classes, { alpha: s.alpha, temperature: s.temperature }),
    };
  };
  const student = await tune(ctx, arch, null, s, soft, 'distilled student');
  student.tfModel.dispose();
  const scratch = await tune(
    { ...ctx, impulseId: scratchImpulseId, description: `${ctx.description} (from scratch)` },
    arch,
    null,
    s,
    hardLabels,
    'student from scratch',
  );
  scratch.tfModel.dispose();
  return { student: student.model, scratch: scratch.model };
}
