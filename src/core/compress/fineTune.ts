import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { StudioError } from '../errors';
import { seededRandom, shuffleInPlace } from '../random';
import { timeSlicer } from '../yieldToEventLoop';

/** A loss over a batch: targets as packed by the caller, outputs as the model gives them. */
export type BatchLoss = (targets: tf.Tensor2D, outputs: tf.Tensor2D) => tf.Scalar;

export interface FineTuneOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  loss: BatchLoss;
  /** Called after every optimizer step (1-based), e.g. to re-apply pruning masks. */
  afterStep?: (step: number) => void;
  /** Called after every epoch (1-based) with its mean loss, e.g. for a progress bar. */
  onEpoch?: (epoch: number, loss: number) => void;
  /** Checked between batches (the loop yields to the event loop now and then so a cancel gets in). */
  signal?: AbortSignal;
}

/** Categorical cross-entropy on softmax outputs, with one-hot targets. */
export const crossEntropyLoss: BatchLoss = (targets, outputs) =>
  tf.tidy(() => tf.mean(tf.neg(tf.sum(tf.mul(targets, tf.log(tf.clipByValue(outputs, 1e-7, 1))), 1))));

/**
 * A training loop of explicit optimizer steps (Adam), so that compression can act between steps — pruning
 * masks, or a loss whose targets carry more than the labels (distillation). Dropout is active while training.
 * Returns the mean loss of every epoch; throws StudioError('cancelled') once `signal` is aborted.
 */
export async function fineTune(
  model: tfl.LayersModel,
  x: tf.Tensor2D,
  targets: tf.Tensor2D,
  options: FineTuneOptions,
): Promise<number[]> {
  const optimizer = tf.train.adam(options.learningRate);
  const rand = seededRandom(options.seed);
  const order = Array.from({ length: x.shape[0] }, (_, i) => i);
  const losses: number[] = [];
  let step = 0;
  const slice = timeSlicer();
  try {
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      shuffleInPlace(order, rand);
      let sum = 0;
      let batches = 0;
      for (let start = 0; start < order.length; start += options.batchSize) {
        await slice();
        if (options.signal?.aborted) throw new StudioError('cancelled', 'Fine-tuning was cancelled.');
        const idx = tf.tensor1d(order.slice(start, start + options.batchSize), 'int32');
        const xb = tf.gather(x, idx);
        const yb = tf.gather(targets, idx);
        const loss = optimizer.minimize(
          () => options.loss(yb, model.apply(xb, { training: true }) as tf.Tensor2D),
          true,
        );
        if (loss) sum += loss.dataSync()[0];
        batches++;
        tf.dispose([idx, xb, yb]);
        loss?.dispose();
        step++;
        options.afterStep?.(step);
      }
      losses.push(sum / Math.max(1, batches));
      options.onEpoch?.(epoch + 1, losses[losses.length - 1]);
    }
  } finally {
    optimizer.dispose();
  }
  return losses;
}
