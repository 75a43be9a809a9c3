import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { elementCount, type Graph } from '../ir/graph';
import { prepareInterpreter } from '../interp/interpreter';
import { planArchitecture, type ArchitectureLayerSpec } from '../learn/architecture';
import { exportGraph } from '../learn/exportGraph';
import { buildTfModel, readLayerWeights, type LayerWeights } from '../learn/tfModel';
import { seededRandom } from '../random';
import { graphWork, totalWork } from '../mcu/opWork';
import { architectureCost } from './layerCost';
import { pruneStructured } from './structuredPruning';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Initialised weights with random biases of both signs: a zero bias would hide a unit left half-removed. */
function weightsFor(arch: ReturnType<typeof planArchitecture>): LayerWeights[] {
  const model = buildTfModel(arch, { seed: 7, learningRate: 0.01 });
  const rand = seededRandom(3);
  const weights = readLayerWeights(model).map((lw) => ({
    ...lw,
    kernel: Float32Array.from(lw.kernel),
    bias: Float32Array.from(lw.bias, () => rand() - 0.4),
  }));
  model.dispose();
  return weights;
}

const constantCount = (g: Graph) =>
  g.tensors.filter((t) => t.data && t.dtype === 'float32').reduce((n, t) => n + elementCount(t.shape), 0);

function expectSmallerAndEqual(featureShape: number[], layers: ArchitectureLayerSpec[], fraction: number) {
  const arch = planArchitecture(featureShape, layers, { kind: 'classifier', classes: 3 });
  const weights = weightsFor(arch);
  const pruned = pruneStructured(arch, weights, fraction);
  const maskedGraph = exportGraph(arch, pruned.maskedWeights, 'masked');
  const smallGraph = exportGraph(pruned.arch, pruned.weights, 'pruned');
  const masked = prepareInterpreter(maskedGraph);
  const small = prepareInterpreter(smallGraph);
  const full = prepareInterpreter(exportGraph(arch, weights, 'full'));
  const rand = seededRandom(11);
  const features = elementCount(featureShape);
  let differsFromFull = false;
  for (let n = 0; n < 8; n++) {
    const x = Float32Array.from({ length: features }, () => rand() * 4 - 2);
    const expected = masked.invoke([x])[0];
    const got = small.invoke([x])[0];
    got.forEach((v, j) => expect(Math.abs(v - expected[j])).toBeLessThanOrEqual(1e-5));
    if (full.invoke([x])[0].some((v, j) => Math.abs(v - expected[j]) > 1e-4)) differsFromFull = true;
  }
  // The masks did remove something that mattered, and the IR really shrank.
  expect(differsFromFull).toBe(true);
  expect(constantCount(smallGraph)).toBeLessThan(constantCount(maskedGraph));
  expect(constantCount(smallGraph)).toBe(pruned.arch.totalParams);
  const smallMacs = totalWork(graphWork(smallGraph)).macs;
  expect(smallMacs).toBe(architectureCost(pruned.arch).totalMacs);
  expect(smallMacs).toBeLessThan(totalWork(graphWork(maskedGraph)).macs);
  return pruned;
}

describe('structured pruning', () => {
  it('removes the weakest neurons of a dense network and the matching inputs of the next layer', () => {
    const pruned = expectSmallerAndEqual(
      [12],
      [
        { type: 'dense', units: 16 },
        { type: 'dense', units: 8 },
      ],
      0.5,
    );
    expect(pruned.arch.layers.map((l) => l.outputShape)).toEqual([[12], [8], [4], [3]]);
    expect(pruned.weights.map((w) => w.kernelShape)).toEqual([
      [12, 8],
      [8, 4],
      [4, 3],
    ]);
  });

  it('removes filters of conv1d and separable blocks through pooling, dropout and flatten', () => {
    const pruned = expectSmallerAndEqual(
      [10, 5],
      [
        { type: 'conv1d', filters: 8, kernelSize: 3 },
        { type: 'maxPool', size: 2 },
        { type: 'dropout', rate: 0.2 },
        { type: 'separableConv', filters: 6, kernelSize: 3 },
        { type: 'dense', units: 6 },
      ],
      0.25,
    );
    expect(pruned.weights.map((w) => w.kernelShape)).toEqual([
      [3, 5, 6],
      [1, 3, 6, 1],
      [1, 1, 6, 5],
      [25, 5],
      [5, 3],
    ]);
  });

  it('removes filters of a conv2d network with a separable block', () => {
    const pruned = expectSmallerAndEqual(
      [8, 6],
      [
        { type: 'conv2d', filters: 6, kernelSize: 3 },
        { type: 'separableConv', filters: 8, kernelSize: 3 },
        { type: 'avgPool', size: 2 },
      ],
      0.5,
    );
    expect(pruned.arch.layers.find((l) => l.type === 'separableConv')?.outputShape).toEqual([8, 6, 4]);
  });

  it('keeps the strongest units by L1 norm', () => {
    const arch = planArchitecture([2], [{ type: 'dense', units: 3 }], { kind: 'regression' });
    const weights: LayerWeights[] = [
      { kernel: Float32Array.from([1, -5, 0.5, 1, 0.2, -3]), kernelShape: [2, 3], bias: new Float32Array(3) },
      { kernel: Float32Array.from([1, 2, 3]), kernelShape: [3, 1], bias: new Float32Array(1) },
    ];
    // Column norms: |1|+|1| = 2, |−5|+|0.2| = 5.2, |0.5|+|−3| = 3.5 → keep neurons 1 and 2.
    const pruned = pruneStructured(arch, weights, 1 / 3);
    expect(pruned.kept.get(1)).toEqual([1, 2]);
    expect(Array.from(pruned.weights[1].kernel)).toEqual([2, 3]);
  });
});
