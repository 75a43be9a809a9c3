import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { planFor } from '../learn/architecture';
import { exportGraph } from '../learn/exportGraph';
import { defaultTrainingSettings, type NeuralBlock } from '../learn/learnBlock';
import { trainImpulse } from '../learn/trainImpulse';
import type { TrainedModel } from '../learn/trainedModel';
import { distil, magnitudePrune, structuredPrune, type CompressContext } from './compressTechniques';
import { layerWeightsFromGraph } from './graphWeights';
import { syntheticClasses } from './syntheticData';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const rowsN = 90;
const { x, labels } = syntheticClasses(rowsN, 12, 3, 7);
const rows = Array.from({ length: rowsN }, (_, r) => x.slice(r * 12, (r + 1) * 12));
const set = {
  rows,
  rowLabels: Array.from(labels, (c) => ['a', 'b', 'c'][c]),
  rowSample: Int32Array.from(rows, (_, i) => i),
  rowStartMs: new Float32Array(rowsN),
  sampleIds: rows.map((_, i) => `s${i}`),
};
const tune = { epochs: 6, learningRate: 0.01, batchSize: 16, seed: 3 };
let source: TrainedModel;
let ctx: CompressContext;

beforeAll(async () => {
  const learn: NeuralBlock = {
    kind: 'classifier',
    layers: [
      { type: 'dense', units: 16 },
      { type: 'dense', units: 8 },
    ],
    training: { ...defaultTrainingSettings(false), epochs: 20 },
  };
  source = await trainImpulse(
    { ...set, featureShape: [12], configHash: 'h' },
    { impulseId: 'teacher', projectId: 'p', learn, backend: 'cpu', description: 'teacher' },
  );
  ctx = { source, set, impulseId: 'variant', description: 'variant' };
});

describe('compression of a stored model', () => {
  it('reads the stored graph back into the weights that export to the same graph', () => {
    const arch = planFor(source.learn as NeuralBlock, [12], 3);
    const again = exportGraph(arch, layerWeightsFromGraph(source.float!, arch), 'teacher');
    again.tensors.forEach((t, i) => expect(t.data).toEqual(source.float!.tensors[i].data));
  });

  it('magnitude-prunes every layer to the target sparsity and still classifies', async () => {
    const epochs: number[] = [];
    const { model, layers } = await magnitudePrune(
      { ...ctx, onEpoch: (e) => epochs.push(e) },
      // 72 training rows (90 less the validation split) make 1 batch of 72 where 90 rows would make 2: the
      // schedule must be planned on the steps fine-tuning really takes, or it stops short of the target.
      { ...tune, batchSize: 72, sparsity: 0.6 },
    );
    expect(epochs).toEqual([1, 2, 3, 4, 5, 6]);
    expect(layers.map((l) => l.weights)).toEqual([12 * 16, 16 * 8, 8 * 3]);
    // Exactly the target, rounded to whole weights: the schedule ends within the steps fine-tuning takes.
    for (const l of layers) expect(l.sparsity).toBe(Math.round(l.weights * 0.6) / l.weights);
    expect(model.impulseId).toBe('variant');
    expect(model.validation.kind === 'classifier' && model.validation.accuracy).toBeGreaterThan(0.8);
  });

  it('structured pruning removes half the neurons of each hidden layer', async () => {
    const { model, layers } = await structuredPrune(ctx, { ...tune, fraction: 0.5 });
    expect(layers.map((l) => [l.before, l.after])).toEqual([
      [16, 8],
      [8, 4],
    ]);
    expect(model.learn.kind !== 'anomaly' && model.learn.layers).toEqual([
      { type: 'dense', units: 8 },
      { type: 'dense', units: 4 },
    ]);
  });

  it('distils a student and trains the same student from scratch', async () => {
    const { student, scratch } = await distil(ctx, 'scratch', {
      ...tune,
      studentLayers: [{ type: 'dense', units: 4 }],
      temperature: 3,
      alpha: 0.7,
    });
    expect(student.impulseId).toBe('variant');
    expect(scratch.impulseId).toBe('scratch');
    expect(student.float!.ops.length).toBe(scratch.float!.ops.length);
    // Different losses from the same start: the weights differ.
    expect(student.float!.tensors[1].data).not.toEqual(scratch.float!.tensors[1].data);
  });

  it('refuses bad settings with the field named', async () => {
    await expect(magnitudePrune(ctx, { ...tune, sparsity: 1.5 })).rejects.toThrow(/Target sparsity/);
  });
});
