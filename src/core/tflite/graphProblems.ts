import { elementCount, OMITTED, type Graph, type Op, type OpKind, type Tensor } from '../ir/graph';
import { tensorLabel } from './errors';

/**
 * Structural checks of an IR graph, shared by the reader (a failure means a damaged file) and the writer (a
 * graph it cannot encode). They cover what a consumer must be able to rely on without re-checking: indices in
 * range, operand counts, enum values, positive integer parameters, consistent quantisation and constant data,
 * and the ranks and channel counts each op needs. Kernel-level type rules are left to the interpreter.
 */

/** TFLite kernels handle at most 6 dimensions (RESHAPE up to 8); more is a damaged shape. */
export const MAX_RANK = 8;
/** 2^26 elements (256 MB as float32) is far beyond any microcontroller model; larger means a damaged shape. */
export const MAX_TENSOR_ELEMENTS = 1 << 26;
const INT32_MAX = 0x7fffffff;

/** Inputs each op takes: `required` must be present, up to `optional` more may follow (each may be OMITTED). */
const OPERANDS: Record<OpKind, { required: number; optional: number }> = {
  FULLY_CONNECTED: { required: 2, optional: 1 },
  CONV_2D: { required: 2, optional: 1 },
  DEPTHWISE_CONV_2D: { required: 2, optional: 1 },
  MAX_POOL_2D: { required: 1, optional: 0 },
  AVERAGE_POOL_2D: { required: 1, optional: 0 },
  RESHAPE: { required: 1, optional: 1 },
  SOFTMAX: { required: 1, optional: 0 },
  QUANTIZE: { required: 1, optional: 0 },
  DEQUANTIZE: { required: 1, optional: 0 },
  ADD: { required: 2, optional: 0 },
  MEAN: { required: 2, optional: 0 },
};

const DTYPE_ARRAYS = { float32: Float32Array, int8: Int8Array, int32: Int32Array } as const;
const ACTIVATIONS = new Set(['NONE', 'RELU', 'RELU6', 'RELU_N1_TO_1']);
const PADDINGS = new Set(['SAME', 'VALID']);

const isDimension = (n: number) => Number.isInteger(n) && n >= 0 && n <= INT32_MAX;
const isPositiveInt32 = (n: number) => Number.isInteger(n) && n >= 1 && n <= INT32_MAX;
const isInt32 = (n: number) => Number.isInteger(n) && n >= -INT32_MAX - 1 && n <= INT32_MAX;

function quantProblem(t: Tensor): string | null {
  const q = t.quant;
  if (q === undefined) return null;
  if (q.scale.length === 0 || q.scale.length !== q.zeroPoint.length) {
    return `has ${q.scale.length} quantisation scales but ${q.zeroPoint.length} zero points`;
  }
  if (!q.scale.every(Number.isFinite)) return 'has a quantisation scale that is not a finite number';
  if (!q.zeroPoint.every(isInt32)) return 'has a zero point outside the int32 range';
  const rank = t.shape.length;
  if (
    !Number.isInteger(q.quantizedDimension) ||
    q.quantizedDimension < 0 ||
    q.quantizedDimension >= Math.max(1, rank)
  ) {
    return `is quantised along dimension ${q.quantizedDimension}, which its shape does not have`;
  }
  if (q.scale.length > 1 && q.scale.length !== t.shape[q.quantizedDimension]) {
    return `has ${q.scale.length} per-channel scales for ${t.shape[q.quantizedDimension]} channels`;
  }
  return null;
}

function tensorProblem(t: Tensor): string | null {
  if (!(t.dtype in DTYPE_ARRAYS)) return `has the unknown type "${String(t.dtype)}"`;
  if (t.shape.length > MAX_RANK) return `has ${t.shape.length} dimensions; at most ${MAX_RANK} are possible`;
  if (!t.shape.every(isDimension)) return `has the invalid shape [${t.shape.join(', ')}]`;
  const count = elementCount(t.shape);
  if (count > MAX_TENSOR_ELEMENTS) {
    return `has ${count} elements, more than the ${MAX_TENSOR_ELEMENTS} supported`;
  }
  if (t.data !== undefined) {
    if (count === 0) return 'is a constant without elements';
    if (!(t.data instanceof DTYPE_ARRAYS[t.dtype])) {
      return `holds ${t.data.constructor.name} data but has type ${t.dtype}`;
    }
    if (t.data.length !== count) return `holds ${t.data.length} values for shape [${t.shape.join(', ')}]`;
  }
  return quantProblem(t);
}

/** Operand counts and indices; run before anything reads an op's tensors. */
export function operandProblem(
  op: Pick<Op, 'kind' | 'inputs' | 'outputs'>,
  tensorCount: number,
): string | null {
  const { required, optional } = OPERANDS[op.kind];
  if (op.inputs.length < required || op.inputs.length > required + optional) {
    const expected = optional === 0 ? `${required}` : `${required} to ${required + optional}`;
    return `has ${op.inputs.length} inputs; ${op.kind} takes ${expected}`;
  }
  if (op.outputs.length !== 1) return `has ${op.outputs.length} outputs; ${op.kind} has 1`;
  for (const [i, index] of op.inputs.entries()) {
    if (index === OMITTED && i >= required) continue;
    if (!Number.isInteger(index) || index < 0 || index >= tensorCount) {
      return `refers to a missing tensor ${index}`;
    }
  }
  const out = op.outputs[0];
  if (!Number.isInteger(out) || out < 0 || out >= tensorCount) return `writes to a missing tensor ${out}`;
  return null;
}

function parameterProblem(op: Op): string | null {
  const positive: [string, number][] = [];
  switch (op.kind) {
    case 'CONV_2D':
      positive.push(
        ['strideH', op.strideH],
        ['strideW', op.strideW],
        ['dilationH', op.dilationH],
        ['dilationW', op.dilationW],
      );
      break;
    case 'DEPTHWISE_CONV_2D':
      positive.push(
        ['strideH', op.strideH],
        ['strideW', op.strideW],
        ['dilationH', op.dilationH],
        ['dilationW', op.dilationW],
        ['depthMultiplier', op.depthMultiplier],
      );
      break;
    case 'MAX_POOL_2D':
    case 'AVERAGE_POOL_2D':
      positive.push(
        ['strideH', op.strideH],
        ['strideW', op.strideW],
        ['filterH', op.filterH],
        ['filterW', op.filterW],
      );
      break;
    case 'RESHAPE':
      if (!op.newShape.every(isDimension) || op.newShape.length > MAX_RANK) return 'has an invalid new shape';
      break;
    case 'SOFTMAX':
      if (!Number.isFinite(op.beta)) return 'has a beta that is not a finite number';
      break;
    case 'MEAN':
      if (typeof op.keepDims !== 'boolean') return 'has a keepDims that is not true or false';
      break;
  }
  for (const [name, value] of positive) {
    if (!isPositiveInt32(value)) return `has ${name} ${value}; it must be a positive whole number`;
  }
  if ('activation' in op && !ACTIVATIONS.has(op.activation)) {
    return `has the unknown activation "${op.activation}"`;
  }
  if ('padding' in op && !PADDINGS.has(op.padding)) return `has the unknown padding "${op.padding}"`;
  return null;
}

function shapeProblem(op: Op, tensors: Tensor[]): string | null {
  const shape = (i: number) => tensors[op.inputs[i]].shape;
  const out = tensors[op.outputs[0]].shape;
  const bias = op.inputs.length > 2 && op.inputs[2] !== OMITTED ? shape(2) : null;
  const biasFits = (channels: number) => bias === null || (bias.length === 1 && bias[0] === channels);
  switch (op.kind) {
    case 'CONV_2D':
    case 'DEPTHWISE_CONV_2D': {
      const filter = shape(1);
      if (shape(0).length !== 4 || filter.length !== 4 || out.length !== 4) {
        return 'needs 4-dimensional input, filter and output';
      }
      const channels = op.kind === 'CONV_2D' ? filter[0] : filter[3];
      if (op.kind === 'DEPTHWISE_CONV_2D') {
        if (filter[0] !== 1) return 'needs a filter shaped [1, H, W, channels]';
        if (shape(0)[3] * op.depthMultiplier !== filter[3]) {
          return 'needs input channels × depth multiplier filter channels';
        }
      } else if (filter[3] === 0 || shape(0)[3] % filter[3] !== 0) {
        return 'needs input channels that are a multiple of the filter channels';
      }
      if (out[3] !== channels || !biasFits(channels)) {
        return `needs ${channels} output channels and bias entries`;
      }
      return null;
    }
    case 'MAX_POOL_2D':
    case 'AVERAGE_POOL_2D':
      if (shape(0).length !== 4 || out.length !== 4 || out[3] !== shape(0)[3]) {
        return 'needs 4-dimensional input and output with the same channels';
      }
      return null;
    case 'FULLY_CONNECTED': {
      const weights = shape(1);
      if (weights.length !== 2 || weights[1] === 0) return 'needs weights shaped [outputs, inputs]';
      if (elementCount(shape(0)) % weights[1] !== 0) {
        return `has an input that does not split into rows of ${weights[1]}`;
      }
      if (out[out.length - 1] !== weights[0] || !biasFits(weights[0])) {
        return `needs ${weights[0]} output units and bias entries`;
      }
      return null;
    }
    case 'RESHAPE':
    case 'SOFTMAX':
    case 'QUANTIZE':
    case 'DEQUANTIZE':
      if (elementCount(shape(0)) !== elementCount(out)) return 'changes the number of elements';
      if (op.kind === 'RESHAPE' && op.inputs.length > 1 && op.inputs[1] !== OMITTED) {
        const shapeTensor = tensors[op.inputs[1]];
        if (shapeTensor.dtype !== 'int32' || shapeTensor.shape.length !== 1) {
          return 'needs a 1-D int32 shape operand';
        }
      }
      return null;
    case 'MEAN': {
      const axes = tensors[op.inputs[1]];
      if (axes.dtype !== 'int32' || axes.data === undefined) {
        return 'needs its axes as a constant int32 tensor';
      }
      return null;
    }
    case 'ADD':
      return null;
  }
}

function opProblem(op: Op, tensors: Tensor[]): string | null {
  if (!(op.kind in OPERANDS)) return `has the unknown kind "${String(op.kind)}"`;
  const problem = operandProblem(op, tensors.length) ?? parameterProblem(op);
  if (problem !== null) return problem;
  if (tensors[op.outputs[0]].data !== undefined) return 'writes to a constant tensor';
  return shapeProblem(op, tensors);
}

/** The first structural problem of `graph`, phrased to follow "tensor N" / "operator N (KIND)", or null. */
export function findGraphProblem(graph: Graph): string | null {
  for (const [i, t] of graph.tensors.entries()) {
    const problem = tensorProblem(t);
    if (problem !== null) return `${tensorLabel(i, t.name)} ${problem}`;
  }
  for (const [i, op] of graph.ops.entries()) {
    const problem = opProblem(op, graph.tensors);
    if (problem !== null) return `operator ${i} (${String(op.kind)}) ${problem}`;
  }
  for (const [role, list] of [
    ['input', graph.inputs],
    ['output', graph.outputs],
  ] as const) {
    const bad = list.find((index) => !Number.isInteger(index) || index < 0 || index >= graph.tensors.length);
    if (bad !== undefined) return `the model ${role} refers to a missing tensor ${bad}`;
  }
  return standardizationProblem(graph);
}

function standardizationProblem(graph: Graph): string | null {
  const s = graph.standardization;
  if (s === undefined) return null;
  const input = graph.tensors[graph.inputs[0]] as Tensor | undefined;
  const features = input === undefined ? 0 : elementCount(input.shape);
  if (s.mean.length !== features || s.std.length !== features) {
    return `has an input standardisation of ${s.mean.length} features for an input of ${features}`;
  }
  if (!s.std.every((v) => v > 0 && Number.isFinite(v)) || !s.mean.every(Number.isFinite)) {
    return 'has an input standardisation with a non-finite mean or a standard deviation that is not positive';
  }
  return null;
}
