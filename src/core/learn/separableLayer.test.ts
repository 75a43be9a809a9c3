import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { architectureCost } from '../compress/layerCost';
import { learnBlockProblems } from '../validation/learnBlockRules';
import { planFor } from './architecture';
import { defaultTrainingSettings, type NeuralBlock } from './learnBlock';
import { buildTfModel } from './tfModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A learning block as the editor makes it: separable blocks over MFCC features ([50 frames, 13 coefficients]). */
const block: NeuralBlock = {
  kind: 'classifier',
  layers: [
    { type: 'separableConv', filters: 16, kernelSize: 3 },
    { type: 'maxPool', size: 2 },
    { type: 'separableConv', filters: 32, kernelSize: 3 },
  ],
  training: defaultTrainingSettings(true),
};

describe('the editor’s depthwise-separable layer', () => {
  it('plans and costs as counted by hand', () => {
    const arch = planFor(block, [50, 13], 4);
    const cost = architectureCost(arch);
    // Separable blocks alone are 2-D: 50×13×1. Block 1 (C_in 1, K 3, 16 filters): params 9·1 + 1 + 1·16 + 16;
    // MACs 650 cells × (9·1 depthwise + 1·16 pointwise). Pooling → 25×7×16. Block 2 (C_in 16, 32 filters):
    // params 9·16 + 16 + 16·32 + 32; MACs 175 × (9·16 + 16·32). Flatten 175·32 = 5600 → 4 classes.
    expect(cost.layers.map((l, i) => [l.type, arch.layers[i].outputShape, l.params, l.macs])).toEqual([
      ['input', [650], 0, 0],
      ['reshape', [50, 13, 1], 0, 0],
      ['separableConv', [50, 13, 16], 42, 650 * 9 + 650 * 16],
      ['maxPool', [25, 7, 16], 0, 0],
      ['separableConv', [25, 7, 32], 704, 175 * 144 + 175 * 512],
      ['flatten', [5600], 0, 0],
      ['output', [4], 5600 * 4 + 4, 5600 * 4],
    ]);
    expect(cost.totalParams).toBe(42 + 704 + 22404);
    expect(cost.totalMacs).toBe(16250 + 114800 + 22400);
  });

  it('counts as many parameters as the tfjs model trained from it has weights', () => {
    for (const shape of [
      [50, 13],
      [20, 6],
    ]) {
      const layers: NeuralBlock['layers'] =
        shape[0] === 20 ? [{ type: 'conv1d', filters: 4, kernelSize: 3 }, ...block.layers] : block.layers;
      const arch = planFor({ ...block, layers }, shape, 3);
      const model = buildTfModel(arch, { seed: 1, learningRate: 0.01 });
      expect(model.countParams()).toBe(architectureCost(arch).totalParams);
      model.dispose();
    }
  });

  it('is validated like the other convolutions', () => {
    const wrong: NeuralBlock = {
      ...block,
      layers: [{ type: 'separableConv', filters: 600, kernelSize: 0 }],
    };
    expect(learnBlockProblems(wrong, [50, 13])).toEqual({
      'layers.0.filters': 'Layer 1: Filters must be a whole number from 1 to 512.',
      'layers.0.kernelSize': 'Layer 1: Kernel must be a whole number from 1 to 15.',
    });
    expect(learnBlockProblems(block, [50, 13])).toEqual({});
    expect(() => planFor(wrong, [50, 13], 3)).toThrow(/Layer 1: Filters must be/);
  });
});
