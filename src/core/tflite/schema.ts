/**
 * The subset of TFLite's flatbuffer schema (tensorflow/lite/schema/schema.fbs, schema version 3) that the reader
 * and writer use: enum values and field slots. A slot is the field's declaration index in its table; a union
 * takes two slots (its type, then its value). The vtable entry of slot s sits at byte 4 + 2·s of the vtable.
 */

export const FILE_IDENTIFIER = 'TFL3';
export const SCHEMA_VERSION = 3;

/** BuiltinOperator codes of the ops the studio runs. */
export const OPCODE = {
  ADD: 0,
  AVERAGE_POOL_2D: 1,
  CONV_2D: 3,
  DEPTHWISE_CONV_2D: 4,
  DEQUANTIZE: 6,
  FULLY_CONNECTED: 9,
  MAX_POOL_2D: 17,
  RESHAPE: 22,
  SOFTMAX: 25,
  MEAN: 40,
  QUANTIZE: 114,
} as const;

/** `deprecated_builtin_code` is a byte: codes above this are stored only in `builtin_code`. */
export const PLACEHOLDER_FOR_GREATER_OP_CODES = 127;
export const CUSTOM_OPCODE = 32;

export const TENSOR_TYPE = { FLOAT32: 0, INT32: 2, INT8: 9 } as const;

/** TensorType names by value, for messages about types the studio does not run. */
export const TENSOR_TYPE_NAMES = [
  'FLOAT32',
  'FLOAT16',
  'INT32',
  'UINT8',
  'INT64',
  'STRING',
  'BOOL',
  'INT16',
  'COMPLEX64',
  'INT8',
  'FLOAT64',
  'COMPLEX128',
  'UINT64',
  'RESOURCE',
  'VARIANT',
  'UINT32',
  'UINT16',
  'INT4',
];

/** BuiltinOptions union members. */
export const OPTIONS_TYPE = {
  NONE: 0,
  Conv2DOptions: 1,
  DepthwiseConv2DOptions: 2,
  Pool2DOptions: 5,
  FullyConnectedOptions: 8,
  SoftmaxOptions: 9,
  AddOptions: 11,
  ReshapeOptions: 17,
  ReducerOptions: 27,
} as const;

export const ACTIVATION_CODE = { NONE: 0, RELU: 1, RELU_N1_TO_1: 2, RELU6: 3 } as const;
export const ACTIVATION_NAMES = ['NONE', 'RELU', 'RELU_N1_TO_1', 'RELU6', 'TANH', 'SIGN_BIT'];
export const PADDING_CODE = { SAME: 0, VALID: 1 } as const;
export const FC_WEIGHTS_FORMAT_DEFAULT = 0;

export const MODEL = {
  version: 0,
  operatorCodes: 1,
  subgraphs: 2,
  description: 3,
  buffers: 4,
  metadata: 6,
  fields: 8,
};
/** A named entry of `Model.metadata` whose bytes are in `Model.buffers[buffer]`. */
export const METADATA = { name: 0, buffer: 1, fields: 2 };
export const SUBGRAPH = { tensors: 0, inputs: 1, outputs: 2, operators: 3, name: 4, fields: 5 };
export const TENSOR = {
  shape: 0,
  type: 1,
  buffer: 2,
  name: 3,
  quantization: 4,
  isVariable: 5,
  sparsity: 6,
  fields: 10,
};
export const QUANTIZATION = { scale: 2, zeroPoint: 3, detailsType: 4, quantizedDimension: 6, fields: 7 };
export const BUFFER = { data: 0, offset: 1, size: 2, fields: 3 };
export const OPERATOR_CODE = {
  deprecatedBuiltinCode: 0,
  customCode: 1,
  version: 2,
  builtinCode: 3,
  fields: 4,
};
export const OPERATOR = { opcodeIndex: 0, inputs: 1, outputs: 2, optionsType: 3, options: 4, fields: 5 };

export const CONV_2D_OPTIONS = {
  padding: 0,
  strideW: 1,
  strideH: 2,
  activation: 3,
  dilationW: 4,
  dilationH: 5,
  fields: 6,
};
export const DEPTHWISE_CONV_2D_OPTIONS = {
  padding: 0,
  strideW: 1,
  strideH: 2,
  depthMultiplier: 3,
  activation: 4,
  dilationW: 5,
  dilationH: 6,
  fields: 7,
};
export const POOL_2D_OPTIONS = {
  padding: 0,
  strideW: 1,
  strideH: 2,
  filterW: 3,
  filterH: 4,
  activation: 5,
  fields: 6,
};
export const FULLY_CONNECTED_OPTIONS = { activation: 0, weightsFormat: 1, keepNumDims: 2, fields: 3 };
export const SOFTMAX_OPTIONS = { beta: 0, fields: 1 };
export const ADD_OPTIONS = { activation: 0, fields: 1 };
export const RESHAPE_OPTIONS = { newShape: 0, fields: 1 };
export const REDUCER_OPTIONS = { keepDims: 0, fields: 1 };
