/**
 * The real work of every op of a model IR graph: multiply-accumulates, elements read and written, constant
 * bytes, kernel shape, channel counts and how much of a convolution window falls on padding. The cost model
 * (cost.ts) turns this into cycles; a profile's per-layer table shows it as it is.
 */
import { StudioError } from '../errors';
import {
  elementCount,
  OMITTED,
  type Graph,
  type Op,
  type OpKind,
  type Padding,
  type Tensor,
} from '../ir/graph';
import { computeLeadingPadding } from '../interp/padding';

/** What family of loop an op runs: the cost model prices each family from its own inner loop. */
export type KernelFamily =
  | 'conv'
  | 'depthwise'
  | 'fullyConnected'
  | 'pool'
  | 'softmax'
  | 'add'
  | 'mean'
  | 'reshape'
  | 'quantize'
  | 'dequantize';

export interface OpWork {
  index: number;
  kind: OpKind;
  family: KernelFamily;
  /** int8 for quantised kernels, float32 for float ones (QUANTIZE/DEQUANTIZE: the float side is float32). */
  arithmetic: 'int8' | 'float32';
  inputShape: number[];
  outputShape: number[];
  /** The weights' shape (conv [O,H,W,I], depthwise [1,H,W,O], FC [out,in]); null for ops without weights. */
  weightShape: number[] | null;
  /** Multiply-accumulates over the full kernel window, padding included (the usual published count). */
  macs: number;
  /** The MACs whose input cell lies inside the image: what TFLite's reference kernels actually compute. */
  inBoundsMacs: number;
  /** Share of the window taps that fall on padding, 1 − inBoundsMacs / macs (0 without padding). */
  paddingFraction: number;
  inputElements: number;
  outputElements: number;
  weightElements: number;
  biasElements: number;
  /** Bytes of constant data (weights and biases) the op reads once. */
  constantBytes: number;
  outputChannels: number;
  /** Output positions (outputElements / outputChannels). */
  outputPixels: number;
  kernelH: number;
  kernelW: number;
  /** Input values one window tap reads per output channel: input depth of a group (conv), 1 (depthwise), in (FC). */
  tapDepth: number;
  /** Window cells read by pooling and MEAN (in-bounds taps × channels); 0 for other ops. */
  windowReads: number;
  /** Sum over the input tensors of their element counts that the op reads (activations only). */
  activationReads: number;
}

const BYTES: Record<Tensor['dtype'], number> = { int8: 1, int32: 4, float32: 4 };

function tensorAt(graph: Graph, index: number): Tensor | null {
  return index === OMITTED ? null : graph.tensors[index];
}

function bytesOf(t: Tensor | null): number {
  return t === null ? 0 : elementCount(t.shape) * BYTES[t.dtype];
}

/** In-bounds taps along one axis, summed over the output positions (TFLite's SAME/VALID leading padding). */
export function inBoundsTaps(
  padding: Padding,
  inSize: number,
  outSize: number,
  kernel: number,
  stride: number,
  dilation: number,
): number {
  const lead = padding === 'SAME' ? computeLeadingPadding(stride, dilation, inSize, kernel, outSize) : 0;
  let taps = 0;
  for (let o = 0; o < outSize; o++) {
    const origin = o * stride - lead;
    for (let k = 0; k < kernel; k++) {
      const at = origin + k * dilation;
      if (at >= 0 && at < inSize) taps++;
    }
  }
  return taps;
}

interface Window {
  padding: Padding;
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
}

/** Fraction of (output position × kernel tap) pairs inside the image, for an NHWC input and output. */
function inBoundsShare(window: Window, input: number[], output: number[], kh: number, kw: number): number {
  const rows = inBoundsTaps(window.padding, input[1], output[1], kh, window.strideH, window.dilationH);
  const cols = inBoundsTaps(window.padding, input[2], output[2], kw, window.strideW, window.dilationW);
  return (rows * cols) / (output[1] * output[2] * kh * kw);
}

function familyOf(kind: OpKind): KernelFamily {
  switch (kind) {
    case 'CONV_2D':
      return 'conv';
    case 'DEPTHWISE_CONV_2D':
      return 'depthwise';
    case 'FULLY_CONNECTED':
      return 'fullyConnected';
    case 'MAX_POOL_2D':
    case 'AVERAGE_POOL_2D':
      return 'pool';
    case 'SOFTMAX':
      return 'softmax';
    case 'ADD':
      return 'add';
    case 'MEAN':
      return 'mean';
    case 'RESHAPE':
      return 'reshape';
    case 'QUANTIZE':
      return 'quantize';
    case 'DEQUANTIZE':
      return 'dequantize';
  }
}

function arithmeticOf(op: Op, input: Tensor, output: Tensor): OpWork['arithmetic'] {
  if (op.kind === 'QUANTIZE' || op.kind === 'DEQUANTIZE') return 'float32';
  return input.dtype === 'float32' || output.dtype === 'float32' ? 'float32' : 'int8';
}

function rank4(op: Op, index: number, shape: number[], what: string): void {
  if (shape.length !== 4)
    throw new StudioError(
      'mcu-op-shape',
      `Op ${index} (${op.kind}): the ${what} must be NHWC (4 dimensions), not [${shape.join(', ')}].`,
    );
}

/** The work of op `index` of `graph`. Throws StudioError('mcu-op-shape') for an op whose shapes do not fit it. */
export function opWork(graph: Graph, index: number): OpWork {
  const op = graph.ops[index];
  const input = graph.tensors[op.inputs[0]];
  const output = graph.tensors[op.outputs[0]];
  const weights =
    op.kind === 'CONV_2D' || op.kind === 'DEPTHWISE_CONV_2D' || op.kind === 'FULLY_CONNECTED'
      ? tensorAt(graph, op.inputs[1])
      : null;
  const bias = weights === null ? null : tensorAt(graph, op.inputs[2] ?? OMITTED);
  const outputElements = elementCount(output.shape);
  const activationReads = op.inputs
    .map((i) => tensorAt(graph, i))
    .filter((t): t is Tensor => t !== null && t.data === undefined)
    .reduce((sum, t) => sum + elementCount(t.shape), 0);
  const work: OpWork = {
    index,
    kind: op.kind,
    family: familyOf(op.kind),
    arithmetic: arithmeticOf(op, input, output),
    inputShape: [...input.shape],
    outputShape: [...output.shape],
    weightShape: weights === null ? null : [...weights.shape],
    macs: 0,
    inBoundsMacs: 0,
    paddingFraction: 0,
    inputElements: elementCount(input.shape),
    outputElements,
    weightElements: weights === null ? 0 : elementCount(weights.shape),
    biasElements: bias === null ? 0 : elementCount(bias.shape),
    constantBytes: bytesOf(weights) + bytesOf(bias),
    outputChannels: output.shape[output.shape.length - 1] ?? 1,
    outputPixels: 1,
    kernelH: 1,
    kernelW: 1,
    tapDepth: 0,
    windowReads: 0,
    activationReads,
  };
  work.outputPixels = outputElements / Math.max(1, work.outputChannels);

  if (op.kind === 'CONV_2D' || op.kind === 'DEPTHWISE_CONV_2D') {
    rank4(op, index, input.shape, 'input');
    rank4(op, index, output.shape, 'output');
    const w = weights!.shape;
    const [kh, kw] = [w[1], w[2]];
    const tapDepth = op.kind === 'CONV_2D' ? w[3] : 1;
    const share = inBoundsShare(op, input.shape, output.shape, kh, kw);
    work.kernelH = kh;
    work.kernelW = kw;
    work.tapDepth = tapDepth;
    work.macs = outputElements * kh * kw * tapDepth;
    work.inBoundsMacs = Math.round(work.macs * share);
  } else if (op.kind === 'FULLY_CONNECTED') {
    const depth = weights!.shape[1];
    work.tapDepth = depth;
    work.macs = outputElements * depth;
    work.inBoundsMacs = work.macs;
  } else if (op.kind === 'MAX_POOL_2D' || op.kind === 'AVERAGE_POOL_2D') {
    rank4(op, index, input.shape, 'input');
    rank4(op, index, output.shape, 'output');
    const share = inBoundsShare(
      { ...op, dilationH: 1, dilationW: 1 },
      input.shape,
      output.shape,
      op.filterH,
      op.filterW,
    );
    work.kernelH = op.filterH;
    work.kernelW = op.filterW;
    work.windowReads = Math.round(outputElements * op.filterH * op.filterW * share);
  } else if (op.kind === 'MEAN') {
    work.windowReads = work.inputElements;
  }
  work.paddingFraction = work.macs === 0 ? 0 : 1 - work.inBoundsMacs / work.macs;
  return work;
}

/** The work of every op of `graph`, in execution order. */
export function graphWork(graph: Graph): OpWork[] {
  return graph.ops.map((_, i) => opWork(graph, i));
}

/** Totals over a graph: what a profile's summary line shows. */
export function totalWork(work: readonly OpWork[]): { macs: number; constantBytes: number; ops: number } {
  return {
    macs: work.reduce((s, w) => s + w.macs, 0),
    constantBytes: work.reduce((s, w) => s + w.constantBytes, 0),
    ops: work.length,
  };
}
