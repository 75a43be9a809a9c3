import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { StudioError } from '../errors';
import { seededRandom, shuffleInPlace } from '../random';
import { YIELD_SLICE_MS, yieldToEventLoop } from '../yieldToEventLoop';
import type { Architecture } from './architecture';
import { createEarlyStopping } from './earlyStopping';
import type { TrainingSettings } from './learnBlock';
import { classWeights, validationSplit } from './split';
import { buildTfModel, readLayerWeights, type LayerWeights } from './tfModel';

export interface TrainingData {
  /** rows × featureCount, row-major. */
  x: Float32Array;
  rows: number;
  featureCount: number;
  /** Class index per row (classifier) or target value per row (regression). */
  y: Int32Array | Float32Array;
}

export interface EpochLog {
  epoch: number;
  loss: number;
  valLoss: number | null;
  accuracy: number | null;
  valAccuracy: number | null;
  elapsedMs: number;
}

export interface TrainOptions {
  arch: Architecture;
  settings: TrainingSettings;
  /** A fresh augmented copy of a training row's features (called once per row and epoch when augmenting). */
  augment?: (row: number, rand: () => number) => Float32Array;
  onEpoch?: (log: EpochLog, totalEpochs: number) => void;
  signal?: AbortSignal;
  now?: () => number;
}

export interface TrainResult {
  weights: LayerWeights[];
  history: EpochLog[];
  /** The epoch whose weights were kept (the best validation loss when early stopping is on, else the last). */
  keptEpoch: number;
  stoppedEarly: boolean;
  trainIdx: Int32Array;
  valIdx: Int32Array;
  /** Model outputs for every row (rows × outputs), from the kept weights. */
  outputs: Float32Array;
}

const cancelledError = () => new StudioError('cancelled', 'Training was cancelled.');

function rowsTensor(
  data: TrainingData,
  idx: ArrayLike<number>,
  augmented?: (row: number) => Float32Array,
): tf.Tensor2D {
  const f = data.featureCount;
  const buf = new Float32Array(idx.length * f);
  for (let i = 0; i < idx.length; i++) {
    const r = idx[i];
    buf.set(augmented ? augmented(r) : data.x.subarray(r * f, (r + 1) * f), i * f);
  }
  return tf.tensor2d(buf, [idx.length, f]);
}

function targetsTensor(data: TrainingData, idx: ArrayLike<number>, arch: Architecture): tf.Tensor {
  if (arch.head.kind === 'regression') {
    return tf.tensor2d(
      Float32Array.from(idx, (r) => data.y[r]),
      [idx.length, 1],
    );
  }
  const classes = arch.head.classes;
  const oneHot = new Float32Array(idx.length * classes);
  for (let i = 0; i < idx.length; i++) oneHot[i * classes + data.y[idx[i]]] = 1;
  return tf.tensor2d(oneHot, [idx.length, classes]);
}

/**
 * Trains a network on feature rows with tfjs (whatever backend the caller registered), one `fit` epoch at a
 * time so that every epoch can be reshuffled (seeded), augmented, reported and cancelled.
 */
export async function trainNetwork(data: TrainingData, options: TrainOptions): Promise<TrainResult> {
  const { arch, settings, signal } = options;
  const now = options.now ?? (() => performance.now());
  const classifier = arch.head.kind === 'classifier';
  const labels = classifier ? data.y : new Int32Array(data.rows);
  const { trainIdx, valIdx } = validationSplit(labels, settings.validationSplit, settings.seed);
  if (trainIdx.length === 0)
    throw new StudioError(
      'no-training-data',
      'There are no training windows: record or import training samples.',
    );
  const rand = seededRandom(settings.seed);
  const model = buildTfModel(arch, { seed: settings.seed, learningRate: settings.learningRate });
  const head = arch.head;
  const weighting =
    head.kind === 'classifier' && settings.classWeighting
      ? Object.fromEntries(
          Array.from(
            classWeights(
              Array.from(trainIdx, (r) => data.y[r]),
              head.classes,
            ),
            (w, c) => [c, w],
          ),
        )
      : undefined;
  const xVal = valIdx.length > 0 ? rowsTensor(data, valIdx) : null;
  const yVal = valIdx.length > 0 ? targetsTensor(data, valIdx, arch) : null;
  const stopping =
    settings.earlyStoppingPatience > 0
      ? createEarlyStopping({ patience: settings.earlyStoppingPatience, minDelta: 0, monitor: 'val_loss' })
      : null;
  const history: EpochLog[] = [];
  const started = now();
  let best: tf.Tensor[] | null = null;
  let keptEpoch = 0;
  let stoppedEarly = false;
  const order: number[] = Array.from(trainIdx);
  try {
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      // Every epoch lets a cancel message in: a small model's epoch never leaves the microtask queue (below).
      await yieldToEventLoop();
      if (signal?.aborted) throw cancelledError();
      shuffleInPlace(order, rand);
      const augment = settings.augmentation.enabled && options.augment ? options.augment : undefined;
      const x = rowsTensor(data, order, augment ? (r) => augment(r, rand) : undefined);
      const y = targetsTensor(data, order, arch);
      let fitted: tfl.History;
      try {
        fitted = await model.fit(x, y, {
          epochs: 1,
          batchSize: settings.batchSize,
          shuffle: false,
          validationData: xVal && yVal ? [xVal, yVal] : undefined,
          classWeight: weighting,
          verbose: 0,
          // tfjs yields inside `fit` only after this long, timed from each call: with one call per epoch, an
          // epoch shorter than that never yields. Long epochs yield here, through a task rather than tfjs's
          // animation frame (a worker may have none), and stop at the next batch once cancelled.
          yieldEvery: YIELD_SLICE_MS,
          callbacks: {
            nextFrameFunc: yieldToEventLoop,
            onYield: () => {
              if (signal?.aborted) model.stopTraining = true;
            },
          },
        });
      } finally {
        x.dispose();
        y.dispose();
      }
      if (signal?.aborted) throw cancelledError();
      const h = fitted.history;
      const pick = (key: string) => (h[key] ? Number(h[key][0]) : null);
      const log: EpochLog = {
        epoch,
        loss: Number(h.loss[0]),
        valLoss: pick('val_loss'),
        accuracy: pick('acc') ?? pick('accuracy'),
        valAccuracy: pick('val_acc') ?? pick('val_accuracy'),
        elapsedMs: now() - started,
      };
      history.push(log);
      options.onEpoch?.(log, settings.epochs);
      keptEpoch = epoch;
      if (stopping && log.valLoss !== null) {
        const { stop, improved } = stopping.update({
          val_loss: log.valLoss,
          val_accuracy: log.valAccuracy ?? undefined,
        });
        if (improved) {
          best?.forEach((t) => t.dispose());
          best = model.getWeights().map((t) => t.clone());
        }
        if (stop) {
          stoppedEarly = true;
          break;
        }
      }
    }
    if (stopping && best) {
      model.setWeights(best);
      keptEpoch = stopping.bestEpoch;
    }
    const all = tf.tensor2d(data.x, [data.rows, data.featureCount]);
    const outputs = predictRows(model, all);
    all.dispose();
    return { weights: readLayerWeights(model), history, keptEpoch, stoppedEarly, trainIdx, valIdx, outputs };
  } finally {
    best?.forEach((t) => t.dispose());
    xVal?.dispose();
    yVal?.dispose();
    model.dispose();
  }
}

function predictRows(model: tfl.LayersModel, x: tf.Tensor): Float32Array {
  const out = model.predict(x) as tf.Tensor;
  try {
    return Float32Array.from(out.dataSync());
  } finally {
    out.dispose();
  }
}
