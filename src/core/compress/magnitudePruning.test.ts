import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { planArchitecture } from '../learn/architecture';
import { buildTfModel } from '../learn/tfModel';
import { crossEntropyLoss, fineTune } from './fineTune';
import { createMagnitudePruner } from './magnitudePruner';
import {
  lastUpdateStep,
  magnitudeMask,
  prunedCount,
  scheduledSparsity,
  sparsityOf,
  type PruningSchedule,
} from './pruningSchedule';
import { syntheticClasses } from './syntheticData';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const schedule: PruningSchedule = {
  initialSparsity: 0.2,
  finalSparsity: 0.8,
  beginStep: 2,
  endStep: 22,
  frequency: 5,
  power: 3,
};

describe('polynomial-decay schedule', () => {
  it('rises from the initial to the final sparsity, changing only on update steps', () => {
    expect(scheduledSparsity(1, schedule)).toBe(0);
    expect(scheduledSparsity(2, schedule)).toBeCloseTo(0.2, 12);
    // Step 9 uses the masks of step 7: progress ¼, 0.8 − 0.6·(¾)³ = 0.546875.
    expect(lastUpdateStep(9, schedule)).toBe(7);
    expect(scheduledSparsity(9, schedule)).toBeCloseTo(0.546875, 12);
    // Step 12: progress ½, 0.8 − 0.6·⅛ = 0.725.
    expect(scheduledSparsity(12, schedule)).toBeCloseTo(0.725, 12);
    expect(scheduledSparsity(22, schedule)).toBe(0.8);
    expect(scheduledSparsity(500, schedule)).toBe(0.8);
  });

  it('masks the smallest magnitudes, ties in index order', () => {
    expect(Array.from(magnitudeMask(Float32Array.from([0.5, -0.1, 0.3, 0.1, -2]), 0.4))).toEqual([
      1, 0, 1, 0, 1,
    ]);
    expect(Array.from(magnitudeMask(Float32Array.from([1, 1, 1, 1]), 0.5))).toEqual([0, 0, 1, 1]);
  });
});

describe('magnitude pruning during training', () => {
  it('keeps every masked weight at exactly 0 after every step, at the scheduled sparsity per layer', async () => {
    const { x, labels, oneHot } = syntheticClasses(96, 12, 3, 5);
    const arch = planArchitecture(
      [12],
      [
        { type: 'dense', units: 16 },
        { type: 'dense', units: 8 },
      ],
      { kind: 'classifier', classes: 3 },
    );
    const model = buildTfModel(arch, { seed: 4, learningRate: 0.01 });
    const pruner = createMagnitudePruner(model, schedule);
    const kernels = () => model.layers.filter((l) => l.getWeights().length > 0).map((l) => l.getWeights()[0]);
    let checkedSteps = 0;
    const losses = await fineTune(model, tf.tensor2d(x, [96, 12]), tf.tensor2d(oneHot, [96, 3]), {
      epochs: 8,
      batchSize: 24,
      learningRate: 0.02,
      seed: 1,
      loss: crossEntropyLoss,
      afterStep: (step) => {
        pruner.afterStep(step);
        const sparsity = scheduledSparsity(step, schedule);
        for (const kernel of kernels())
          expect(sparsityOf(kernel.dataSync())).toBe(prunedCount(kernel.size, sparsity) / kernel.size);
        checkedSteps++;
      },
    });
    expect(checkedSteps).toBe(32);
    expect(pruner.layers().map((l) => [l.weights, l.sparsity])).toEqual([
      [12 * 16, 0.8],
      [16 * 8, 0.8],
      [8 * 3, 0.8],
    ]);
    // Still learning with 80 % of the weights gone: the separable synthetic classes are mostly right.
    expect(losses[losses.length - 1]).toBeLessThan(losses[0]);
    const predicted = tf.argMax(model.predict(tf.tensor2d(x, [96, 12])) as tf.Tensor, 1).dataSync();
    const correct = Array.from(predicted).filter((p, i) => p === labels[i]).length;
    expect(correct / 96).toBeGreaterThan(0.8);
    pruner.dispose();
    model.dispose();
  });
});
