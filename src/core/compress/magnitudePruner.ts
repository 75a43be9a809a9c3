import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { magnitudeMask, isUpdateStep, scheduledSparsity, type PruningSchedule } from './pruningSchedule';

/** One pruned layer's state, for the per-layer sparsity table. */
export interface PrunedLayerState {
  layerName: string;
  weights: number;
  sparsity: number;
}

/**
 * Magnitude pruning of a tfjs model's kernels (conv, depthwise and dense; biases are not pruned, as in TF-MOT).
 * `afterStep(step)` is called after every optimizer step: on the schedule's update steps it recomputes each
 * layer's mask from the current magnitudes at the scheduled sparsity; on every step it multiplies each kernel by
 * its mask, so pruned weights stay exactly 0 although the optimizer keeps moving them.
 */
export interface MagnitudePruner {
  afterStep(step: number): void;
  layers(): PrunedLayerState[];
  dispose(): void;
}

interface PrunedKernel {
  layer: tfl.layers.Layer;
  mask: tf.Tensor | null;
  sparsity: number;
}

export function createMagnitudePruner(model: tfl.LayersModel, schedule: PruningSchedule): MagnitudePruner {
  const kernels: PrunedKernel[] = model.layers
    .filter((l) => l.getWeights().length > 0)
    .map((layer) => ({ layer, mask: null, sparsity: 0 }));
  return {
    afterStep(step) {
      for (const k of kernels) {
        const [kernel, ...rest] = k.layer.getWeights();
        if (isUpdateStep(step, schedule)) {
          k.sparsity = scheduledSparsity(step, schedule);
          k.mask?.dispose();
          const mask = magnitudeMask(kernel.dataSync() as Float32Array, k.sparsity);
          k.mask = tf.tensor(Float32Array.from(mask), kernel.shape);
        }
        if (k.mask) {
          const masked = tf.mul(kernel, k.mask);
          k.layer.setWeights([masked, ...rest]);
          masked.dispose();
        }
      }
    },
    layers: () =>
      kernels.map((k) => ({
        layerName: k.layer.name,
        weights: k.layer.getWeights()[0].size,
        sparsity: k.sparsity,
      })),
    dispose() {
      for (const k of kernels) k.mask?.dispose();
    },
  };
}
