/**
 * The model IR shared by training export, quantisation, the TFLite writer and reader, the interpreter and
 * (later) code generation. It mirrors a TFLite subgraph: tensors referenced by index, ops in execution order,
 * NHWC activations and TFLite's weight layouts (DESIGN.md §6), so a graph maps one-to-one onto a `.tflite`.
 */

export type DType = 'float32' | 'int8' | 'int32';

export type TensorData = Float32Array | Int8Array | Int32Array;

/** Affine quantisation: real = scale · (q − zeroPoint); per channel along `quantizedDimension` when the arrays have more than one entry. */
export interface QuantParams {
  scale: number[];
  zeroPoint: number[];
  quantizedDimension: number;
}

export interface Tensor {
  name: string;
  /** Including the batch dimension (1) for activations. */
  shape: number[];
  dtype: DType;
  /** Constant data (weights, biases, shape/axis operands); absent for activations. */
  data?: TensorData;
  quant?: QuantParams;
}

export type Activation = 'NONE' | 'RELU' | 'RELU6' | 'RELU_N1_TO_1';
export type Padding = 'SAME' | 'VALID';

/** Inputs and outputs are tensor indices; −1 marks an omitted optional input (e.g. no bias). */
interface OpBase {
  inputs: number[];
  outputs: number[];
}

/** inputs: [input, weights [out, in], bias?] */
export interface FullyConnectedOp extends OpBase {
  kind: 'FULLY_CONNECTED';
  activation: Activation;
}

/** inputs: [input NHWC, filter [O,H,W,I], bias?]; a conv1d is a 1×K conv over [1,1,T,C]. */
export interface Conv2DOp extends OpBase {
  kind: 'CONV_2D';
  padding: Padding;
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
  activation: Activation;
}

/** inputs: [input NHWC, filter [1,H,W,O], bias?] */
export interface DepthwiseConv2DOp extends OpBase {
  kind: 'DEPTHWISE_CONV_2D';
  padding: Padding;
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
  depthMultiplier: number;
  activation: Activation;
}

export interface Pool2DOp extends OpBase {
  kind: 'MAX_POOL_2D' | 'AVERAGE_POOL_2D';
  padding: Padding;
  strideH: number;
  strideW: number;
  filterH: number;
  filterW: number;
  activation: Activation;
}

/** inputs: [input, shape?]; `newShape` is the output shape (the output tensor's shape is authoritative). */
export interface ReshapeOp extends OpBase {
  kind: 'RESHAPE';
  newShape: number[];
}

export interface SoftmaxOp extends OpBase {
  kind: 'SOFTMAX';
  beta: number;
}

export interface QuantizeOp extends OpBase {
  kind: 'QUANTIZE';
}

export interface DequantizeOp extends OpBase {
  kind: 'DEQUANTIZE';
}

/** Element-wise, with broadcasting as TFLite's reference ADD. Only for models read from outside. */
export interface AddOp extends OpBase {
  kind: 'ADD';
  activation: Activation;
}

/** inputs: [input, axes (int32 constant)]. Only for models read from outside. */
export interface MeanOp extends OpBase {
  kind: 'MEAN';
  keepDims: boolean;
}

export type Op =
  | FullyConnectedOp
  | Conv2DOp
  | DepthwiseConv2DOp
  | Pool2DOp
  | ReshapeOp
  | SoftmaxOp
  | QuantizeOp
  | DequantizeOp
  | AddOp
  | MeanOp;

export type OpKind = Op['kind'];

/**
 * Per-feature standardisation the model's input expects: feature j enters as (x_j − mean_j) / std_j, computed in
 * float32 before any input quantisation. Training fits it on the training windows so features of very different
 * scales (gyroscope deg/s next to accelerations in g) train alike; it travels with the model: in the `.tflite`
 * metadata (`STANDARDIZATION_METADATA`), in the runners and, later, in the generated code.
 */
export interface InputStandardization {
  mean: Float32Array;
  /** Never 0: a feature constant in training has std 1 (it is only shifted). */
  std: Float32Array;
}

export interface Graph {
  tensors: Tensor[];
  ops: Op[];
  inputs: number[];
  outputs: number[];
  /** Free text stored in the model's description field. */
  description?: string;
  /** Applied to the input features before they enter input tensor 0 (absent: features enter as they are). */
  standardization?: InputStandardization;
}

export const OMITTED = -1;

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function isConstant(t: Tensor): boolean {
  return t.data !== undefined;
}
