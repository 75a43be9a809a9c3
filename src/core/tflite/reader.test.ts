import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors';
import type { Graph } from '../ir/graph';
import { readTflite } from './reader';
import { DEPTHWISE_CONV_2D_OPTIONS, MODEL, TENSOR } from './schema';
import { followField, optionsTable, requiredField, rootTable, tensorTable } from './testUtils/flatPatch';
import { sharedModelBytes } from './testUtils/sharedModels';

const kinds = (g: Graph) => g.ops.map((op) => op.kind);
const io = (g: Graph, indices: number[]) => indices.map((i) => [g.tensors[i].shape, g.tensors[i].dtype]);

function thrown(read: () => unknown): FormatError {
  try {
    read();
  } catch (e) {
    if (e instanceof FormatError) return e;
    throw e;
  }
  throw new Error('expected readTflite to throw');
}

describe('readTflite on hello_world_int8.tflite', () => {
  const graph = readTflite(sharedModelBytes('hello_world_int8'));

  it('reads three int8 FULLY_CONNECTED ops with [1,1] int8 input and output', () => {
    expect(kinds(graph)).toEqual(['FULLY_CONNECTED', 'FULLY_CONNECTED', 'FULLY_CONNECTED']);
    expect(graph.ops.map((op) => ('activation' in op ? op.activation : null))).toEqual([
      'RELU',
      'RELU',
      'NONE',
    ]);
    expect(io(graph, graph.inputs)).toEqual([[[1, 1], 'int8']]);
    expect(io(graph, graph.outputs)).toEqual([[[1, 1], 'int8']]);
    expect(graph.description).toBe('MLIR Converted.');
  });

  it('gives int8 weights [out, in] with per-tensor quantisation and int32 biases', () => {
    for (const op of graph.ops) {
      const [input, weights, bias] = op.inputs.map((i) => graph.tensors[i]);
      expect(weights.data).toBeInstanceOf(Int8Array);
      expect(weights.shape).toEqual([graph.tensors[op.outputs[0]].shape[1], input.shape[1]]);
      expect(weights.quant?.scale).toHaveLength(1);
      expect(bias.data).toBeInstanceOf(Int32Array);
      expect(bias.quant?.zeroPoint).toEqual([0]);
    }
  });
});

describe('readTflite on kws_ref_model.tflite', () => {
  const bytes = sharedModelBytes('kws_ref_model');
  const graph = readTflite(bytes);

  it('reads the DS-CNN ops in order with [1,49,10,1] int8 input and [1,12] int8 output', () => {
    const block = ['DEPTHWISE_CONV_2D', 'CONV_2D'];
    expect(kinds(graph)).toEqual([
      'CONV_2D',
      ...block,
      ...block,
      ...block,
      ...block,
      'AVERAGE_POOL_2D',
      'RESHAPE',
      'FULLY_CONNECTED',
      'SOFTMAX',
    ]);
    expect(io(graph, graph.inputs)).toEqual([[[1, 49, 10, 1], 'int8']]);
    expect(io(graph, graph.outputs)).toEqual([[[1, 12], 'int8']]);
  });

  it('reads the options: strides, padding, fused ReLU, pool window, softmax beta', () => {
    expect(graph.ops[0]).toMatchObject({ padding: 'SAME', strideH: 2, strideW: 2, activation: 'RELU' });
    expect(graph.ops[1]).toMatchObject({ strideH: 1, dilationW: 1, depthMultiplier: 1, activation: 'RELU' });
    expect(graph.ops[9]).toMatchObject({
      padding: 'VALID',
      filterH: 25,
      filterW: 5,
      strideH: 25,
      strideW: 5,
    });
    expect(graph.ops[10]).toMatchObject({ newShape: [1, 64] });
    expect(graph.ops[12]).toMatchObject({ beta: 1 });
  });

  it('gives convolutions per-channel weights (dim 0) and int32 per-channel biases', () => {
    const convs = graph.ops.filter((op) => op.kind === 'CONV_2D');
    expect(convs).toHaveLength(5);
    for (const op of convs) {
      const [filter, bias] = [graph.tensors[op.inputs[1]], graph.tensors[op.inputs[2]]];
      expect(filter.dtype).toBe('int8');
      expect(filter.quant?.quantizedDimension).toBe(0);
      expect(filter.quant?.scale).toHaveLength(filter.shape[0]);
      expect(filter.quant?.zeroPoint).toEqual(new Array(filter.shape[0]).fill(0));
      expect(bias.data).toBeInstanceOf(Int32Array);
      expect(bias.shape).toEqual([filter.shape[0]]);
      expect(bias.quant?.scale).toHaveLength(filter.shape[0]);
    }
    expect(graph.tensors[graph.ops[0].inputs[1]].shape).toEqual([64, 10, 4, 1]);
  });

  it('gives depthwise filters [1,H,W,C] quantised per channel along dimension 3', () => {
    const depthwise = graph.ops.filter((op) => op.kind === 'DEPTHWISE_CONV_2D');
    expect(depthwise).toHaveLength(4);
    for (const op of depthwise) {
      const filter = graph.tensors[op.inputs[1]];
      expect(filter.shape).toEqual([1, 3, 3, 64]);
      expect(filter.quant?.quantizedDimension).toBe(3);
      expect(filter.quant?.scale).toHaveLength(64);
      expect(graph.tensors[op.inputs[2]].data).toBeInstanceOf(Int32Array);
    }
  });

  it('copies constant data into fresh, aligned, little-endian decoded arrays; activations have none', () => {
    for (const t of graph.tensors) {
      if (t.data === undefined) continue;
      expect(t.data.buffer).not.toBe(bytes.buffer);
      expect(t.data.byteOffset).toBe(0);
    }
    // Keras' Flatten stores its target shape as the int32 constant [-1, 64].
    expect(graph.tensors[graph.ops[10].inputs[1]].data).toEqual(Int32Array.from([-1, 64]));
    const activations = [...graph.inputs, ...graph.ops.map((op) => op.outputs[0])];
    expect(activations.every((i) => graph.tensors[i].data === undefined)).toBe(true);
  });
});

describe('readTflite tolerates', () => {
  it('a stale depth_multiplier: the multiplier comes from the filter and input channels, as runtimes do', () => {
    const bytes = sharedModelBytes('kws_ref_model');
    new DataView(bytes.buffer).setInt32(
      requiredField(bytes, optionsTable(bytes, 1), DEPTHWISE_CONV_2D_OPTIONS.depthMultiplier),
      0,
      true,
    );
    expect(readTflite(bytes).ops[1]).toMatchObject({ kind: 'DEPTHWISE_CONV_2D', depthMultiplier: 1 });
  });
});

describe('readTflite rejects', () => {
  it('files that are not TFLite models', () => {
    for (const bytes of [
      new Uint8Array(0),
      new TextEncoder().encode('hello, this is text'),
      new Uint8Array(7),
    ]) {
      const error = thrown(() => readTflite(bytes, 'notes.txt'));
      expect(error.code).toBe('tflite-not-a-model');
      expect(error.message).toMatch(/^notes\.txt: /);
    }
  });

  it('other schema versions', () => {
    const bytes = sharedModelBytes('hello_world_int8');
    bytes[requiredField(bytes, rootTable(bytes), MODEL.version)] = 2;
    const error = thrown(() => readTflite(bytes));
    expect(error.code).toBe('tflite-version');
    expect(error.message).toContain('version 2');
  });

  it('tensor types the studio does not run, naming the tensor and type', () => {
    const bytes = sharedModelBytes('hello_world_int8');
    bytes[requiredField(bytes, tensorTable(bytes, 0), TENSOR.type)] = 4;
    const error = thrown(() => readTflite(bytes));
    expect(error.code).toBe('tflite-unsupported-type');
    expect(error.message).toContain('tensor 0 ("serving_default_dense_input:0") holds INT64 values');
  });

  it('a tensor whose buffer holds fewer bytes than its shape needs', () => {
    const bytes = sharedModelBytes('hello_world_int8');
    const shape = followField(bytes, tensorTable(bytes, 4), TENSOR.shape);
    new DataView(bytes.buffer).setInt32(shape + 4, 17, true);
    const error = thrown(() => readTflite(bytes));
    expect(error.code).toBe('tflite-malformed');
    expect(error.message).toContain(
      'tensor 4 ("sequential/dense_1/MatMul") has shape [17, 16] but 256 bytes',
    );
  });
});
