/**
 * Small graphs of every op kind, int8 and float32, with seeded weights and inputs, in the style of the
 * interpreter's kernel tests (src/core/interp/testGraphs.ts): convolutions with each padding, stride,
 * dilation, grouping and activation, per-tensor and per-channel weights, broadcasting ADD, MEAN over
 * several axes, QUANTIZE / DEQUANTIZE with non-finite inputs, a RESHAPE-only graph and a whole chain.
 */
import type { Activation, Graph, Padding } from '../../../ir/graph';
import { computeOutSize } from '../../../interp/padding';
import {
  activation,
  constant,
  quant,
  randomFloat32,
  randomInt8,
  seededRandom,
  singleOpGraph,
} from '../../../interp/testGraphs';
import { floatChain, int8Chain } from './chainGraphs';
import { CONVOLUTIONS, floatConv, int8Conv } from './convolutionGraphs';
import {
  activationQuant,
  count,
  floatInputs,
  int8Inputs,
  type OpCase,
  type Random,
  sumScale,
} from './opGraphHelpers';

export type { OpCase } from './opGraphHelpers';

function int8FullyConnected(
  name: string,
  batches: number,
  inDepth: number,
  outDepth: number,
  act: Activation,
  perChannel: boolean,
  withBias: boolean,
  random: Random,
): OpCase {
  const scales = Array.from({ length: perChannel ? outDepth : 1 }, () =>
    Math.fround(0.004 + 0.012 * random()),
  );
  const inQ = activationQuant(0.05, random);
  const outQ = activationQuant(sumScale(0.05, 0.01, inDepth), random);
  const weights = constant(
    'w',
    [outDepth, inDepth],
    randomInt8(outDepth * inDepth, random, -127, 127),
    quant(scales),
  );
  const bias = constant(
    'b',
    [outDepth],
    Int32Array.from({ length: outDepth }, () => Math.floor((random() - 0.5) * 4000)),
    quant(scales.map((w) => Math.fround(inQ.scale[0] * w))),
  );
  const graph = singleOpGraph(
    activation('x', [batches, inDepth], 'int8', inQ),
    withBias ? [weights, bias] : [weights],
    activation('y', [batches, outDepth], 'int8', outQ),
    { kind: 'FULLY_CONNECTED', activation: act },
  );
  return { name: `int8 ${name}`, graph, inputs: int8Inputs([batches, inDepth], random) };
}

function floatFullyConnected(
  name: string,
  batches: number,
  inDepth: number,
  outDepth: number,
  act: Activation,
  random: Random,
): OpCase {
  const graph = singleOpGraph(
    activation('x', [batches, inDepth], 'float32'),
    [
      constant('w', [outDepth, inDepth], randomFloat32(outDepth * inDepth, random)),
      constant('b', [outDepth], randomFloat32(outDepth, random)),
    ],
    activation('y', [batches, outDepth], 'float32'),
    { kind: 'FULLY_CONNECTED', activation: act },
  );
  return { name: `float32 ${name}`, graph, inputs: floatInputs([batches, inDepth], random) };
}

interface PoolSpec {
  name: string;
  kind: 'MAX_POOL_2D' | 'AVERAGE_POOL_2D';
  inShape: number[];
  filter: number;
  stride: number;
  padding: Padding;
  act: Activation;
}

const POOLS: PoolSpec[] = [
  {
    name: 'max pool 3x3 SAME stride 2 RELU',
    kind: 'MAX_POOL_2D',
    inShape: [1, 4, 5, 2],
    filter: 3,
    stride: 2,
    padding: 'SAME',
    act: 'RELU',
  },
  {
    name: 'average pool 2x2 VALID stride 2',
    kind: 'AVERAGE_POOL_2D',
    inShape: [2, 6, 6, 3],
    filter: 2,
    stride: 2,
    padding: 'VALID',
    act: 'NONE',
  },
  {
    name: 'average pool 3x3 SAME stride 2 RELU6',
    kind: 'AVERAGE_POOL_2D',
    inShape: [1, 7, 5, 2],
    filter: 3,
    stride: 2,
    padding: 'SAME',
    act: 'RELU6',
  },
];

function pool(s: PoolSpec, dtype: 'int8' | 'float32', random: Random): OpCase {
  const [batches, h, w, depth] = s.inShape;
  const outShape = [
    batches,
    computeOutSize(s.padding, h, s.filter, s.stride, 1),
    computeOutSize(s.padding, w, s.filter, s.stride, 1),
    depth,
  ];
  const q = dtype === 'int8' ? activationQuant(0.03, random) : undefined;
  const graph = singleOpGraph(activation('x', s.inShape, dtype, q), [], activation('y', outShape, dtype, q), {
    kind: s.kind,
    padding: s.padding,
    strideH: s.stride,
    strideW: s.stride,
    filterH: s.filter,
    filterW: s.filter,
    activation: s.act,
  });
  const inputs = dtype === 'int8' ? int8Inputs(s.inShape, random) : floatInputs(s.inShape, random, 8);
  return { name: `${dtype} ${s.name}`, graph, inputs };
}

function softmax(
  dtype: 'int8' | 'float32',
  shape: number[],
  beta: number,
  inScale: number,
  random: Random,
): OpCase {
  const inQ = dtype === 'int8' ? activationQuant(inScale, random) : undefined;
  const outQ = dtype === 'int8' ? quant(1 / 256, -128) : undefined;
  const graph = singleOpGraph(activation('x', shape, dtype, inQ), [], activation('y', shape, dtype, outQ), {
    kind: 'SOFTMAX',
    beta,
  });
  const inputs = dtype === 'int8' ? int8Inputs(shape, random) : floatInputs(shape, random, 6);
  return { name: `${dtype} softmax [${shape.join(', ')}] beta ${beta}`, graph, inputs };
}

/** ADD of the input and a second operand that is a constant (broadcast or not). */
function add(
  dtype: 'int8' | 'float32',
  shape: number[],
  otherShape: number[],
  act: Activation,
  random: Random,
): OpCase {
  const int8 = dtype === 'int8';
  const other = int8
    ? constant('b', otherShape, randomInt8(count(otherShape), random), activationQuant(0.07, random))
    : constant('b', otherShape, randomFloat32(count(otherShape), random, 3));
  const graph = singleOpGraph(
    activation('a', shape, dtype, int8 ? activationQuant(0.05, random) : undefined),
    [other],
    activation('y', shape, dtype, int8 ? activationQuant(0.09, random) : undefined),
    { kind: 'ADD', activation: act },
  );
  const inputs = int8 ? int8Inputs(shape, random) : floatInputs(shape, random, 3);
  return { name: `${dtype} add [${shape.join(', ')}] + [${otherShape.join(', ')}] ${act}`, graph, inputs };
}

function mean(
  dtype: 'int8' | 'float32',
  shape: number[],
  axes: number[],
  keepDims: boolean,
  random: Random,
): OpCase {
  const int8 = dtype === 'int8';
  const rank = shape.length;
  const reduced = axes.map((a) => (a < 0 ? a + rank : a));
  const outShape = keepDims
    ? shape.map((d, i) => (reduced.includes(i) ? 1 : d))
    : shape.filter((_, i) => !reduced.includes(i));
  const graph = singleOpGraph(
    activation('x', shape, dtype, int8 ? activationQuant(0.05, random) : undefined),
    [constant('axes', [axes.length], Int32Array.from(axes))],
    activation('y', outShape, dtype, int8 ? activationQuant(0.02, random) : undefined),
    { kind: 'MEAN', keepDims },
  );
  const inputs = int8 ? int8Inputs(shape, random) : floatInputs(shape, random, 3);
  return { name: `${dtype} mean over [${axes.join(', ')}] of [${shape.join(', ')}]`, graph, inputs };
}

/** float32 values that test QUANTIZE's rounding and saturation: halves, ±∞, NaN, huge values. */
function quantizeEdgeInput(scale: number, size: number, random: Random): Float32Array {
  const special = [0.5, -0.5, 1.5, -2.5, 127.5, -128.5, 1e30, -1e30].map((k) => Math.fround(k * scale));
  const values = [...special, Infinity, -Infinity, NaN, -0];
  return Float32Array.from({ length: size }, (_, i) =>
    i < values.length ? values[i] : (random() * 2 - 1) * 300 * scale,
  );
}

function quantizeCases(random: Random): OpCase[] {
  const shape = [1, 24];
  const outQ = activationQuant(0.04, random);
  const fromFloat = singleOpGraph(
    activation('x', shape, 'float32'),
    [],
    activation('y', shape, 'int8', outQ),
    { kind: 'QUANTIZE' },
  );
  const requantize = singleOpGraph(
    activation('x', shape, 'int8', activationQuant(0.05, random)),
    [],
    activation('y', shape, 'int8', activationQuant(0.03, random)),
    { kind: 'QUANTIZE' },
  );
  const dequantize = singleOpGraph(
    activation('x', shape, 'int8', activationQuant(0.05, random)),
    [],
    activation('y', shape, 'float32'),
    { kind: 'DEQUANTIZE' },
  );
  return [
    {
      name: 'int8 quantize from float32 (halves, saturation, ±inf, NaN)',
      graph: fromFloat,
      inputs: [quantizeEdgeInput(outQ.scale[0], 24, random), ...floatInputs(shape, random, 8)],
    },
    { name: 'int8 requantize', graph: requantize, inputs: int8Inputs(shape, random) },
    { name: 'int8 to float32 dequantize', graph: dequantize, inputs: int8Inputs(shape, random) },
  ];
}

function reshapeOnly(random: Random): OpCase {
  const q = activationQuant(0.1, random);
  const graph: Graph = {
    tensors: [
      activation('x', [1, 2, 3, 4], 'int8', q),
      activation('flat', [1, 24], 'int8', q),
      activation('y', [4, 6], 'int8', q),
    ],
    ops: [
      { kind: 'RESHAPE', inputs: [0], outputs: [1], newShape: [1, 24] },
      { kind: 'RESHAPE', inputs: [1], outputs: [2], newShape: [4, 6] },
    ],
    inputs: [0],
    outputs: [2],
  };
  return {
    name: 'int8 reshape only (the output is a copy of the input)',
    graph,
    inputs: int8Inputs([1, 2, 3, 4], random),
  };
}

/** Every case, seeded: int8 first, then float32. */
export function opCases(seed = 1): OpCase[] {
  const random = seededRandom(seed);
  return [
    ...CONVOLUTIONS.map((s) => int8Conv(s, random)),
    int8FullyConnected('fully connected per tensor, 2 batches, RELU', 2, 13, 6, 'RELU', false, true, random),
    int8FullyConnected('fully connected per channel, no bias', 1, 40, 5, 'NONE', true, false, random),
    ...POOLS.map((s) => pool(s, 'int8', random)),
    softmax('int8', [3, 10], 1, 0.1, random),
    softmax('int8', [1, 4], 0.5, 0.3, random),
    add('int8', [1, 4, 5, 3], [1, 4, 5, 3], 'RELU', random),
    add('int8', [1, 4, 5, 3], [1, 1, 5, 1], 'NONE', random),
    mean('int8', [1, 4, 5, 3], [1, 2], true, random),
    mean('int8', [2, 3, 4], [-1], false, random),
    ...quantizeCases(random),
    reshapeOnly(random),
    int8Chain(random),
    ...CONVOLUTIONS.map((s) => floatConv(s, random)),
    floatFullyConnected('fully connected, 2 batches, RELU6', 2, 13, 6, 'RELU6', random),
    floatFullyConnected('fully connected, 1 batch', 1, 40, 5, 'NONE', random),
    ...POOLS.map((s) => pool(s, 'float32', random)),
    softmax('float32', [3, 10], 1, 0, random),
    softmax('float32', [2, 4], 0.5, 0, random),
    add('float32', [1, 4, 5, 3], [1, 1, 5, 1], 'RELU', random),
    add('float32', [2, 3], [2, 3], 'RELU_N1_TO_1', random),
    mean('float32', [1, 4, 5, 3], [1, 2], true, random),
    mean('float32', [2, 3, 4], [0, 2], false, random),
    floatChain(random),
  ];
}
