import { describe, expect, it, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { planArchitecture, type ArchitectureLayerSpec } from './architecture';
import { exportGraph } from './exportGraph';
import { buildTfModel, readLayerWeights } from './tfModel';
import type { LayerSpec } from './learnBlock';
import { prepareInterpreter } from '../interp/interpreter';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function randomInputs(count: number, features: number, seed: number): Float32Array[] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 4 - 2;
  return Array.from({ length: count }, () => Float32Array.from({ length: features }, next));
}

/** The exported float IR, run by our interpreter, must give what tfjs gives for the same weights. */
function expectSameOutputs(
  featureShape: number[],
  layers: ArchitectureLayerSpec[],
  head: Parameters<typeof planArchitecture>[2],
) {
  const arch = planArchitecture(featureShape, layers, head);
  const model = buildTfModel(arch, { seed: 3, learningRate: 0.01 });
  const graph = exportGraph(arch, readLayerWeights(model), 'test');
  const interp = prepareInterpreter(graph);
  const features = featureShape.reduce((a, b) => a * b, 1);
  const inputs = randomInputs(5, features, 11);
  const expected = (
    model.predict(
      tf.tensor2d(
        inputs.flatMap((x) => Array.from(x)),
        [inputs.length, features],
      ),
    ) as tf.Tensor
  ).arraySync() as number[][];
  inputs.forEach((x, i) => {
    const out = interp.invoke([x])[0];
    expect(out.length).toBe(expected[i].length);
    out.forEach((v, j) =>
      expect(Math.abs(v - expected[i][j])).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(expected[i][j]))),
    );
  });
  model.dispose();
  return graph;
}

describe('exportGraph', () => {
  it('exports the gesture network (33→20→10→4, softmax) as FULLY_CONNECTED ops equal to tfjs', () => {
    const graph = expectSameOutputs(
      [33],
      [
        { type: 'dense', units: 20 },
        { type: 'dense', units: 10 },
      ],
      { kind: 'classifier', classes: 4 },
    );
    expect(graph.ops.map((o) => o.kind)).toEqual([
      'FULLY_CONNECTED',
      'FULLY_CONNECTED',
      'FULLY_CONNECTED',
      'SOFTMAX',
    ]);
    expect(graph.tensors[graph.ops[0].inputs[1]].shape).toEqual([20, 33]);
  });

  it('exports a conv1d keyword network as 1×K CONV_2D and pooling, dropout removed', () => {
    const layers: LayerSpec[] = [
      { type: 'conv1d', filters: 8, kernelSize: 3 },
      { type: 'maxPool', size: 2 },
      { type: 'dropout', rate: 0.25 },
      { type: 'conv1d', filters: 16, kernelSize: 3 },
      { type: 'avgPool', size: 2 },
    ];
    const graph = expectSameOutputs([49, 13], layers, { kind: 'classifier', classes: 3 });
    expect(graph.ops.map((o) => o.kind)).toEqual([
      'RESHAPE',
      'CONV_2D',
      'MAX_POOL_2D',
      'CONV_2D',
      'AVERAGE_POOL_2D',
      'RESHAPE',
      'FULLY_CONNECTED',
      'SOFTMAX',
    ]);
    expect(graph.tensors[graph.ops[1].inputs[1]].shape).toEqual([8, 1, 3, 13]);
  });

  it('exports a conv2d network and a regression head', () => {
    const layers: LayerSpec[] = [
      { type: 'conv2d', filters: 4, kernelSize: 3 },
      { type: 'maxPool', size: 2 },
      { type: 'dense', units: 8 },
    ];
    const graph = expectSameOutputs([10, 8], layers, { kind: 'regression' });
    expect(graph.tensors[graph.outputs[0]].shape).toEqual([1, 1]);
    expect(graph.ops[graph.ops.length - 1].kind).toBe('FULLY_CONNECTED');
  });

  it.each<[string, number[], LayerSpec[]]>([
    ['2-D', [12, 8], [{ type: 'conv2d', filters: 4, kernelSize: 3 }]],
    ['1-D', [12, 8], [{ type: 'conv1d', filters: 4, kernelSize: 3 }]],
    ['2-D alone', [12, 8], []],
  ])(
    'exports a %s depthwise-separable block as DEPTHWISE_CONV_2D + 1×1 CONV_2D equal to tfjs',
    (_, shape, before) => {
      const layers: ArchitectureLayerSpec[] = [
        ...before,
        { type: 'separableConv', filters: 6, kernelSize: 3 },
        { type: 'maxPool', size: 2 },
      ];
      const graph = expectSameOutputs(shape, layers, { kind: 'classifier', classes: 3 });
      const at = graph.ops.findIndex((o) => o.kind === 'DEPTHWISE_CONV_2D');
      expect(graph.ops[at + 1].kind).toBe('CONV_2D');
      const channels = before.length ? 4 : 1;
      const kernel = before[0]?.type === 'conv1d' ? [1, 3] : [3, 3];
      expect(graph.tensors[graph.ops[at].inputs[1]].shape).toEqual([1, ...kernel, channels]);
      expect(graph.tensors[graph.ops[at + 1].inputs[1]].shape).toEqual([6, 1, 1, channels]);
    },
  );
});

describe('planArchitecture', () => {
  it('plans shapes and parameter counts', () => {
    const arch = planArchitecture(
      [33],
      [
        { type: 'dense', units: 20 },
        { type: 'dense', units: 10 },
      ],
      { kind: 'classifier', classes: 4 },
    );
    expect(arch.layers.map((l) => l.params)).toEqual([0, 33 * 20 + 20, 20 * 10 + 10, 10 * 4 + 4]);
    expect(arch.totalParams).toBe(934);
  });

  it('counts a separable block as depthwise (K·K·C + C) plus pointwise (C·F + F) parameters', () => {
    const arch = planArchitecture(
      [10, 8],
      [
        { type: 'conv2d', filters: 4, kernelSize: 3 },
        { type: 'separableConv', filters: 6, kernelSize: 3 },
      ],
      { kind: 'classifier', classes: 2 },
    );
    expect(arch.style).toBe('conv2d');
    expect(arch.layers[3]).toMatchObject({ outputShape: [10, 8, 6], params: 9 * 4 + 4 + 4 * 6 + 6 });
  });

  it.each<[number[], ArchitectureLayerSpec[], RegExp]>([
    [[33], [{ type: 'conv1d', filters: 8, kernelSize: 3 }], /laid out in time/],
    [[33], [{ type: 'separableConv', filters: 8, kernelSize: 3 }], /laid out in time/],
    [
      [10, 4],
      [{ type: 'separableConv', filters: 8, kernelSize: 0 }],
      /Layer 1: Kernel must be a whole number/,
    ],
    [
      [10, 4],
      [
        { type: 'dense', units: 4 },
        { type: 'conv1d', filters: 8, kernelSize: 3 },
      ],
      /cannot follow a dense layer/,
    ],
    [[10, 4], [{ type: 'maxPool', size: 2 }], /pooling must follow a convolution/],
    [
      [10, 4],
      [
        { type: 'conv1d', filters: 2, kernelSize: 3 },
        { type: 'conv2d', filters: 2, kernelSize: 3 },
      ],
      /either Conv1D or Conv2D/,
    ],
    [[33], [{ type: 'dense', units: 0 }], /Layer 1: Neurons must be a whole number from 1 to 4096/],
    [[33], [{ type: 'dropout', rate: 1 }], /Layer 1: Rate must be a number from 0 to 0.95/],
  ])('refuses %j %j with a message naming the problem', (shape, layers, message) => {
    expect(() => planArchitecture(shape, layers, { kind: 'classifier', classes: 3 })).toThrow(message);
  });

  it('needs two classes for a classifier', () => {
    expect(() => planArchitecture([33], [], { kind: 'classifier', classes: 1 })).toThrow(
      /at least two labels/,
    );
  });
});
