import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { gestureBenchSet } from './gestureBenchSet';
import { defaultLearnBlock, type NeuralBlock } from './learnBlock';
import { makeAugmenter } from './augmenter';
import { graphRunner } from './modelRunner';
import { trainImpulse, regressionTargets } from './trainImpulse';
import { testModel } from './modelTesting';
import { GESTURE_IMPULSE } from './gestureBenchSet';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const options = { impulseId: 'i', projectId: 'p', backend: 'cpu', description: 'test' };

describe('trainImpulse', () => {
  const { set, motion } = gestureBenchSet(240);

  it('trains the gesture classifier with augmentation, exports a float graph that reproduces its predictions', async () => {
    const learn = defaultLearnBlock('classifier', set.featureShape) as NeuralBlock;
    learn.training = {
      ...learn.training,
      epochs: 15,
      augmentation: { ...learn.training.augmentation, enabled: true },
    };
    const epochs: number[] = [];
    const model = await trainImpulse(set, {
      ...options,
      learn,
      augment: makeAugmenter(
        GESTURE_IMPULSE,
        learn.training.augmentation,
        set.rows,
        set.featureShape,
        motion,
      ),
      onEpoch: (l) => epochs.push(l.epoch),
    });
    expect(epochs).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(model.labels).toEqual(['circle', 'idle', 'punch', 'wave']);
    expect(model.validation.kind === 'classifier' && model.validation.accuracy).toBeGreaterThanOrEqual(0.9);
    const run = graphRunner(model.float!);
    const agree = set.rows.filter((r, i) => {
      const out = run(r);
      return out.indexOf(Math.max(...out)) === model.explorer.predicted[i];
    }).length;
    expect(agree).toBe(set.rows.length);
    const report = testModel(
      model,
      run,
      [
        {
          sampleId: 's',
          name: 'wave.1',
          label: 'wave',
          rows: set.rows.filter((_, i) => set.rowLabels[i] === 'wave'),
          startMs: new Float32Array(0),
        },
      ],
      { threshold: 0.5, precision: 'float32' },
    );
    expect(report.samples[0].predicted).toBe('wave');
    expect(report.accuracy).toBe(1);
  });

  it('stops on cancel with a typed error', async () => {
    const controller = new AbortController();
    const learn = defaultLearnBlock('classifier', set.featureShape);
    const run = trainImpulse(set, {
      ...options,
      learn,
      signal: controller.signal,
      onEpoch: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('fits k-means anomaly detection: training windows are inside, a wild window is outside', async () => {
    const model = await trainImpulse(set, {
      ...options,
      learn: { kind: 'anomaly', clusters: 4, featureIndices: [], seed: 1 },
    });
    expect(model.validation.kind === 'anomaly' && model.validation.insideFraction).toBe(1);
    const run = (await import('./modelRunner')).modelRunner(model, 'float32');
    expect(run(set.rows[0])[0]).toBeLessThan(0);
    expect(run(set.rows[0].map((v) => v * 50 + 100))[0]).toBeGreaterThan(0);
  });

  it('names a label that is not a number for regression', () => {
    expect(() => regressionTargets(['1.5', 'wave'])).toThrow(/"wave" is not a number/);
  });
});

describe('regression', () => {
  it('learns a numeric label from the features and reports MAE, MSE and R²', async () => {
    const rand = (await import('../random')).seededRandom(4);
    const rows = Array.from({ length: 200 }, () => Float32Array.from({ length: 5 }, () => rand() * 2 - 1));
    const labels = rows.map((r) => String(Math.round((2 * r[0] - r[1] + 0.5) * 100) / 100));
    const learn = defaultLearnBlock('regression', [5]) as NeuralBlock;
    learn.training = { ...learn.training, epochs: 60, learningRate: 0.01 };
    const model = await trainImpulse(
      {
        rows,
        rowLabels: labels,
        rowSample: new Int32Array(200),
        rowStartMs: new Float32Array(200),
        sampleIds: ['s'],
        featureShape: [5],
        configHash: 'h',
      },
      { ...options, learn },
    );
    expect(model.validation.kind).toBe('regression');
    if (model.validation.kind !== 'regression') return;
    expect(model.validation.r2).toBeGreaterThan(0.9);
    expect(model.float!.tensors[model.float!.outputs[0]].shape).toEqual([1, 1]);
  });
});
