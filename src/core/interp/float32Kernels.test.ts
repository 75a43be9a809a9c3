/**
 * Every float32 op against a double-precision reference written in the test. Tolerance: 1e-5 relative
 * (absolute below magnitude 1), which float32 accumulation over these sizes stays well inside.
 */
import { describe, expect, it } from 'vitest';
import type { Activation, Graph, Padding } from '../ir/graph';
import { prepareInterpreter } from './interpreter';
import {
  referenceBroadcastAdd,
  referenceConv2D,
  referenceDepthwiseConv2D,
  referenceFullyConnected,
  referenceMean,
  referencePool2D,
  referenceSoftmax,
} from './referenceKernels';
import { activation, constant, randomFloat32, seededRandom, singleOpGraph } from './testGraphs';

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const tolerance = 1e-5 * Math.max(1, Math.abs(expected[i]));
    if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
      expect.fail(`element ${i}: got ${actual[i]}, expected ${expected[i]} ± ${tolerance}`);
    }
  }
}

function run(graph: Graph, input: Float32Array): Float32Array {
  return prepareInterpreter(graph).invoke([input])[0] as Float32Array;
}

function clampTo(values: number[], act: Activation): number[] {
  const [lo, hi] = { NONE: [-Infinity, Infinity], RELU: [0, Infinity], RELU6: [0, 6], RELU_N1_TO_1: [-1, 1] }[
    act
  ];
  return values.map((v) => Math.min(hi, Math.max(lo, v)));
}

describe('float32 FULLY_CONNECTED', () => {
  it.each<Activation>(['NONE', 'RELU', 'RELU6', 'RELU_N1_TO_1'])('matches the reference with %s', (act) => {
    const random = seededRandom(1);
    const x = randomFloat32(2 * 13, random, 3);
    const w = randomFloat32(6 * 13, random);
    const b = randomFloat32(6, random);
    const graph = singleOpGraph(
      activation('x', [2, 13], 'float32'),
      [constant('w', [6, 13], w), constant('b', [6], b)],
      activation('y', [2, 6], 'float32'),
      { kind: 'FULLY_CONNECTED', activation: act },
    );
    expectClose(run(graph, x), clampTo(referenceFullyConnected(x, 2, w, 6, b), act));
  });
});

describe('float32 CONV_2D', () => {
  const cases: [string, number[], number[], Padding, number, number, number][] = [
    ['SAME, stride 2', [1, 7, 6, 3], [4, 3, 3, 3], 'SAME', 2, 1, 1],
    ['VALID, dilation 2', [2, 8, 7, 2], [3, 3, 2, 2], 'VALID', 1, 2, 1],
    ['SAME, dilation 2, even kernel', [1, 6, 6, 2], [5, 2, 4, 2], 'SAME', 1, 2, 1],
    ['grouped (2 groups)', [1, 5, 5, 4], [6, 3, 3, 2], 'SAME', 1, 1, 2],
    ['conv1d as 1×K', [1, 1, 20, 3], [4, 1, 5, 3], 'SAME', 1, 1, 1],
  ];
  it.each(cases)('%s', (_name, inShape, filterShape, padding, stride, dilation) => {
    const random = seededRandom(2);
    const x = randomFloat32(
      inShape.reduce((a, b) => a * b),
      random,
      2,
    );
    const w = randomFloat32(
      filterShape.reduce((a, b) => a * b),
      random,
    );
    const b = randomFloat32(filterShape[0], random);
    const params = { padding, strideH: stride, strideW: stride, dilationH: dilation, dilationW: dilation };
    const ref = referenceConv2D(x, inShape, w, filterShape, b, params);
    const graph = singleOpGraph(
      activation('x', inShape, 'float32'),
      [constant('w', filterShape, w), constant('b', [filterShape[0]], b)],
      activation('y', ref.shape, 'float32'),
      { kind: 'CONV_2D', activation: 'RELU6', ...params },
    );
    expectClose(run(graph, x), clampTo(ref.output, 'RELU6'));
  });
});

describe('float32 DEPTHWISE_CONV_2D', () => {
  it.each<[Padding, number, number, number]>([
    ['SAME', 1, 1, 2],
    ['VALID', 2, 1, 1],
    ['SAME', 1, 2, 3],
  ])('%s stride %i dilation %i multiplier %i', (padding, stride, dilation, multiplier) => {
    const random = seededRandom(3);
    const inShape = [1, 7, 6, 3];
    const filterShape = [1, 3, 3, 3 * multiplier];
    const x = randomFloat32(7 * 6 * 3, random, 2);
    const w = randomFloat32(9 * 3 * multiplier, random);
    const b = randomFloat32(3 * multiplier, random);
    const params = { padding, strideH: stride, strideW: stride, dilationH: dilation, dilationW: dilation };
    const ref = referenceDepthwiseConv2D(x, inShape, w, filterShape, b, multiplier, params);
    const graph = singleOpGraph(
      activation('x', inShape, 'float32'),
      [constant('w', filterShape, w), constant('b', [3 * multiplier], b)],
      activation('y', ref.shape, 'float32'),
      { kind: 'DEPTHWISE_CONV_2D', activation: 'NONE', depthMultiplier: multiplier, ...params },
    );
    expectClose(run(graph, x), ref.output);
  });
});

describe('float32 pooling', () => {
  it.each<['MAX_POOL_2D' | 'AVERAGE_POOL_2D', Padding, number]>([
    ['MAX_POOL_2D', 'SAME', 2],
    ['MAX_POOL_2D', 'VALID', 1],
    ['AVERAGE_POOL_2D', 'SAME', 2],
    ['AVERAGE_POOL_2D', 'VALID', 3],
  ])('%s %s stride %i', (kind, padding, stride) => {
    const random = seededRandom(4);
    const inShape = [2, 7, 8, 3];
    const x = randomFloat32(2 * 7 * 8 * 3, random, 5);
    const params = { padding, strideH: stride, strideW: stride };
    const ref = referencePool2D(x, inShape, kind === 'MAX_POOL_2D' ? 'max' : 'average', 3, 2, params);
    const graph = singleOpGraph(
      activation('x', inShape, 'float32'),
      [],
      activation('y', ref.shape, 'float32'),
      {
        kind,
        activation: 'NONE',
        filterH: 3,
        filterW: 2,
        ...params,
      },
    );
    expectClose(run(graph, x), ref.output);
  });
});

describe('float32 SOFTMAX, ADD, MEAN, RESHAPE', () => {
  it.each([1, 0.5])('softmax with beta %f', (beta) => {
    const x = randomFloat32(3 * 7, seededRandom(5), 4);
    const graph = singleOpGraph(activation('x', [3, 7], 'float32'), [], activation('y', [3, 7], 'float32'), {
      kind: 'SOFTMAX',
      beta,
    });
    expectClose(run(graph, x), referenceSoftmax(x, 7, beta));
  });

  it.each<[number[], number[], number[]]>([
    [
      [2, 3, 4],
      [2, 3, 4],
      [2, 3, 4],
    ],
    [
      [2, 3, 4],
      [3, 1],
      [2, 3, 4],
    ],
    [
      [1, 4],
      [3, 1],
      [3, 4],
    ],
    [[5], [2, 1, 5], [2, 1, 5]],
  ])('add %j + %j', (aShape, bShape, outShape) => {
    const random = seededRandom(6);
    const a = randomFloat32(
      aShape.reduce((x, y) => x * y),
      random,
    );
    const b = randomFloat32(
      bShape.reduce((x, y) => x * y),
      random,
    );
    const graph = singleOpGraph(
      activation('a', aShape, 'float32'),
      [constant('b', bShape, b)],
      activation('y', outShape, 'float32'),
      {
        kind: 'ADD',
        activation: 'RELU',
      },
    );
    expectClose(run(graph, a), clampTo(referenceBroadcastAdd(a, aShape, b, bShape, outShape), 'RELU'));
  });

  it.each<[number[], number[], boolean, number[]]>([
    [[1, 4, 5, 3], [1, 2], true, [1, 1, 1, 3]],
    [[2, 3, 4], [-1], false, [2, 3]],
    [[2, 3, 4], [0, 2], false, [3]],
  ])('mean of %j over %j', (shape, axes, keepDims, outShape) => {
    const x = randomFloat32(
      shape.reduce((a, b) => a * b),
      seededRandom(7),
      3,
    );
    const graph = singleOpGraph(
      activation('x', shape, 'float32'),
      [constant('axes', [axes.length], Int32Array.from(axes))],
      activation('y', outShape, 'float32'),
      { kind: 'MEAN', keepDims },
    );
    const positiveAxes = axes.map((a) => (a < 0 ? a + shape.length : a));
    expectClose(run(graph, x), referenceMean(x, shape, positiveAxes));
  });

  it('reshape passes values through', () => {
    const x = randomFloat32(12, seededRandom(8));
    const graph = singleOpGraph(
      activation('x', [1, 3, 4], 'float32'),
      [],
      activation('y', [4, 3], 'float32'),
      {
        kind: 'RESHAPE',
        newShape: [4, 3],
      },
    );
    expect(Array.from(run(graph, x))).toEqual(Array.from(x));
  });
});
