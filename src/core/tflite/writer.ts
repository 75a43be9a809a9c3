import * as flatbuffers from 'flatbuffers';
import type { DType, Graph, Op, OpKind, QuantParams, Tensor, TensorData } from '../ir/graph';
import { cannotWrite } from './errors';
import { findGraphProblem } from './graphProblems';
import { opVersion } from './opVersion';
import { encodeStandardization, STANDARDIZATION_METADATA } from '../ir/standardize';
import {
  ACTIVATION_CODE,
  ADD_OPTIONS,
  BUFFER,
  CONV_2D_OPTIONS,
  DEPTHWISE_CONV_2D_OPTIONS,
  FILE_IDENTIFIER,
  FULLY_CONNECTED_OPTIONS,
  METADATA,
  MODEL,
  OPCODE,
  OPERATOR,
  OPERATOR_CODE,
  OPTIONS_TYPE,
  PADDING_CODE,
  PLACEHOLDER_FOR_GREATER_OP_CODES,
  POOL_2D_OPTIONS,
  QUANTIZATION,
  REDUCER_OPTIONS,
  RESHAPE_OPTIONS,
  SCHEMA_VERSION,
  SOFTMAX_OPTIONS,
  SUBGRAPH,
  TENSOR,
  TENSOR_TYPE,
} from './schema';

type Builder = flatbuffers.Builder;
type Offset = flatbuffers.Offset;

const TYPE_CODES: Record<DType, number> = {
  float32: TENSOR_TYPE.FLOAT32,
  int32: TENSOR_TYPE.INT32,
  int8: TENSOR_TYPE.INT8,
};
/** Constant data is aligned for direct (mmap / flash) use, as schema.fbs's `force_align: 16` on Buffer.data. */
const DATA_ALIGNMENT = 16;

// The builder writes back to front, so vector elements are added last first.
function int32Vector(b: Builder, values: readonly number[]): Offset {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addInt32(values[i]);
  return b.endVector();
}

function float32Vector(b: Builder, values: readonly number[]): Offset {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i]);
  return b.endVector();
}

function int64Vector(b: Builder, values: readonly number[]): Offset {
  b.startVector(8, values.length, 8);
  for (let i = values.length - 1; i >= 0; i--) b.addInt64(BigInt(values[i]));
  return b.endVector();
}

function offsetVector(b: Builder, offsets: readonly Offset[]): Offset {
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]);
  return b.endVector();
}

function littleEndianBytes(data: TensorData): Uint8Array {
  if (data instanceof Int8Array) return new Uint8Array(data.buffer, data.byteOffset, data.length);
  const out = new Uint8Array(data.length * 4);
  const view = new DataView(out.buffer);
  if (data instanceof Float32Array) data.forEach((v, i) => view.setFloat32(4 * i, v, true));
  else data.forEach((v, i) => view.setInt32(4 * i, v, true));
  return out;
}

/**
 * Buffer 0 stays empty (activations point at it); each constant gets its own buffer, in tensor order, then each
 * metadata payload (its buffer index is `metadataBuffer[k]`).
 */
function writeBuffers(
  b: Builder,
  tensors: Tensor[],
  metadata: readonly Uint8Array[],
): { bufferOf: number[]; metadataBuffer: number[]; buffers: Offset } {
  const bufferOf: number[] = [];
  const dataVectors: Offset[] = [];
  const payloads = [...tensors.map((t) => t.data), ...metadata];
  for (const data of payloads) {
    if (data === undefined) {
      bufferOf.push(0);
      continue;
    }
    bufferOf.push(dataVectors.length + 1);
    const bytes = data instanceof Uint8Array ? data : littleEndianBytes(data);
    // Pad so the bytes (which follow the vector's length word) start on a 16-byte boundary; the builder then
    // pads the whole file to a multiple of 16, so the boundary holds from the start of the file too.
    b.prep(DATA_ALIGNMENT, bytes.length);
    dataVectors.push(b.createByteVector(bytes));
  }
  const tables = [undefined, ...dataVectors].map((data) => {
    b.startObject(BUFFER.fields);
    if (data !== undefined) b.addFieldOffset(BUFFER.data, data, 0);
    return b.endObject();
  });
  return {
    bufferOf: bufferOf.slice(0, tensors.length),
    metadataBuffer: bufferOf.slice(tensors.length),
    buffers: offsetVector(b, tables),
  };
}

/** The graph's metadata entries: its input standardisation, when it has one. */
function metadataOf(graph: Graph): Array<{ name: string; bytes: Uint8Array }> {
  return graph.standardization === undefined
    ? []
    : [{ name: STANDARDIZATION_METADATA, bytes: encodeStandardization(graph.standardization) }];
}

function writeMetadata(b: Builder, name: string, buffer: number): Offset {
  const nameOffset = b.createString(name);
  b.startObject(METADATA.fields);
  b.addFieldOffset(METADATA.name, nameOffset, 0);
  b.addFieldInt32(METADATA.buffer, buffer, 0);
  return b.endObject();
}

function writeQuant(b: Builder, q: QuantParams): Offset {
  const scale = float32Vector(b, q.scale);
  const zeroPoint = int64Vector(b, q.zeroPoint);
  b.startObject(QUANTIZATION.fields);
  b.addFieldOffset(QUANTIZATION.scale, scale, 0);
  b.addFieldOffset(QUANTIZATION.zeroPoint, zeroPoint, 0);
  b.addFieldInt32(QUANTIZATION.quantizedDimension, q.quantizedDimension, 0);
  return b.endObject();
}

function writeTensor(b: Builder, t: Tensor, buffer: number): Offset {
  const shape = int32Vector(b, t.shape);
  const name = b.createString(t.name);
  const quant = t.quant === undefined ? 0 : writeQuant(b, t.quant);
  b.startObject(TENSOR.fields);
  b.addFieldOffset(TENSOR.shape, shape, 0);
  b.addFieldInt8(TENSOR.type, TYPE_CODES[t.dtype], TENSOR_TYPE.FLOAT32);
  b.addFieldInt32(TENSOR.buffer, buffer, 0);
  b.addFieldOffset(TENSOR.name, name, 0);
  b.addFieldOffset(TENSOR.quantization, quant, 0);
  return b.endObject();
}

/** The op's BuiltinOptions union member: its type and table (type NONE for ops without options). */
function writeOptions(b: Builder, op: Op): { type: number; table: Offset } {
  const table = (fields: number, add: () => void): Offset => {
    b.startObject(fields);
    add();
    return b.endObject();
  };
  switch (op.kind) {
    case 'CONV_2D': {
      const f = CONV_2D_OPTIONS;
      return {
        type: OPTIONS_TYPE.Conv2DOptions,
        table: table(f.fields, () => {
          b.addFieldInt8(f.padding, PADDING_CODE[op.padding], 0);
          b.addFieldInt32(f.strideW, op.strideW, 0);
          b.addFieldInt32(f.strideH, op.strideH, 0);
          b.addFieldInt8(f.activation, ACTIVATION_CODE[op.activation], 0);
          b.addFieldInt32(f.dilationW, op.dilationW, 1);
          b.addFieldInt32(f.dilationH, op.dilationH, 1);
        }),
      };
    }
    case 'DEPTHWISE_CONV_2D': {
      const f = DEPTHWISE_CONV_2D_OPTIONS;
      return {
        type: OPTIONS_TYPE.DepthwiseConv2DOptions,
        table: table(f.fields, () => {
          b.addFieldInt8(f.padding, PADDING_CODE[op.padding], 0);
          b.addFieldInt32(f.strideW, op.strideW, 0);
          b.addFieldInt32(f.strideH, op.strideH, 0);
          b.addFieldInt32(f.depthMultiplier, op.depthMultiplier, 0);
          b.addFieldInt8(f.activation, ACTIVATION_CODE[op.activation], 0);
          b.addFieldInt32(f.dilationW, op.dilationW, 1);
          b.addFieldInt32(f.dilationH, op.dilationH, 1);
        }),
      };
    }
    case 'MAX_POOL_2D':
    case 'AVERAGE_POOL_2D': {
      const f = POOL_2D_OPTIONS;
      return {
        type: OPTIONS_TYPE.Pool2DOptions,
        table: table(f.fields, () => {
          b.addFieldInt8(f.padding, PADDING_CODE[op.padding], 0);
          b.addFieldInt32(f.strideW, op.strideW, 0);
          b.addFieldInt32(f.strideH, op.strideH, 0);
          b.addFieldInt32(f.filterW, op.filterW, 0);
          b.addFieldInt32(f.filterH, op.filterH, 0);
          b.addFieldInt8(f.activation, ACTIVATION_CODE[op.activation], 0);
        }),
      };
    }
    case 'FULLY_CONNECTED':
      return {
        type: OPTIONS_TYPE.FullyConnectedOptions,
        table: table(FULLY_CONNECTED_OPTIONS.fields, () =>
          b.addFieldInt8(FULLY_CONNECTED_OPTIONS.activation, ACTIVATION_CODE[op.activation], 0),
        ),
      };
    case 'SOFTMAX':
      return {
        type: OPTIONS_TYPE.SoftmaxOptions,
        table: table(SOFTMAX_OPTIONS.fields, () => b.addFieldFloat32(SOFTMAX_OPTIONS.beta, op.beta, 0)),
      };
    case 'RESHAPE': {
      const newShape = int32Vector(b, op.newShape);
      return {
        type: OPTIONS_TYPE.ReshapeOptions,
        table: table(RESHAPE_OPTIONS.fields, () => b.addFieldOffset(RESHAPE_OPTIONS.newShape, newShape, 0)),
      };
    }
    case 'ADD':
      return {
        type: OPTIONS_TYPE.AddOptions,
        table: table(ADD_OPTIONS.fields, () =>
          b.addFieldInt8(ADD_OPTIONS.activation, ACTIVATION_CODE[op.activation], 0),
        ),
      };
    case 'MEAN':
      return {
        type: OPTIONS_TYPE.ReducerOptions,
        table: table(REDUCER_OPTIONS.fields, () =>
          b.addFieldInt8(REDUCER_OPTIONS.keepDims, op.keepDims ? 1 : 0, 0),
        ),
      };
    case 'QUANTIZE':
    case 'DEQUANTIZE':
      return { type: OPTIONS_TYPE.NONE, table: 0 };
  }
}

function writeOperator(b: Builder, op: Op, opcodeIndex: number): Offset {
  const inputs = int32Vector(b, op.inputs);
  const outputs = int32Vector(b, op.outputs);
  const options = writeOptions(b, op);
  b.startObject(OPERATOR.fields);
  b.addFieldInt32(OPERATOR.opcodeIndex, opcodeIndex, 0);
  b.addFieldOffset(OPERATOR.inputs, inputs, 0);
  b.addFieldOffset(OPERATOR.outputs, outputs, 0);
  b.addFieldInt8(OPERATOR.optionsType, options.type, OPTIONS_TYPE.NONE);
  b.addFieldOffset(OPERATOR.options, options.table, 0);
  return b.endObject();
}

/** Both code fields are set: readers take the larger, and the byte cannot hold codes above 127. */
function writeOperatorCode(b: Builder, kind: OpKind, version: number): Offset {
  const code = OPCODE[kind];
  b.startObject(OPERATOR_CODE.fields);
  b.addFieldInt8(OPERATOR_CODE.deprecatedBuiltinCode, Math.min(code, PLACEHOLDER_FOR_GREATER_OP_CODES), 0);
  b.addFieldInt32(OPERATOR_CODE.version, version, 1);
  b.addFieldInt32(OPERATOR_CODE.builtinCode, code, 0);
  return b.endObject();
}

/**
 * Encodes the graph as a `.tflite` flatbuffer (identifier TFL3, schema version 3, one subgraph "main"), with one
 * operator code per op kind in order of first use. Throws a StudioError `tflite-cannot-write` for a graph it
 * cannot represent (unknown enums, bad indices, data that does not match its shape or type).
 */
export function writeTflite(graph: Graph): Uint8Array {
  const problem = findGraphProblem(graph);
  if (problem !== null) throw cannotWrite(problem);
  const dataBytes = graph.tensors.reduce((sum, t) => sum + (t.data?.byteLength ?? 0) + DATA_ALIGNMENT, 0);
  const b = new flatbuffers.Builder(dataBytes + 4096);
  const metadata = metadataOf(graph);
  const { bufferOf, metadataBuffer, buffers } = writeBuffers(
    b,
    graph.tensors,
    metadata.map((m) => m.bytes),
  );
  const tensors = offsetVector(
    b,
    graph.tensors.map((t, i) => writeTensor(b, t, bufferOf[i])),
  );
  const versions = new Map<OpKind, number>();
  for (const op of graph.ops) {
    versions.set(op.kind, Math.max(versions.get(op.kind) ?? 1, opVersion(op, graph.tensors)));
  }
  const kinds = [...versions.keys()];
  const operators = offsetVector(
    b,
    graph.ops.map((op) => writeOperator(b, op, kinds.indexOf(op.kind))),
  );
  const inputs = int32Vector(b, graph.inputs);
  const outputs = int32Vector(b, graph.outputs);
  const name = b.createString('main');
  b.startObject(SUBGRAPH.fields);
  b.addFieldOffset(SUBGRAPH.tensors, tensors, 0);
  b.addFieldOffset(SUBGRAPH.inputs, inputs, 0);
  b.addFieldOffset(SUBGRAPH.outputs, outputs, 0);
  b.addFieldOffset(SUBGRAPH.operators, operators, 0);
  b.addFieldOffset(SUBGRAPH.name, name, 0);
  const subgraphs = offsetVector(b, [b.endObject()]);
  const operatorCodes = offsetVector(
    b,
    kinds.map((kind) => writeOperatorCode(b, kind, versions.get(kind) ?? 1)),
  );
  const description = graph.description === undefined ? 0 : b.createString(graph.description);
  const metadataTables =
    metadata.length === 0
      ? 0
      : offsetVector(
          b,
          metadata.map((m, k) => writeMetadata(b, m.name, metadataBuffer[k])),
        );
  b.startObject(MODEL.fields);
  b.addFieldInt32(MODEL.version, SCHEMA_VERSION, 0);
  b.addFieldOffset(MODEL.operatorCodes, operatorCodes, 0);
  b.addFieldOffset(MODEL.subgraphs, subgraphs, 0);
  b.addFieldOffset(MODEL.description, description, 0);
  b.addFieldOffset(MODEL.buffers, buffers, 0);
  b.addFieldOffset(MODEL.metadata, metadataTables, 0);
  b.finish(b.endObject(), FILE_IDENTIFIER);
  return b.asUint8Array().slice();
}
