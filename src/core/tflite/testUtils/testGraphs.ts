import { prng } from '../../formats/testUtils/fuzz';
import type { Graph, QuantParams, Tensor } from '../../ir/graph';

/**
 * Hand-built graphs covering every op kind the writer supports, in float32 and int8. Values are float32-exact
 * (the file stores scales and beta as float32), so a write/read round trip must reproduce them exactly.
 */

const f32 = Math.fround;

function builder(seed: number) {
  const random = prng(seed);
  const tensors: Tensor[] = [];
  const add = (t: Tensor) => tensors.push(t) - 1;
  const count = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
  return {
    tensors,
    activation: (name: string, shape: number[], dtype: Tensor['dtype'] = 'float32', quant?: QuantParams) =>
      add(quant === undefined ? { name, shape, dtype } : { name, shape, dtype, quant }),
    floats: (name: string, shape: number[]) =>
      add({
        name,
        shape,
        dtype: 'float32',
        data: Float32Array.from({ length: count(shape) }, () => f32(random() * 2 - 1)),
      }),
    int8s: (name: string, shape: number[], quant: QuantParams) =>
      add({
        name,
        shape,
        dtype: 'int8',
        data: Int8Array.from({ length: count(shape) }, () => Math.floor(random() * 255) - 127),
        quant,
      }),
    int32s: (name: string, shape: number[], values?: number[], quant?: QuantParams) => {
      const data = Int32Array.from(
        values ?? Array.from({ length: count(shape) }, () => Math.floor(random() * 2000) - 1000),
      );
      return add(
        quant === undefined
          ? { name, shape, dtype: 'int32', data }
          : { name, shape, dtype: 'int32', data, quant },
      );
    },
    perChannel: (channels: number, dim: number): QuantParams => ({
      scale: Array.from({ length: channels }, (_, i) => f32(0.01 + i / 1000)),
      zeroPoint: Array.from({ length: channels }, () => 0),
      quantizedDimension: dim,
    }),
  };
}

const q = (scale: number, zeroPoint: number): QuantParams => ({
  scale: [f32(scale)],
  zeroPoint: [zeroPoint],
  quantizedDimension: 0,
});

/** float32: a conv1d as a 1×K conv, then every other op kind, including both RESHAPE forms and FC without bias. */
export function floatGraph(): Graph {
  const g = builder(1);
  const input = g.activation('input', [1, 1, 16, 2]);
  const convW = g.floats('conv1d/filter', [4, 1, 3, 2]);
  const convB = g.floats('conv1d/bias', [4]);
  const conv = g.activation('conv1d', [1, 1, 16, 4]);
  const dwW = g.floats('dw/filter', [1, 1, 3, 4]);
  const dwB = g.floats('dw/bias', [4]);
  const dw = g.activation('dw', [1, 1, 8, 4]);
  const max = g.activation('maxpool', [1, 1, 4, 4]);
  const avg = g.activation('avgpool', [1, 1, 2, 4]);
  const addend = g.floats('add/constant', [1, 1, 2, 4]);
  const sum = g.activation('add', [1, 1, 2, 4]);
  const axes = g.int32s('mean/axes', [1], [1]);
  const mean = g.activation('mean', [1, 1, 2, 4]);
  const flat = g.activation('flatten', [1, 8]);
  const fcW = g.floats('dense/weights', [3, 8]);
  const fcB = g.floats('dense/bias', [3]);
  const fc = g.activation('dense', [1, 3]);
  const fc2W = g.floats('dense_1/weights', [3, 3]);
  const fc2 = g.activation('dense_1', [1, 3]);
  const fc3W = g.floats('dense_2/weights', [3, 3]);
  const fc3 = g.activation('dense_2', [1, 3]);
  const shape = g.int32s('reshape/shape', [2], [1, 3]);
  const reshaped = g.activation('reshape', [1, 3]);
  const probs = g.activation('softmax', [1, 3]);
  const conv2d = { padding: 'SAME', strideH: 1, strideW: 1, dilationH: 1, dilationW: 1 } as const;
  return {
    tensors: g.tensors,
    ops: [
      { kind: 'CONV_2D', inputs: [input, convW, convB], outputs: [conv], ...conv2d, activation: 'RELU' },
      {
        kind: 'DEPTHWISE_CONV_2D',
        inputs: [conv, dwW, dwB],
        outputs: [dw],
        ...conv2d,
        strideW: 2,
        dilationW: 2,
        depthMultiplier: 1,
        activation: 'RELU6',
      },
      {
        kind: 'MAX_POOL_2D',
        inputs: [dw],
        outputs: [max],
        padding: 'VALID',
        strideH: 1,
        strideW: 2,
        filterH: 1,
        filterW: 2,
        activation: 'NONE',
      },
      {
        kind: 'AVERAGE_POOL_2D',
        inputs: [max],
        outputs: [avg],
        padding: 'SAME',
        strideH: 1,
        strideW: 2,
        filterH: 1,
        filterW: 3,
        activation: 'RELU',
      },
      { kind: 'ADD', inputs: [avg, addend], outputs: [sum], activation: 'RELU_N1_TO_1' },
      { kind: 'MEAN', inputs: [sum, axes], outputs: [mean], keepDims: true },
      { kind: 'RESHAPE', inputs: [mean], outputs: [flat], newShape: [1, 8] },
      { kind: 'FULLY_CONNECTED', inputs: [flat, fcW, fcB], outputs: [fc], activation: 'RELU' },
      { kind: 'FULLY_CONNECTED', inputs: [fc, fc2W], outputs: [fc2], activation: 'NONE' },
      { kind: 'FULLY_CONNECTED', inputs: [fc2, fc3W, -1], outputs: [fc3], activation: 'NONE' },
      { kind: 'RESHAPE', inputs: [fc3, shape], outputs: [reshaped], newShape: [1, 3] },
      { kind: 'SOFTMAX', inputs: [reshaped], outputs: [probs], beta: f32(0.5) },
    ],
    inputs: [input],
    outputs: [probs],
    description: 'float32 test graph',
  };
}

/** int8 as the quantiser emits it: float in, QUANTIZE, per-channel convs, per-tensor FC, DEQUANTIZE out. */
export function int8Graph(): Graph {
  const g = builder(2);
  const act = q(0.05, -3);
  const input = g.activation('input', [1, 1, 16, 2]);
  const quantized = g.activation('input/quantized', [1, 1, 16, 2], 'int8', act);
  const convW = g.int8s('conv1d/filter', [4, 1, 3, 2], g.perChannel(4, 0));
  const convB = g.int32s('conv1d/bias', [4], undefined, g.perChannel(4, 0));
  const conv = g.activation('conv1d', [1, 1, 16, 4], 'int8', q(0.1, -128));
  const dwW = g.int8s('dw/filter', [1, 1, 3, 4], g.perChannel(4, 3));
  const dwB = g.int32s('dw/bias', [4], undefined, g.perChannel(4, 0));
  const dw = g.activation('dw', [1, 1, 8, 4], 'int8', q(0.2, -128));
  const max = g.activation('maxpool', [1, 1, 4, 4], 'int8', q(0.2, -128));
  const avg = g.activation('avgpool', [1, 1, 2, 4], 'int8', q(0.2, -128));
  const addend = g.activation('skip', [1, 1, 2, 4], 'int8', q(0.2, -128));
  const sum = g.activation('add', [1, 1, 2, 4], 'int8', q(0.4, -128));
  const axes = g.int32s('mean/axes', [2], [1, 2]);
  const mean = g.activation('mean', [1, 4], 'int8', q(0.4, -128));
  const shape = g.int32s('flatten/shape', [2], [1, 4]);
  const flat = g.activation('flatten', [1, 4], 'int8', q(0.4, -128));
  const fcW = g.int8s('dense/weights', [3, 4], q(0.02, 0));
  const fcB = g.int32s('dense/bias', [3], undefined, q(0.008, 0));
  const fc = g.activation('dense', [1, 3], 'int8', q(0.3, 10));
  const probs = g.activation('softmax', [1, 3], 'int8', q(1 / 256, -128));
  const output = g.activation('output', [1, 3]);
  return {
    tensors: g.tensors,
    ops: [
      { kind: 'QUANTIZE', inputs: [input], outputs: [quantized] },
      {
        kind: 'CONV_2D',
        inputs: [quantized, convW, convB],
        outputs: [conv],
        padding: 'SAME',
        strideH: 1,
        strideW: 1,
        dilationH: 1,
        dilationW: 1,
        activation: 'RELU',
      },
      {
        kind: 'DEPTHWISE_CONV_2D',
        inputs: [conv, dwW, dwB],
        outputs: [dw],
        padding: 'SAME',
        strideH: 1,
        strideW: 2,
        dilationH: 1,
        dilationW: 1,
        depthMultiplier: 1,
        activation: 'RELU6',
      },
      {
        kind: 'MAX_POOL_2D',
        inputs: [dw],
        outputs: [max],
        padding: 'VALID',
        strideH: 1,
        strideW: 2,
        filterH: 1,
        filterW: 2,
        activation: 'NONE',
      },
      {
        kind: 'AVERAGE_POOL_2D',
        inputs: [max],
        outputs: [avg],
        padding: 'VALID',
        strideH: 1,
        strideW: 2,
        filterH: 1,
        filterW: 2,
        activation: 'NONE',
      },
      { kind: 'ADD', inputs: [avg, addend], outputs: [sum], activation: 'NONE' },
      { kind: 'MEAN', inputs: [sum, axes], outputs: [mean], keepDims: false },
      { kind: 'RESHAPE', inputs: [mean, shape], outputs: [flat], newShape: [1, 4] },
      { kind: 'FULLY_CONNECTED', inputs: [flat, fcW, fcB], outputs: [fc], activation: 'NONE' },
      { kind: 'SOFTMAX', inputs: [fc], outputs: [probs], beta: 1 },
      { kind: 'DEQUANTIZE', inputs: [probs], outputs: [output] },
    ],
    inputs: [input, addend],
    outputs: [output],
  };
}
