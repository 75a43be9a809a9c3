/**
 * The arena needs of TensorFlow Lite Micro's CMSIS-NN kernels (tensorflow/lite/micro/kernels/cmsis_nn/*.cc,
 * TFLM 90b983c with CMSIS-NN 4ab83cc, the version TFLM pins), built with arm-none-eabi-gcc, for a core with the
 * DSP extension (Cortex-M4, M7, M33 with DSP: ARM_MATH_DSP) or without it (M0+, M3, M23). The scratch sizes are
 * CMSIS-NN's *_get_buffer_size functions for those two builds; Helium (MVE, M55/M85) is not modelled.
 */
import { computeLeadingPadding, computeOutSize } from '../interp/padding';
import type { Conv2DOp, DepthwiseConv2DOp, Graph, Op } from '../ir/graph';
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
import { SHARED_KERNELS } from './arenaReferenceKernels';

const INT16_BYTES = 2;

/** The leading padding TFLM hands CMSIS-NN (padding.h ComputePaddingHeightWidth), rows then columns. */
function leadingPadding(graph: Graph, op: Conv2DOp | DepthwiseConv2DOp): { h: number; w: number } {
  const [, inH, inW] = inputTensor(graph, op, 0).shape;
  const [, fH, fW] = inputTensor(graph, op, 1).shape;
  const pad = (size: number, filter: number, stride: number, dilation: number) =>
    computeLeadingPadding(
      stride,
      dilation,
      size,
      filter,
      computeOutSize(op.padding, size, filter, stride, dilation),
    );
  return { h: pad(inH, fH, op.strideH, op.dilationH), w: pad(inW, fW, op.strideW, op.dilationW) };
}

const isInt8 = (graph: Graph, op: Op) => inputTensor(graph, op, 0).dtype === 'int8';

/**
 * arm_convolve_wrapper_s8_get_buffer_size: a 1×1 unpadded, undilated conv over all input channels runs
 * arm_convolve_1x1_s8(_fast), which under GCC needs no buffer (armclang's fast path would take 4 × channels);
 * every other shape (1×N included) takes two im2col columns of int16: 2 × align4(kH·kW·Cin) × 2 bytes.
 */
function convScratch(graph: Graph, op: Op): number[] {
  if (!isInt8(graph, op)) return [];
  const conv = op as Conv2DOp;
  const inC = inputTensor(graph, op, 0).shape[3];
  const [, fH, fW, fC] = inputTensor(graph, op, 1).shape;
  const pad = leadingPadding(graph, conv);
  const is1x1 =
    pad.h === 0 &&
    pad.w === 0 &&
    fH === 1 &&
    fW === 1 &&
    conv.dilationH === 1 &&
    conv.dilationW === 1 &&
    inC === fC;
  if (is1x1) return [];
  const columns = Math.ceil((fH * fW * inC) / 4) * 4;
  return [2 * columns * INT16_BYTES];
}

/**
 * arm_depthwise_conv_wrapper_s8_get_buffer_size: only a depth multiplier of 1, batch 1 and no dilation run the
 * optimised kernel; 3×3 with padding ≤ 1 takes the dedicated 3×3 one (no buffer), other sizes
 * arm_depthwise_conv_s8_opt, whose buffer (Cin·kH·kW int16) exists only with the DSP extension.
 */
function depthwiseScratch(dsp: boolean) {
  return (graph: Graph, op: Op): number[] => {
    if (!isInt8(graph, op) || !dsp) return [];
    const dw = op as DepthwiseConv2DOp;
    const [batch, , , inC] = inputTensor(graph, op, 0).shape;
    const [, fH, fW] = inputTensor(graph, op, 1).shape;
    const outC = outputTensor(graph, op).shape[3];
    if (inC !== outC || batch !== 1 || dw.dilationH !== 1 || dw.dilationW !== 1) return [];
    const pad = leadingPadding(graph, dw);
    if (fH === 3 && fW === 3 && pad.h <= 1 && pad.w <= 1) return [];
    return [inC * fH * fW * INT16_BYTES];
  };
}

/**
 * cmsis_nn/fully_connected.cc Prepare: an FC with a rank > 2 output and a depth divisible by 4 runs as a 1×1
 * conv and, with per-tensor weights, asks for per-channel multiplier + shift copies (output depth × 2 int32);
 * its conv buffer and arm_fully_connected_s8's are 0 bytes without Helium under GCC.
 */
function fullyConnectedScratch(graph: Graph, op: Op): number[] {
  if (!isInt8(graph, op)) return [];
  const weights = inputTensor(graph, op, 1);
  const output = outputTensor(graph, op).shape;
  const depth = weights.shape[weights.shape.length - 1];
  const perChannel = (weights.quant?.scale.length ?? 0) > 1;
  if (output.length <= 2 || depth % 4 !== 0 || perChannel) return [];
  return [output[output.length - 1] * INT32_BYTES * 2];
}

/** arm_avgpool_s8_get_buffer_size: one int32 sum per channel with the DSP extension, none without. */
function averagePoolScratch(dsp: boolean) {
  return (graph: Graph, op: Op): number[] =>
    dsp && isInt8(graph, op) ? [inputTensor(graph, op, 0).shape[3] * INT32_BYTES] : [];
}

/** cmsis_nn/conv.cc and depthwise_conv.cc allocate the per-channel arrays for quantised input only. */
function int8PerChannelArrays(filterChannelDim: number) {
  return (graph: Graph, op: Op): number[] =>
    isInt8(graph, op) ? perChannelArrays(inputTensor(graph, op, 1).shape[filterChannelDim]) : [];
}

function cmsisNnKernels(dsp: boolean): Record<Op['kind'], KernelNeedsOf> {
  return {
    ...SHARED_KERNELS,
    CONV_2D: needs('TfLiteConvParams', 'CmsisNnConvOpData', int8PerChannelArrays(0), convScratch),
    DEPTHWISE_CONV_2D: needs(
      'TfLiteDepthwiseConvParams',
      'CmsisNnConvOpData',
      int8PerChannelArrays(3),
      depthwiseScratch(dsp),
    ),
    FULLY_CONNECTED: needs(
      'TfLiteFullyConnectedParams',
      'CmsisNnFullyConnectedOpData',
      fullyConnectedArrays,
      fullyConnectedScratch,
    ),
    MAX_POOL_2D: needs('TfLitePoolParams', 'CmsisNnPoolingOpData'),
    AVERAGE_POOL_2D: needs('TfLitePoolParams', 'CmsisNnPoolingOpData', undefined, averagePoolScratch(dsp)),
    SOFTMAX: needs('TfLiteSoftmaxParams', 'CmsisNnSoftmaxParams'),
    ADD: needs('TfLiteAddParams', 'CmsisNnAddOpData'),
  };
}

const WITH_DSP = cmsisNnKernels(true);
const WITHOUT_DSP = cmsisNnKernels(false);

export function cmsisNnKernelNeeds(graph: Graph, op: Op, opIndex: number, dsp: boolean): KernelArenaNeeds {
  const kernel = (dsp ? WITH_DSP : WITHOUT_DSP)[op.kind] as KernelNeedsOf | undefined;
  return kernel === undefined ? unknownKernel(op, opIndex) : kernel(graph, op);
}
