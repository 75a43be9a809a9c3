/**
 * Float graphs with seeded random weights for the quantiser's tests, laid out as the training exporter
 * writes them (src/core/learn/exportGraph.ts): He-scaled weights, small biases.
 */
import type { Activation, Graph, Op, Tensor } from '../ir/graph';
import { gaussian, seededRandom } from '../random';

/** An op's kind and options without its tensor indices (distributed over the Op union). */
type WithoutIndices<T> = T extends unknown ? Omit<T, 'inputs' | 'outputs'> : never;
type OpOptions = WithoutIndices<Op>;

class GraphBuilder {
  readonly tensors: Tensor[] = [];
  readonly ops: Op[] = [];
  private readonly random: () => number;
  current: number;

  constructor(seed: number, inputShape: number[]) {
    this.random = seededRandom(seed);
    this.current = this.add({ name: 'input', shape: inputShape, dtype: 'float32' });
  }

  add(t: Tensor): number {
    return this.tensors.push(t) - 1;
  }

  randomConstant(name: string, shape: number[], std: number): number {
    const data = Float32Array.from(
      { length: shape.reduce((a, b) => a * b, 1) },
      () => gaussian(this.random) * std,
    );
    return this.add({ name, shape, dtype: 'float32', data });
  }

  /** Appends an op reading the current tensor (plus `constants`) and writing a new activation. */
  op(name: string, shape: number[], constants: number[], options: OpOptions): this {
    const out = this.add({ name, shape, dtype: 'float32' });
    this.ops.push({ ...options, inputs: [this.current, ...constants], outputs: [out] } as Op);
    this.current = out;
    return this;
  }

  reshape(name: string, shape: number[]): this {
    const s = this.add({
      name: `${name}/shape`,
      shape: [shape.length],
      dtype: 'int32',
      data: Int32Array.from(shape),
    });
    return this.op(name, shape, [s], { kind: 'RESHAPE', newShape: shape });
  }

  dense(name: string, inputs: number, units: number, activation: Activation): this {
    const w = this.randomConstant(`${name}/weights`, [units, inputs], Math.sqrt(2 / inputs));
    const b = this.randomConstant(`${name}/bias`, [units], 0.1);
    return this.op(name, [1, units], [w, b], { kind: 'FULLY_CONNECTED', activation });
  }

  softmax(): this {
    const classes = this.tensors[this.current].shape[1];
    return this.op('output', [1, classes], [], { kind: 'SOFTMAX', beta: 1 });
  }

  graph(): Graph {
    return {
      tensors: this.tensors,
      ops: this.ops,
      inputs: [0],
      outputs: [this.current],
      description: 'test model',
    };
  }
}

/** input [1, sizes[0]] → FULLY_CONNECTED (RELU) … → FULLY_CONNECTED → SOFTMAX. */
export function denseClassifier(sizes: number[], seed: number): Graph {
  const b = new GraphBuilder(seed, [1, sizes[0]]);
  for (let i = 1; i < sizes.length; i++) {
    const last = i === sizes.length - 1;
    b.dense(last ? 'logits' : `dense_${i}`, sizes[i - 1], sizes[i], last ? 'NONE' : 'RELU');
  }
  return b.softmax().graph();
}

/**
 * Every op kind the quantiser handles, as a conv1d network over `steps` × `channels`: RESHAPE → CONV_2D 1×5
 * (RELU) → MAX_POOL_2D 1×2 → DEPTHWISE_CONV_2D 1×3 ×2 (RELU6) → AVERAGE_POOL_2D 1×2 → RESHAPE → FULLY_CONNECTED
 * (RELU) → FULLY_CONNECTED → SOFTMAX, or a linear regression head when `classes` is 0.
 */
export function conv1dNet(seed: number, steps = 32, channels = 3, classes = 4): Graph {
  const filters = 6;
  const b = new GraphBuilder(seed, [1, steps * channels]);
  b.reshape('reshape_0', [1, 1, steps, channels]);
  const f = b.randomConstant('conv1d_1/filter', [filters, 1, 5, channels], Math.sqrt(2 / (5 * channels)));
  const fb = b.randomConstant('conv1d_1/bias', [filters], 0.1);
  b.op('conv1d_1', [1, 1, steps, filters], [f, fb], {
    kind: 'CONV_2D',
    padding: 'SAME',
    strideH: 1,
    strideW: 1,
    dilationH: 1,
    dilationW: 1,
    activation: 'RELU',
  });
  b.op('maxPool_2', [1, 1, steps / 2, filters], [], pool('MAX_POOL_2D'));
  const d = b.randomConstant('depthwise_3/filter', [1, 1, 3, filters * 2], Math.sqrt(2 / 3));
  const db = b.randomConstant('depthwise_3/bias', [filters * 2], 0.1);
  b.op('depthwise_3', [1, 1, steps / 2, filters * 2], [d, db], {
    kind: 'DEPTHWISE_CONV_2D',
    padding: 'SAME',
    strideH: 1,
    strideW: 1,
    dilationH: 1,
    dilationW: 1,
    depthMultiplier: 2,
    activation: 'RELU6',
  });
  b.op('avgPool_4', [1, 1, steps / 4, filters * 2], [], pool('AVERAGE_POOL_2D'));
  const flat = (steps / 4) * filters * 2;
  b.reshape('flatten_5', [1, flat]);
  b.dense('dense_6', flat, 16, 'RELU');
  if (classes === 0) return b.dense('output', 16, 1, 'NONE').graph();
  return b.dense('logits', 16, classes, 'NONE').softmax().graph();
}

function pool(kind: 'MAX_POOL_2D' | 'AVERAGE_POOL_2D'): OpOptions {
  return { kind, padding: 'SAME', strideH: 1, strideW: 2, filterH: 1, filterW: 2, activation: 'NONE' };
}

/** `count` windows of standard normal values. */
export function randomWindows(count: number, length: number, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => Float32Array.from({ length }, () => gaussian(random)));
}
