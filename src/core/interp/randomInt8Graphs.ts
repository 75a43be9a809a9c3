/**
 * Random int8 graphs for the interpreter's tests: every conv-like op with random shapes, strides, dilations,
 * padding, activations, zero points, per-tensor or per-channel scales and biases (some large enough that
 * the int32 accumulator wraps). Most output scales spread the results over the int8 range; some give real
 * multipliers anywhere from 2^−20 to 2^4 (saturating, or rounding everything to a few values).
 */
import type { Activation, Graph, Op, Padding, Tensor } from '../ir/graph';
import { computeOutSize } from './padding';
import { activation, constant, quant, randomInt8 } from './testGraphs';

type Random = () => number;

const ACTIVATIONS: Activation[] = ['NONE', 'RELU', 'RELU6', 'RELU_N1_TO_1'];

/** A uniform integer in [min, max]. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A graph under construction: tensors are appended, ops chained from the last output. */
export class GraphBuilder {
  readonly tensors: Tensor[] = [];
  readonly ops: Op[] = [];

  constructor(readonly random: Random) {}

  add(tensor: Tensor): number {
    this.tensors.push(tensor);
    return this.tensors.length - 1;
  }

  /** An int8 activation tensor with a random scale and zero point. */
  activation(shape: number[], scale = 2 ** (-8 * this.random())): number {
    const zeroPoint = randomInt(this.random, -128, 127);
    return this.add(
      activation(`t${this.tensors.length}`, shape, 'int8', quant(Math.fround(scale), zeroPoint)),
    );
  }

  scaleOf(tensor: number): number {
    return this.tensors[tensor].quant!.scale[0];
  }

  /**
   * Symmetric int8 weights with one scale or one per channel along `dimension`, and an int32 bias;
   * `length` is the number of products per output value.
   */
  weights(
    shape: number[],
    channels: number,
    dimension: number,
    inScale: number,
    length: number,
  ): { weights: number; bias: number; productScale: number; typicalAccumulator: number } {
    const perChannel = this.random() < 0.6;
    const base = 2 ** (-10 + 6 * this.random());
    const scales = Array.from({ length: perChannel ? channels : 1 }, () =>
      Math.fround(base * (0.5 + this.random())),
    );
    const count = shape.reduce((a, b) => a * b, 1);
    const data = randomInt8(count, this.random, this.random() < 0.2 ? -128 : -127, 127);
    const weights = this.add(constant(`w${this.tensors.length}`, shape, data, quant(scales, 0, dimension)));
    // Products of uniform int8 values have a standard deviation of about 74·74.
    const typicalSum = 74 * 74 * Math.sqrt(length);
    const biasRange = this.random() < 0.15 ? 2 ** 31 : typicalSum * 2 ** (4 * this.random() - 2);
    const biasData = Int32Array.from({ length: channels }, () =>
      Math.floor((this.random() * 2 - 1) * biasRange),
    );
    const bias = this.add(constant(`b${this.tensors.length}`, [channels], biasData));
    return { weights, bias, productScale: base * inScale, typicalAccumulator: typicalSum + biasRange / 2 };
  }

  /** An output scale that maps typical accumulators to about ±64 (or, sometimes, anything). */
  output(shape: number[], productScale: number, typicalAccumulator: number): number {
    const spread = productScale * (typicalAccumulator / 64) * 2 ** (2 * this.random() - 1);
    const wild = productScale / 2 ** (-20 + 24 * this.random());
    return this.activation(shape, this.random() < 0.8 ? spread : wild);
  }

  op(op: Op): number {
    this.ops.push(op);
    return op.outputs[0];
  }

  graph(input: number, output: number): Graph {
    return { tensors: this.tensors, ops: this.ops, inputs: [input], outputs: [output] };
  }
}

interface Window {
  padding: Padding;
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
}

function randomWindow(random: Random): Window {
  const dilation = random() < 0.2 ? 2 : 1;
  return {
    padding: random() < 0.5 ? 'SAME' : 'VALID',
    strideH: randomInt(random, 1, 3),
    strideW: randomInt(random, 1, 3),
    dilationH: dilation,
    dilationW: random() < 0.5 ? dilation : 1,
  };
}

function outputSize(w: Window, inH: number, inW: number, fH: number, fW: number): [number, number] {
  return [
    computeOutSize(w.padding, inH, fH, w.strideH, w.dilationH),
    computeOutSize(w.padding, inW, fW, w.strideW, w.dilationW),
  ];
}

/** Appends a CONV_2D after `input` (NHWC); a window that does not fit becomes 1×1, stride 1. */
export function addConv2D(b: GraphBuilder, input: number, outDepth: number, pointwise = false): number {
  const [n, h, w, c] = b.tensors[input].shape;
  let window = pointwise
    ? { padding: 'SAME' as const, strideH: 1, strideW: 1, dilationH: 1, dilationW: 1 }
    : randomWindow(b.random);
  let [fH, fW] = pointwise ? [1, 1] : [randomInt(b.random, 1, 4), randomInt(b.random, 1, 4)];
  let [outH, outW] = outputSize(window, h, w, fH, fW);
  if (outH < 1 || outW < 1) {
    window = { ...window, strideH: 1, strideW: 1 };
    [fH, fW] = [1, 1];
    [outH, outW] = outputSize(window, h, w, fH, fW);
  }
  const w8 = b.weights([outDepth, fH, fW, c], outDepth, 0, b.scaleOf(input), fH * fW * c);
  const output = b.output([n, outH, outW, outDepth], w8.productScale, w8.typicalAccumulator);
  return b.op({
    kind: 'CONV_2D',
    ...window,
    activation: pick(b.random, ACTIVATIONS),
    inputs: [input, w8.weights, w8.bias],
    outputs: [output],
  });
}

export function addDepthwiseConv2D(b: GraphBuilder, input: number, depthMultiplier: number): number {
  const [n, h, w, c] = b.tensors[input].shape;
  let window = randomWindow(b.random);
  const [fH, fW] = [randomInt(b.random, 1, 3), randomInt(b.random, 1, 3)];
  let [outH, outW] = outputSize(window, h, w, fH, fW);
  if (outH < 1 || outW < 1) {
    window = { ...window, padding: 'SAME' };
    [outH, outW] = outputSize(window, h, w, fH, fW);
  }
  const outDepth = c * depthMultiplier;
  const w8 = b.weights([1, fH, fW, outDepth], outDepth, 3, b.scaleOf(input), fH * fW);
  const output = b.output([n, outH, outW, outDepth], w8.productScale, w8.typicalAccumulator);
  return b.op({
    kind: 'DEPTHWISE_CONV_2D',
    ...window,
    depthMultiplier,
    activation: pick(b.random, ACTIVATIONS),
    inputs: [input, w8.weights, w8.bias],
    outputs: [output],
  });
}

/** FULLY_CONNECTED over the last dimension of a [batches, depth] input. */
export function addFullyConnected(b: GraphBuilder, input: number, outputs: number): number {
  const [batches, depth] = b.tensors[input].shape;
  const w8 = b.weights([outputs, depth], outputs, 0, b.scaleOf(input), depth);
  const output = b.output([batches, outputs], w8.productScale, w8.typicalAccumulator);
  return b.op({
    kind: 'FULLY_CONNECTED',
    activation: pick(b.random, ACTIVATIONS),
    inputs: [input, w8.weights, w8.bias],
    outputs: [output],
  });
}

/** A random NHWC input tensor: 1–2 batches, 1–9 × 1–9 pixels, 1–20 channels. */
export function addImageInput(b: GraphBuilder): number {
  const r = b.random;
  return b.activation([r() < 0.8 ? 1 : 2, randomInt(r, 1, 9), randomInt(r, 1, 9), randomInt(r, 1, 20)]);
}
