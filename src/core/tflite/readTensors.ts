import type { DType, QuantParams, Tensor, TensorData } from '../ir/graph';
import { malformed, tensorLabel, tfliteError } from './errors';
import type { FlatReader, TableRef } from './flatReader';
import { MAX_RANK, MAX_TENSOR_ELEMENTS } from './graphProblems';
import { BUFFER, QUANTIZATION, TENSOR, TENSOR_TYPE, TENSOR_TYPE_NAMES } from './schema';

const DTYPES = new Map<number, DType>([
  [TENSOR_TYPE.FLOAT32, 'float32'],
  [TENSOR_TYPE.INT32, 'int32'],
  [TENSOR_TYPE.INT8, 'int8'],
]);
const ELEMENT_BYTES: Record<DType, number> = { float32: 4, int32: 4, int8: 1 };

/** The bytes of a buffer: its inline `data`, or the `offset`/`size` range after the flatbuffer (valid when offset > 1). */
export function bufferBytes(r: FlatReader, buffer: TableRef, what: string): Uint8Array {
  const inline = r.vector(buffer, BUFFER.data, 1, `the data of ${what}`);
  if (inline !== null && inline.length > 0) return r.bytesOf(inline);
  const offset = r.uint64(buffer, BUFFER.offset, `the data offset of ${what}`);
  if (offset <= 1n) return new Uint8Array(0);
  const size = r.uint64(buffer, BUFFER.size, `the data size of ${what}`);
  if (offset + size > BigInt(r.size)) {
    throw r.fail(`the data of ${what} (bytes ${offset}..${offset + size}) lies outside the file`);
  }
  r.charge(Number(size), `the data of ${what}`);
  return r.bytes.subarray(Number(offset), Number(offset + size));
}

/** A fresh, aligned copy of little-endian constant data, after checking it matches the shape exactly. */
function decodeData(
  r: FlatReader,
  dtype: DType,
  shape: number[],
  bytes: Uint8Array,
  what: string,
): TensorData {
  let count = 1;
  for (const d of shape) {
    if (d < 0) throw r.fail(`${what} has the negative dimension ${d}`);
    count *= d;
    if (count > MAX_TENSOR_ELEMENTS) throw r.fail(`${what} has more than ${MAX_TENSOR_ELEMENTS} elements`);
  }
  if (count * ELEMENT_BYTES[dtype] !== bytes.length) {
    throw r.fail(`${what} has shape [${shape.join(', ')}] but ${bytes.length} bytes of ${dtype} data`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (dtype) {
    case 'int8':
      return Int8Array.from({ length: count }, (_, i) => view.getInt8(i));
    case 'int32':
      return Int32Array.from({ length: count }, (_, i) => view.getInt32(4 * i, true));
    case 'float32':
      return Float32Array.from({ length: count }, (_, i) => view.getFloat32(4 * i, true));
  }
}

function readQuant(r: FlatReader, tensor: TableRef, what: string, fileName: string): QuantParams | undefined {
  const q = r.subTable(tensor, TENSOR.quantization, `the quantisation of ${what}`);
  if (q === null) return undefined;
  if (r.uint8(q, QUANTIZATION.detailsType, 0, `the quantisation of ${what}`) !== 0) {
    throw tfliteError('tflite-unsupported-feature', fileName, `${what} uses custom quantisation`);
  }
  const scale = r.float32Vector(q, QUANTIZATION.scale, `the scales of ${what}`) ?? [];
  const zeroPoint = r.int64Vector(q, QUANTIZATION.zeroPoint, `the zero points of ${what}`) ?? [];
  // As TFLite's own interpreter: without both scales and zero points the tensor is not quantised.
  if (scale.length === 0 || zeroPoint.length === 0) return undefined;
  if (zeroPoint.some((z) => z < -0x80000000n || z > 0x7fffffffn)) {
    throw r.fail(`${what} has a zero point outside the int32 range`);
  }
  return {
    scale,
    zeroPoint: zeroPoint.map(Number),
    quantizedDimension: r.int32(q, QUANTIZATION.quantizedDimension, 0, `the quantised dimension of ${what}`),
  };
}

export function readTensor(
  r: FlatReader,
  t: TableRef,
  index: number,
  buffers: TableRef[],
  fileName: string,
): Tensor {
  const name = r.string(t, TENSOR.name, `the name of tensor ${index}`) ?? '';
  const what = tensorLabel(index, name);
  const shape = r.int32Vector(t, TENSOR.shape, `the shape of ${what}`) ?? [];
  if (shape.length > MAX_RANK) throw r.fail(`${what} has ${shape.length} dimensions`);
  const typeCode = r.int8(t, TENSOR.type, TENSOR_TYPE.FLOAT32, `the type of ${what}`);
  const dtype = DTYPES.get(typeCode);
  if (dtype === undefined) {
    const typeName = TENSOR_TYPE_NAMES[typeCode] ?? `type ${typeCode}`;
    throw tfliteError(
      'tflite-unsupported-type',
      fileName,
      `${what} holds ${typeName} values; the studio runs FLOAT32, INT8 and INT32 tensors only`,
    );
  }
  if (r.bool(t, TENSOR.isVariable, `the variable flag of ${what}`)) {
    throw tfliteError('tflite-unsupported-feature', fileName, `${what} is a variable (stateful) tensor`);
  }
  if (r.subTable(t, TENSOR.sparsity, `the sparsity of ${what}`) !== null) {
    throw tfliteError('tflite-unsupported-feature', fileName, `${what} is stored as a sparse tensor`);
  }
  const quant = readQuant(r, t, what, fileName);
  const bufferIndex = r.uint32(t, TENSOR.buffer, 0, `the buffer index of ${what}`);
  if (bufferIndex >= buffers.length) {
    throw malformed(fileName, `${what} refers to buffer ${bufferIndex}, but the file has ${buffers.length}`);
  }
  const bytes = bufferBytes(r, buffers[bufferIndex], `buffer ${bufferIndex}`);
  const tensor: Tensor = { name, shape, dtype };
  if (bytes.length > 0) tensor.data = decodeData(r, dtype, shape, bytes, what);
  if (quant !== undefined) tensor.quant = quant;
  return tensor;
}
