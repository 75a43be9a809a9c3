/**
 * The arena needs of TensorFlow Lite Micro's reference kernels (tensorflow/lite/micro/kernels/*.cc, TFLM 90b983c,
 * the build without OPTIMIZED_KERNEL_DIR): the build of ../shared/testdata/tflite/tflm_arena.json. Of the op
 * kinds of the IR only MEAN requests scratch here.
 */
import { elementCount, type Graph, type Op } from '../ir/graph';
import {
  fullyConnectedArrays,
  INT32_BYTES,
  inputTensor,
  type KernelArenaNeeds,
  type KernelNeedsOf,
  needs,
  outputTensor,
  perChannelArrays,
  unknownKernel,
} from './arenaKernels';

/**
 * reduce_common.cc PrepareMeanOrSumHelper: an int32 accumulator per output element for quantised input, then
 * the iteration index (one int per input dimension) and the resolved axes (one int per axis).
 */
export function meanScratch(graph: Graph, op: Op): number[] {
  const input = inputTensor(graph, op, 0);
  const axes = elementCount(inputTensor(graph, op, 1).shape);
  const accumulator =
    input.dtype === 'float32' ? [] : [elementCount(outputTensor(graph, op).shape) * INT32_BYTES];
  return [...accumulator, input.shape.length * INT32_BYTES, axes * INT32_BYTES];
}

/** The kernels both builds share: CMSIS-NN has no kernel of its own for these. */
export const SHARED_KERNELS = {
  // reshape.cc registers no Init.
  RESHAPE: needs('TfLiteReshapeParams', null),
  // ParseQuantize and ParseDequantize allocate no options.
  QUANTIZE: needs(null, 'OpDataQuantizeReference'),
  DEQUANTIZE: needs(null, 'DequantizeOpData'),
  MEAN: needs('TfLiteReducerParams', 'OpDataReduce', undefined, meanScratch),
} satisfies Partial<Record<Op['kind'], KernelNeedsOf>>;

const REFERENCE_KERNELS: Record<Op['kind'], KernelNeedsOf> = {
  ...SHARED_KERNELS,
  // conv.cc ConvInit / ConvPrepare: per-channel arrays for every input type, sized by filter dim 0.
  CONV_2D: needs('TfLiteConvParams', 'OpDataConv', (g, op) =>
    perChannelArrays(inputTensor(g, op, 1).shape[0]),
  ),
  // depthwise_conv.cc: OpDataConv as well; channels are filter dim 3.
  DEPTHWISE_CONV_2D: needs('TfLiteDepthwiseConvParams', 'OpDataConv', (g, op) =>
    perChannelArrays(inputTensor(g, op, 1).shape[3]),
  ),
  FULLY_CONNECTED: needs('TfLiteFullyConnectedParams', 'OpDataFullyConnected', fullyConnectedArrays),
  MAX_POOL_2D: needs('TfLitePoolParams', 'OpDataPooling'),
  AVERAGE_POOL_2D: needs('TfLitePoolParams', 'OpDataPooling'),
  // softmax_common.cc: lookup tables only for int16, which the IR does not have.
  SOFTMAX: needs('TfLiteSoftmaxParams', 'SoftmaxParams'),
  ADD: needs('TfLiteAddParams', 'OpDataAdd'),
};

export function referenceKernelNeeds(graph: Graph, op: Op, opIndex: number): KernelArenaNeeds {
  const kernel = REFERENCE_KERNELS[op.kind] as KernelNeedsOf | undefined;
  return kernel === undefined ? unknownKernel(op, opIndex) : kernel(graph, op);
}
