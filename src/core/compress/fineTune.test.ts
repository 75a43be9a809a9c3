import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { planArchitecture } from '../learn/architecture';
import { buildTfModel } from '../learn/tfModel';
import { crossEntropyLoss, fineTune } from './fineTune';
import { syntheticClasses } from './syntheticData';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('fineTune', () => {
  it('stops with a typed error once cancelled, before the next optimizer step', async () => {
    const { x, oneHot } = syntheticClasses(40, 6, 2, 3);
    const arch = planArchitecture([6], [{ type: 'dense', units: 4 }], { kind: 'classifier', classes: 2 });
    const model = buildTfModel(arch, { seed: 1, learningRate: 0.01 });
    const controller = new AbortController();
    const steps: number[] = [];
    const run = fineTune(model, tf.tensor2d(x, [40, 6]), tf.tensor2d(oneHot, [40, 2]), {
      epochs: 50,
      batchSize: 4,
      learningRate: 0.01,
      seed: 1,
      loss: crossEntropyLoss,
      signal: controller.signal,
      afterStep: (step) => {
        steps.push(step);
        if (step === 3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(steps).toEqual([1, 2, 3]);
    model.dispose();
  });
});
