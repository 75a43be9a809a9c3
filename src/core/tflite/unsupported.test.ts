import type * as flatbuffers from 'flatbuffers';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors';
import { readTflite } from './reader';
import { FULLY_CONNECTED_OPTIONS, OPCODE, OPERATOR_CODE, OPTIONS_TYPE, TENSOR_TYPE } from './schema';
import { operatorCodeTable, optionsTable, requiredField } from './testUtils/flatPatch';
import { buildRawModel, withTrailingData, type RawModel, type RawOperator } from './testUtils/rawModel';
import { sharedModelBytes } from './testUtils/sharedModels';

function readError(bytes: Uint8Array): FormatError {
  try {
    readTflite(bytes, 'patched.tflite');
  } catch (e) {
    if (e instanceof FormatError) return e;
    throw e;
  }
  throw new Error('expected readTflite to throw');
}

const floatBytes = (values: number[]) => new Uint8Array(Float32Array.from(values).buffer);

/** input [1,2] · weights [1,2] → output [1,1], weights in buffer 1. */
function fcModel(
  overrides: Partial<RawOperator> = {},
  buffer: RawModel['buffers'][number] = { data: floatBytes([0.5, -2]) },
): RawModel {
  const f = TENSOR_TYPE.FLOAT32;
  const subgraph = {
    tensors: [
      { shape: [1, 2], type: f, buffer: 0, name: 'input' },
      { shape: [1, 2], type: f, buffer: 1, name: 'weights' },
      { shape: [1, 1], type: f, buffer: 0, name: 'output' },
    ],
    operators: [{ opcode: 0, inputs: [0, 1], outputs: [2], ...overrides }],
    inputs: [0],
    outputs: [2],
  };
  return {
    opcodes: [{ deprecated: OPCODE.FULLY_CONNECTED, builtin: OPCODE.FULLY_CONNECTED }],
    subgraphs: [subgraph],
    buffers: [{}, buffer],
  };
}

function fcOptions(field: number, value: number) {
  return (b: flatbuffers.Builder) => {
    b.startObject(FULLY_CONNECTED_OPTIONS.fields);
    b.addFieldInt8(field, value, -1);
    return { type: OPTIONS_TYPE.FullyConnectedOptions, table: b.endObject() };
  };
}

describe('unsupported operators', () => {
  it('names the op found in the deprecated byte (kws sets only that field)', () => {
    const bytes = sharedModelBytes('kws_ref_model');
    bytes[requiredField(bytes, operatorCodeTable(bytes, 5), OPERATOR_CODE.deprecatedBuiltinCode)] = 28;
    const error = readError(bytes);
    expect(error.code).toBe('tflite-unsupported-op');
    expect(error.message).toBe(
      'patched.tflite: operator 12 uses TANH (code 28), which the studio cannot run; supported: ADD, ' +
        'AVERAGE_POOL_2D, CONV_2D, DEPTHWISE_CONV_2D, DEQUANTIZE, FULLY_CONNECTED, MAX_POOL_2D, MEAN, QUANTIZE, ' +
        'RESHAPE, SOFTMAX',
    );
  });

  it('takes the larger of the two code fields, so codes above 127 are found', () => {
    const bytes = sharedModelBytes('hello_world_int8');
    const code = operatorCodeTable(bytes, 0);
    bytes[requiredField(bytes, code, OPERATOR_CODE.deprecatedBuiltinCode)] = 127;
    new DataView(bytes.buffer).setInt32(requiredField(bytes, code, OPERATOR_CODE.builtinCode), 150, true);
    expect(readError(bytes).message).toContain('operator 0 uses GELU (code 150)');
  });

  it('names custom operators', () => {
    const model = fcModel();
    model.opcodes = [{ deprecated: 32, custom: 'MyFancyOp' }];
    const error = readError(buildRawModel(model));
    expect(error.code).toBe('tflite-unsupported-op');
    expect(error.message).toContain('operator 0 uses the custom operator "MyFancyOp" (code 32)');
  });
});

describe('unsupported options', () => {
  it('refuses fused activations other than NONE, RELU, RELU_N1_TO_1 and RELU6', () => {
    const bytes = sharedModelBytes('hello_world_int8');
    bytes[requiredField(bytes, optionsTable(bytes, 0), FULLY_CONNECTED_OPTIONS.activation)] = 4;
    const error = readError(bytes);
    expect(error.code).toBe('tflite-unsupported-activation');
    expect(error.message).toContain('operator 0 (FULLY_CONNECTED) fuses a TANH activation');
  });

  it('refuses FULLY_CONNECTED with keep_num_dims or shuffled weights', () => {
    const keep = readError(
      buildRawModel(fcModel({ options: fcOptions(FULLY_CONNECTED_OPTIONS.keepNumDims, 1) })),
    );
    expect(keep.code).toBe('tflite-unsupported-option');
    expect(keep.message).toContain('keep_num_dims');
    const shuffled = readError(
      buildRawModel(fcModel({ options: fcOptions(FULLY_CONNECTED_OPTIONS.weightsFormat, 1) })),
    );
    expect(shuffled.code).toBe('tflite-unsupported-option');
  });

  it('accepts explicit defaults for those options', () => {
    const graph = readTflite(
      buildRawModel(fcModel({ options: fcOptions(FULLY_CONNECTED_OPTIONS.keepNumDims, 0) })),
    );
    expect(graph.ops).toEqual([
      { kind: 'FULLY_CONNECTED', inputs: [0, 1], outputs: [2], activation: 'NONE' },
    ]);
  });
});

describe('file structure', () => {
  it('refuses models with several subgraphs', () => {
    const model = fcModel();
    model.subgraphs.push(model.subgraphs[0]);
    expect(readError(buildRawModel(model)).code).toBe('tflite-multiple-subgraphs');
  });

  it('reads constant data stored after the flatbuffer (Buffer.offset / size)', () => {
    const data = floatBytes([0.25, -3]);
    const bytes = withTrailingData((offset) => fcModel({}, { offset, size: 8n }), data);
    expect(readTflite(bytes).tensors[1].data).toEqual(Float32Array.from([0.25, -3]));
  });

  it('refuses Buffer.offset / size ranges outside the file', () => {
    const bytes = withTrailingData((offset) => fcModel({}, { offset, size: 12n }), floatBytes([0.25, -3]));
    const error = readError(bytes);
    expect(error.code).toBe('tflite-malformed');
    expect(error.message).toMatch(/the data of buffer 1 \(bytes \d+\.\.\d+\) lies outside the file/);
  });

  it('reports operands that do not fit the op, and out-of-range indices, as malformed', () => {
    const cases: [Partial<RawOperator>, string][] = [
      [{ inputs: [0] }, 'operator 0 (FULLY_CONNECTED) has 1 inputs; FULLY_CONNECTED takes 2 to 3'],
      [{ inputs: [0, 1, -1, 1] }, 'takes 2 to 3'],
      [{ inputs: [-1, 1] }, 'refers to a missing tensor -1'],
      [{ outputs: [7] }, 'writes to a missing tensor 7'],
      [{ outputs: [1] }, 'writes to a constant tensor'],
      [{ opcode: 3 }, 'operator 0 refers to operator code 3, but the file has 1'],
    ];
    for (const [override, message] of cases) {
      const error = readError(buildRawModel(fcModel(override)));
      expect(error.code).toBe('tflite-malformed');
      expect(error.message).toContain(message);
    }
  });

  it('reports options of the wrong union type as malformed', () => {
    const options = (b: flatbuffers.Builder) => {
      b.startObject(1);
      return { type: OPTIONS_TYPE.Conv2DOptions, table: b.endObject() };
    };
    expect(readError(buildRawModel(fcModel({ options }))).message).toContain(
      'operator 0 (FULLY_CONNECTED) carries options of union type 1, expected 8',
    );
  });
});
