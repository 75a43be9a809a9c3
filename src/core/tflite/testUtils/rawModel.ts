import * as flatbuffers from 'flatbuffers';
import {
  BUFFER,
  FILE_IDENTIFIER,
  MODEL,
  OPERATOR,
  OPERATOR_CODE,
  SCHEMA_VERSION,
  SUBGRAPH,
  TENSOR,
} from '../schema';

/**
 * Builds `.tflite` files field by field, for reader tests that need structures the writer never produces
 * (several subgraphs, custom ops, data stored after the flatbuffer, options the studio refuses).
 */
export interface RawModel {
  version?: number;
  opcodes: { deprecated: number; builtin?: number; custom?: string }[];
  subgraphs: RawSubgraph[];
  buffers: RawBuffer[];
}

export interface RawSubgraph {
  tensors: { shape: number[]; type: number; buffer: number; name: string }[];
  operators: RawOperator[];
  inputs: number[];
  outputs: number[];
}

export interface RawOperator {
  opcode: number;
  inputs: number[];
  outputs: number[];
  /** Writes the options table and returns its union type and offset. */
  options?: (b: flatbuffers.Builder) => { type: number; table: flatbuffers.Offset };
}

export interface RawBuffer {
  data?: Uint8Array;
  offset?: bigint;
  size?: bigint;
}

function intVector(b: flatbuffers.Builder, values: number[]): flatbuffers.Offset {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addInt32(values[i]);
  return b.endVector();
}

function tables(b: flatbuffers.Builder, offsets: flatbuffers.Offset[]): flatbuffers.Offset {
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]);
  return b.endVector();
}

function subgraph(b: flatbuffers.Builder, s: RawSubgraph): flatbuffers.Offset {
  const tensors = s.tensors.map((t) => {
    const shape = intVector(b, t.shape);
    const name = b.createString(t.name);
    b.startObject(TENSOR.fields);
    b.addFieldOffset(TENSOR.shape, shape, 0);
    b.addFieldInt8(TENSOR.type, t.type, -1);
    b.addFieldInt32(TENSOR.buffer, t.buffer, -1);
    b.addFieldOffset(TENSOR.name, name, 0);
    return b.endObject();
  });
  const operators = s.operators.map((op) => {
    const inputs = intVector(b, op.inputs);
    const outputs = intVector(b, op.outputs);
    const options = op.options?.(b);
    b.startObject(OPERATOR.fields);
    b.addFieldInt32(OPERATOR.opcodeIndex, op.opcode, -1);
    b.addFieldOffset(OPERATOR.inputs, inputs, 0);
    b.addFieldOffset(OPERATOR.outputs, outputs, 0);
    if (options !== undefined) {
      b.addFieldInt8(OPERATOR.optionsType, options.type, 0);
      b.addFieldOffset(OPERATOR.options, options.table, 0);
    }
    return b.endObject();
  });
  const tensorVector = tables(b, tensors);
  const operatorVector = tables(b, operators);
  const inputs = intVector(b, s.inputs);
  const outputs = intVector(b, s.outputs);
  b.startObject(SUBGRAPH.fields);
  b.addFieldOffset(SUBGRAPH.tensors, tensorVector, 0);
  b.addFieldOffset(SUBGRAPH.inputs, inputs, 0);
  b.addFieldOffset(SUBGRAPH.outputs, outputs, 0);
  b.addFieldOffset(SUBGRAPH.operators, operatorVector, 0);
  return b.endObject();
}

export function buildRawModel(m: RawModel): Uint8Array {
  const b = new flatbuffers.Builder(1024);
  const buffers = m.buffers.map((buf) => {
    const data = buf.data === undefined ? 0 : b.createByteVector(buf.data);
    b.startObject(BUFFER.fields);
    b.addFieldOffset(BUFFER.data, data, 0);
    if (buf.offset !== undefined) b.addFieldInt64(BUFFER.offset, buf.offset, -1n);
    if (buf.size !== undefined) b.addFieldInt64(BUFFER.size, buf.size, -1n);
    return b.endObject();
  });
  const codes = m.opcodes.map((c) => {
    const custom = c.custom === undefined ? 0 : b.createString(c.custom);
    b.startObject(OPERATOR_CODE.fields);
    b.addFieldInt8(OPERATOR_CODE.deprecatedBuiltinCode, c.deprecated, -1);
    b.addFieldOffset(OPERATOR_CODE.customCode, custom, 0);
    if (c.builtin !== undefined) b.addFieldInt32(OPERATOR_CODE.builtinCode, c.builtin, -1);
    return b.endObject();
  });
  const subgraphs = tables(
    b,
    m.subgraphs.map((s) => subgraph(b, s)),
  );
  const bufferVector = tables(b, buffers);
  const codeVector = tables(b, codes);
  b.startObject(MODEL.fields);
  b.addFieldInt32(MODEL.version, m.version ?? SCHEMA_VERSION, -1);
  b.addFieldOffset(MODEL.operatorCodes, codeVector, 0);
  b.addFieldOffset(MODEL.subgraphs, subgraphs, 0);
  b.addFieldOffset(MODEL.buffers, bufferVector, 0);
  b.finish(b.endObject(), FILE_IDENTIFIER);
  return b.asUint8Array().slice();
}

/**
 * A model whose buffer `index` stores `data` after the flatbuffer (Buffer.offset/size, as converters do for
 * models over 2 GB). The offset is a fixed-width field, so building twice settles it.
 */
export function withTrailingData(model: (offset: bigint) => RawModel, data: Uint8Array): Uint8Array {
  const length = buildRawModel(model(1n << 40n)).length;
  const start = Math.ceil(length / 16) * 16;
  const head = buildRawModel(model(BigInt(start)));
  const file = new Uint8Array(start + data.length);
  file.set(head);
  file.set(data, start);
  return file;
}
