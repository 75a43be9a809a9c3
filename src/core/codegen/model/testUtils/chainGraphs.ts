/** Whole chains of ops for the generated-C tests: an int8 model between float32 ends, and a float32 one. */
import type { Graph, Op, Tensor } from '../../../ir/graph';
import {
  activation,
  constant,
  type OpOptions,
  quant,
  randomFloat32,
  randomInt8,
} from '../../../interp/testGraphs';
import { activationQuant, floatInputs, type OpCase, type Random } from './opGraphHelpers';

/** Appends tensors and ops to a graph in execution order. */
class ChainBuilder {
  readonly tensors: Tensor[] = [];
  readonly ops: Op[] = [];

  tensor(t: Tensor): number {
    this.tensors.push(t);
    return this.tensors.length - 1;
  }

  op(options: OpOptions, inputs: number[], output: Tensor): number {
    const index = this.tensor(output);
    this.ops.push({ ...options, inputs, outputs: [index] } as Op);
    return index;
  }
}

/** float32 in → QUANTIZE → CONV_2D → DEPTHWISE → MAX_POOL → RESHAPE → FULLY_CONNECTED → SOFTMAX → DEQUANTIZE. */
export function int8Chain(random: Random): OpCase {
  const b = new ChainBuilder();
  const x = b.tensor(activation('features', [1, 8, 6, 2], 'float32'));
  const xq = b.op(
    { kind: 'QUANTIZE' },
    [x],
    activation('quantized', [1, 8, 6, 2], 'int8', activationQuant(0.02, random)),
  );
  const convScales = Array.from({ length: 4 }, () => Math.fround(0.01 + 0.01 * random()));
  const w1 = b.tensor(
    constant('conv/w', [4, 3, 3, 2], randomInt8(72, random, -127, 127), quant(convScales, 0, 0)),
  );
  const b1 = b.tensor(
    constant(
      'conv/b',
      [4],
      Int32Array.from({ length: 4 }, () => Math.floor((random() - 0.5) * 3000)),
      quant(convScales.map((s) => Math.fround(0.02 * s))),
    ),
  );
  const conv = b.op(
    {
      kind: 'CONV_2D',
      padding: 'SAME',
      strideH: 1,
      strideW: 1,
      dilationH: 1,
      dilationW: 1,
      activation: 'RELU',
    },
    [xq, w1, b1],
    activation('conv', [1, 8, 6, 4], 'int8', quant(0.02, -128)),
  );
  const dwScales = Array.from({ length: 4 }, () => Math.fround(0.01 + 0.01 * random()));
  const w2 = b.tensor(
    constant('dw/w', [1, 3, 3, 4], randomInt8(36, random, -127, 127), quant(dwScales, 0, 3)),
  );
  const dw = b.op(
    {
      kind: 'DEPTHWISE_CONV_2D',
      padding: 'SAME',
      strideH: 2,
      strideW: 2,
      dilationH: 1,
      dilationW: 1,
      depthMultiplier: 1,
      activation: 'RELU6',
    },
    [conv, w2],
    activation('dw', [1, 4, 3, 4], 'int8', quant(0.01, -128)),
  );
  const poolQ = quant(0.01, -128);
  const pooled = b.op(
    {
      kind: 'MAX_POOL_2D',
      padding: 'VALID',
      strideH: 2,
      strideW: 1,
      filterH: 2,
      filterW: 2,
      activation: 'NONE',
    },
    [dw],
    activation('pool', [1, 2, 2, 4], 'int8', poolQ),
  );
  const shape = b.tensor(constant('shape', [2], Int32Array.of(1, 16)));
  const flat = b.op(
    { kind: 'RESHAPE', newShape: [1, 16] },
    [pooled, shape],
    activation('flat', [1, 16], 'int8', poolQ),
  );
  const w3 = b.tensor(constant('fc/w', [5, 16], randomInt8(80, random, -127, 127), quant(0.02)));
  const b3 = b.tensor(
    constant(
      'fc/b',
      [5],
      Int32Array.from({ length: 5 }, () => Math.floor((random() - 0.5) * 2000)),
      quant(Math.fround(0.01 * 0.02)),
    ),
  );
  const logits = b.op(
    { kind: 'FULLY_CONNECTED', activation: 'NONE' },
    [flat, w3, b3],
    activation('logits', [1, 5], 'int8', quant(0.05, 3)),
  );
  const probabilities = b.op(
    { kind: 'SOFTMAX', beta: 1 },
    [logits],
    activation('softmax', [1, 5], 'int8', quant(1 / 256, -128)),
  );
  const out = b.op({ kind: 'DEQUANTIZE' }, [probabilities], activation('probabilities', [1, 5], 'float32'));
  const graph: Graph = { tensors: b.tensors, ops: b.ops, inputs: [x], outputs: [out] };
  return {
    name: 'int8 chain from float32 features to float32 probabilities',
    graph,
    inputs: floatInputs([1, 8, 6, 2], random, 3),
  };
}

/** float32 CONV_2D → AVERAGE_POOL → RESHAPE → FULLY_CONNECTED → SOFTMAX. */
export function floatChain(random: Random): OpCase {
  const b = new ChainBuilder();
  const x = b.tensor(activation('features', [1, 1, 12, 3], 'float32'));
  const w1 = b.tensor(constant('conv/w', [4, 1, 3, 3], randomFloat32(36, random)));
  const conv = b.op(
    {
      kind: 'CONV_2D',
      padding: 'SAME',
      strideH: 1,
      strideW: 2,
      dilationH: 1,
      dilationW: 1,
      activation: 'RELU',
    },
    [x, w1],
    activation('conv', [1, 1, 6, 4], 'float32'),
  );
  const pooled = b.op(
    {
      kind: 'AVERAGE_POOL_2D',
      padding: 'VALID',
      strideH: 1,
      strideW: 2,
      filterH: 1,
      filterW: 2,
      activation: 'NONE',
    },
    [conv],
    activation('pool', [1, 1, 3, 4], 'float32'),
  );
  const flat = b.op({ kind: 'RESHAPE', newShape: [1, 12] }, [pooled], activation('flat', [1, 12], 'float32'));
  const w2 = b.tensor(constant('fc/w', [3, 12], randomFloat32(36, random)));
  const b2 = b.tensor(constant('fc/b', [3], randomFloat32(3, random)));
  const logits = b.op(
    { kind: 'FULLY_CONNECTED', activation: 'NONE' },
    [flat, w2, b2],
    activation('logits', [1, 3], 'float32'),
  );
  const out = b.op({ kind: 'SOFTMAX', beta: 1 }, [logits], activation('softmax', [1, 3], 'float32'));
  const graph: Graph = { tensors: b.tensors, ops: b.ops, inputs: [x], outputs: [out] };
  return {
    name: 'float32 chain conv, pool, reshape, dense, softmax',
    graph,
    inputs: floatInputs([1, 1, 12, 3], random),
  };
}
