/**
 * CONV_2D and DEPTHWISE_CONV_2D graphs for the generated-C tests (opGraphs.ts): each padding, stride, dilation,
 * grouping and activation, per-tensor and per-channel weights, int8 and float32.
 */
import type { Activation, Padding } from '../../../ir/graph';
import { computeOutSize } from '../../../interp/padding';
import {
  activation,
  constant,
  type OpOptions,
  quant,
  randomFloat32,
  randomInt8,
  singleOpGraph,
} from '../../../interp/testGraphs';
import {
  activationQuant,
  count,
  floatInputs,
  int8Inputs,
  type OpCase,
  type Random,
  sumScale,
} from './opGraphHelpers';

interface ConvSpec {
  name: string;
  kind: 'CONV_2D' | 'DEPTHWISE_CONV_2D';
  inShape: number[];
  /** [O, H, W, I] for CONV_2D, [1, H, W, O] for DEPTHWISE_CONV_2D. */
  filterShape: number[];
  padding: Padding;
  stride: number;
  dilation: number;
  act: Activation;
  perTensor?: boolean;
  noBias?: boolean;
}

function convOutShape(s: ConvSpec): number[] {
  const [batches, h, w] = s.inShape;
  const [fh, fw] = [s.filterShape[1], s.filterShape[2]];
  const depth = s.kind === 'CONV_2D' ? s.filterShape[0] : s.filterShape[3];
  return [
    batches,
    computeOutSize(s.padding, h, fh, s.stride, s.dilation),
    computeOutSize(s.padding, w, fw, s.stride, s.dilation),
    depth,
  ];
}

function convOptions(s: ConvSpec): OpOptions {
  const window = {
    padding: s.padding,
    strideH: s.stride,
    strideW: s.stride,
    dilationH: s.dilation,
    dilationW: s.dilation,
    activation: s.act,
  };
  return s.kind === 'CONV_2D'
    ? { kind: 'CONV_2D', ...window }
    : { kind: 'DEPTHWISE_CONV_2D', ...window, depthMultiplier: s.filterShape[3] / s.inShape[3] };
}

export function int8Conv(s: ConvSpec, random: Random): OpCase {
  const outShape = convOutShape(s);
  const channels = outShape[3];
  const dimension = s.kind === 'CONV_2D' ? 0 : 3;
  const scales = Array.from({ length: s.perTensor ? 1 : channels }, () =>
    Math.fround(0.004 + 0.012 * random()),
  );
  const inQ = activationQuant(0.05, random);
  const terms = count(s.filterShape) / channels;
  const outQ = activationQuant(sumScale(0.05, 0.01, terms), random);
  const filter = constant(
    'filter',
    s.filterShape,
    randomInt8(count(s.filterShape), random, -127, 127),
    quant(scales, 0, dimension),
  );
  const bias = constant(
    'bias',
    [channels],
    Int32Array.from({ length: channels }, () => Math.floor((random() - 0.5) * 4000)),
    quant(
      scales.length === 1
        ? [Math.fround(inQ.scale[0] * scales[0])]
        : scales.map((w) => Math.fround(inQ.scale[0] * w)),
    ),
  );
  const graph = singleOpGraph(
    activation('x', s.inShape, 'int8', inQ),
    s.noBias ? [filter] : [filter, bias],
    activation('y', outShape, 'int8', outQ),
    convOptions(s),
  );
  return { name: `int8 ${s.name}`, graph, inputs: int8Inputs(s.inShape, random) };
}

export function floatConv(s: ConvSpec, random: Random): OpCase {
  const outShape = convOutShape(s);
  const filter = constant('filter', s.filterShape, randomFloat32(count(s.filterShape), random));
  const bias = constant('bias', [outShape[3]], randomFloat32(outShape[3], random));
  const graph = singleOpGraph(
    activation('x', s.inShape, 'float32'),
    s.noBias ? [filter] : [filter, bias],
    activation('y', outShape, 'float32'),
    convOptions(s),
  );
  return { name: `float32 ${s.name}`, graph, inputs: floatInputs(s.inShape, random) };
}

export const CONVOLUTIONS: ConvSpec[] = [
  {
    name: 'conv SAME stride 2 RELU',
    kind: 'CONV_2D',
    inShape: [1, 7, 6, 3],
    filterShape: [4, 3, 3, 3],
    padding: 'SAME',
    stride: 2,
    dilation: 1,
    act: 'RELU',
  },
  {
    name: 'conv VALID dilation 2, per-tensor, no bias',
    kind: 'CONV_2D',
    inShape: [2, 8, 7, 2],
    filterShape: [3, 3, 2, 2],
    padding: 'VALID',
    stride: 1,
    dilation: 2,
    act: 'NONE',
    perTensor: true,
    noBias: true,
  },
  {
    name: 'conv grouped (2 groups) SAME RELU6',
    kind: 'CONV_2D',
    inShape: [1, 5, 5, 4],
    filterShape: [6, 3, 3, 2],
    padding: 'SAME',
    stride: 1,
    dilation: 1,
    act: 'RELU6',
  },
  {
    name: 'conv1d as 1xK SAME RELU_N1_TO_1',
    kind: 'CONV_2D',
    inShape: [1, 1, 20, 3],
    filterShape: [4, 1, 5, 3],
    padding: 'SAME',
    stride: 1,
    dilation: 1,
    act: 'RELU_N1_TO_1',
  },
  {
    name: 'depthwise SAME RELU',
    kind: 'DEPTHWISE_CONV_2D',
    inShape: [1, 6, 5, 4],
    filterShape: [1, 3, 3, 4],
    padding: 'SAME',
    stride: 1,
    dilation: 1,
    act: 'RELU',
  },
  {
    name: 'depthwise multiplier 2 VALID stride 2 dilation 2',
    kind: 'DEPTHWISE_CONV_2D',
    inShape: [1, 9, 8, 3],
    filterShape: [1, 3, 2, 6],
    padding: 'VALID',
    stride: 2,
    dilation: 2,
    act: 'NONE',
    noBias: true,
  },
];
