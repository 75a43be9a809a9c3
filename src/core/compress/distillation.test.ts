import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// Registers tfjs's gradients, as the training loop that uses this loss does.
import '@tensorflow/tfjs-layers';
import {
  distillationLoss,
  distillationLossReference,
  distillationTargets,
  distillationTrainingLoss,
} from './distillation';
import { planArchitecture } from '../learn/architecture';
import { buildTfModel } from '../learn/tfModel';
import { crossEntropyLoss, fineTune } from './fineTune';
import { syntheticClasses } from './syntheticData';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const ln3 = Math.log(3);

/*
 * Row 1: student logits [0, 0] (p = ½, ½), label 0: CE = ln 2. Teacher [2·ln 3, 0] at T = 2 gives [¾, ¼];
 * the student at T = 2 stays [½, ½]: KL = ¾·ln 1.5 + ¼·ln ½ = 0.130812. α = ½: ½·ln 2 + ½·4·0.130812 = 0.608198.
 * Row 2: student [ln 3, 0] (p = ¾, ¼), label 1: CE = ln 4. Teacher [0, 0] → [½, ½]; the student at T = 2 is
 * [√3, 1] / (1 + √3) = [0.633975, 0.366025]: KL = 0.037254. ½·ln 4 + ½·4·0.037254 = 0.767652.
 */
const hard = [
  [1, 0],
  [0, 1],
];
const student = [
  [0, 0],
  [ln3, 0],
];
const teacher = [
  [2 * ln3, 0],
  [0, 0],
];
const settings = { alpha: 0.5, temperature: 2 };

describe('distillation loss', () => {
  it('the reference equals the hand-computed figures', () => {
    expect(distillationLossReference([hard[0]], [student[0]], [teacher[0]], settings)).toBeCloseTo(
      0.608198,
      6,
    );
    expect(distillationLossReference([hard[1]], [student[1]], [teacher[1]], settings)).toBeCloseTo(
      0.767652,
      6,
    );
    expect(distillationLossReference(hard, student, teacher, settings)).toBeCloseTo(0.687925, 6);
    // α = ¼, T = 1 on row 2: ¾·ln 4 + ¼·(½·ln(½/¾) + ½·ln 2) = 1.075681.
    expect(
      distillationLossReference([hard[1]], [student[1]], [teacher[1]], { alpha: 0.25, temperature: 1 }),
    ).toBeCloseTo(1.075681, 6);
    // α = 0 is plain cross-entropy; a student equal to its teacher adds nothing to it.
    expect(distillationLossReference(hard, student, student, { alpha: 0, temperature: 3 })).toBeCloseTo(
      (Math.log(2) + Math.log(4)) / 2,
      6,
    );
    expect(distillationLossReference(hard, student, student, { alpha: 1, temperature: 3 })).toBeCloseTo(0, 9);
  });

  it('the tfjs loss equals the reference', () => {
    const loss = distillationLoss(tf.tensor2d(hard), tf.tensor2d(student), tf.tensor2d(teacher), settings);
    expect(loss.dataSync()[0]).toBeCloseTo(0.687925, 5);
  });

  it('the training-loop loss reads packed targets and softmax outputs', () => {
    const targets = distillationTargets(Int32Array.from([0, 1]), Float32Array.from(teacher.flat()), 2);
    expect(Array.from(targets.dataSync())).toEqual([1, 0, 2 * Math.fround(ln3), 0, 0, 1, 0, 0]);
    const probabilities = tf.softmax(tf.tensor2d(student)) as tf.Tensor2D;
    const loss = distillationTrainingLoss(2, settings)(targets, probabilities);
    expect(loss.dataSync()[0]).toBeCloseTo(0.687925, 5);
  });

  it('its gradient moves the student towards the teacher', () => {
    const logits = tf.variable(tf.tensor2d([[0, 0]]));
    const { grads } = tf.variableGrads(
      () => distillationLoss(tf.tensor2d([[1, 0]]), logits, tf.tensor2d([[2 * ln3, 0]]), settings),
      [logits],
    );
    const g = grads[logits.name].dataSync();
    expect(g[0]).toBeLessThan(0);
    expect(g[1]).toBeGreaterThan(0);
  });
});

describe('distilling a student in the training loop', () => {
  it('trains a small student on the softened outputs of its teacher and the labels', async () => {
    const { x, labels, oneHot } = syntheticClasses(90, 10, 3, 21);
    const xs = tf.tensor2d(x, [90, 10]);
    const head = { kind: 'classifier', classes: 3 } as const;
    const teacher = buildTfModel(planArchitecture([10], [{ type: 'dense', units: 24 }], head), {
      seed: 1,
      learningRate: 0.01,
    });
    const options = { epochs: 12, batchSize: 15, learningRate: 0.02, seed: 2 };
    await fineTune(teacher, xs, tf.tensor2d(oneHot, [90, 3]), { ...options, loss: crossEntropyLoss });
    const teacherLogits = tf.log(teacher.predict(xs) as tf.Tensor).dataSync() as Float32Array;
    const student = buildTfModel(planArchitecture([10], [{ type: 'dense', units: 3 }], head), {
      seed: 5,
      learningRate: 0.01,
    });
    const losses = await fineTune(student, xs, distillationTargets(labels, teacherLogits, 3), {
      ...options,
      loss: distillationTrainingLoss(3, { alpha: 0.7, temperature: 3 }),
    });
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] / 2);
    const predicted = tf.argMax(student.predict(xs) as tf.Tensor, 1).dataSync();
    expect(Array.from(predicted).filter((p, i) => p === labels[i]).length / 90).toBeGreaterThan(0.9);
    teacher.dispose();
    student.dispose();
  });
});
