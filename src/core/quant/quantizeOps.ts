import { StudioError } from '../errors';
import { type Activation, OMITTED, type Op, type Tensor } from '../ir/graph';
import { asymmetricParams, SOFTMAX_OUTPUT_PARAMS, tightenForActivation } from './activationParams';
import type { AffineParams, ValueRange } from './ranges';
import { channelHalfRanges, quantizeBias, quantizeSymmetric, widenForBias } from './weights';

/** What quantising one op reads and writes: the rewritten tensors and the int8 params chosen so far. */
export interface QuantizationState {
  /** Copies of the float graph's tensors, replaced one by one by their int8/int32 versions. */
  readonly tensors: Tensor[];
  /** Params of every activation quantised so far (graph inputs first, then each op's output). */
  readonly activations: Map<number, AffineParams>;
  /** Constants already quantised for an op; a second use would need different params. */
  readonly usedConstants: Set<number>;
  calibratedRange(tensorIndex: number): ValueRange;
}

/** TFLite's per-channel axis: the output channel of CONV_2D filters [O,H,W,I] and DEPTHWISE [1,H,W,O]. */
const CHANNEL_DIMENSION = { FULLY_CONNECTED: undefined, CONV_2D: 0, DEPTHWISE_CONV_2D: 3 } as const;

/** Quantises one op's constants and chooses its output's params (TFLite int8 spec, DESIGN.md §6). */
export function quantizeOp(state: QuantizationState, op: Op, opIndex: number): void {
  const input = activationInput(state, op, opIndex);
  const output = op.outputs[0];
  switch (op.kind) {
    case 'FULLY_CONNECTED':
    case 'CONV_2D':
    case 'DEPTHWISE_CONV_2D':
      quantizeWeightsAndBias(state, op, opIndex, input, CHANNEL_DIMENSION[op.kind]);
      return setActivation(state, output, calibratedParams(state, output, op.activation));
    case 'MAX_POOL_2D':
    case 'AVERAGE_POOL_2D':
    case 'RESHAPE':
      return setActivation(state, output, input);
    case 'SOFTMAX':
      return setActivation(state, output, SOFTMAX_OUTPUT_PARAMS);
    default:
      throw new StudioError(
        'quant-unsupported-op',
        `Op ${opIndex} (${op.kind}) cannot be quantised; the quantiser handles FULLY_CONNECTED, CONV_2D, ` +
          'DEPTHWISE_CONV_2D, MAX_POOL_2D, AVERAGE_POOL_2D, RESHAPE and SOFTMAX.',
      );
  }
}

/** An int8 activation tensor with per-tensor params. */
export function setActivation(state: QuantizationState, index: number, params: AffineParams): void {
  const t = state.tensors[index];
  state.tensors[index] = {
    name: t.name,
    shape: t.shape,
    dtype: 'int8',
    quant: { scale: [params.scale], zeroPoint: [params.zeroPoint], quantizedDimension: 0 },
  };
  state.activations.set(index, params);
}

function calibratedParams(state: QuantizationState, index: number, activation: Activation): AffineParams {
  return asymmetricParams(tightenForActivation(state.calibratedRange(index), activation));
}

/**
 * The params of the op's first input, which must be an activation quantised earlier; also checks that the
 * op writes one new activation.
 */
function activationInput(state: QuantizationState, op: Op, opIndex: number): AffineParams {
  const output = op.outputs.length === 1 ? state.tensors[op.outputs[0]] : undefined;
  if (output === undefined || output.data !== undefined || state.activations.has(op.outputs[0])) {
    fail('quant-invalid-graph', opIndex, op, 'it must write exactly one new activation tensor.');
  }
  const index = op.inputs[0];
  const params = state.activations.get(index);
  if (params !== undefined) return params;
  const what =
    state.tensors[index]?.data !== undefined ? 'is a constant' : 'is not computed by an earlier op';
  return fail('quant-invalid-graph', opIndex, op, `its input tensor ${index} ${what}.`);
}

function quantizeWeightsAndBias(
  state: QuantizationState,
  op: Op,
  opIndex: number,
  input: AffineParams,
  dimension: number | undefined,
): void {
  const weightsIndex = op.inputs.length > 1 ? op.inputs[1] : OMITTED;
  const weights = floatConstant(state, op, opIndex, weightsIndex, 'weights', dimension === undefined ? 2 : 4);
  const biasIndex = op.inputs.length > 2 ? op.inputs[2] : OMITTED;
  const bias = biasIndex === OMITTED ? undefined : floatConstant(state, op, opIndex, biasIndex, 'bias', 1);
  let halfRanges = channelHalfRanges(weights.data, weights.shape, dimension);
  const outputChannels = dimension === undefined ? weights.shape[0] : weights.shape[dimension];
  if (bias !== undefined) {
    if (bias.data.length !== outputChannels) {
      fail(
        'quant-invalid-graph',
        opIndex,
        op,
        `its bias has ${bias.data.length} values for ${outputChannels} outputs.`,
      );
    }
    halfRanges = widenForBias(halfRanges, bias.data, input.scale);
  }
  const quantized = quantizeSymmetric(weights.data, weights.shape, dimension, halfRanges);
  state.tensors[weightsIndex] = {
    name: weights.name,
    shape: weights.shape,
    dtype: 'int8',
    data: quantized.data,
    quant: {
      scale: quantized.scales,
      zeroPoint: quantized.scales.map(() => 0),
      quantizedDimension: dimension ?? 0,
    },
  };
  if (bias === undefined) return;
  const quantizedBias = quantizeBias(bias.data, input.scale, quantized.scales);
  state.tensors[biasIndex] = {
    name: bias.name,
    shape: bias.shape,
    dtype: 'int32',
    data: quantizedBias.data,
    quant: {
      scale: quantizedBias.scales,
      zeroPoint: quantizedBias.scales.map(() => 0),
      quantizedDimension: 0,
    },
  };
}

function floatConstant(
  state: QuantizationState,
  op: Op,
  opIndex: number,
  index: number,
  role: string,
  rank: number,
): Tensor & { data: Float32Array } {
  if (state.usedConstants.has(index)) {
    fail('quant-unsupported-graph', opIndex, op, `its ${role} (tensor ${index}) is shared with another op.`);
  }
  const t = state.tensors[index] as Tensor | undefined;
  if (t === undefined || !(t.data instanceof Float32Array)) {
    return fail(
      'quant-invalid-graph',
      opIndex,
      op,
      `its ${role} (tensor ${index}) is not a float32 constant.`,
    );
  }
  if (t.shape.length !== rank) {
    fail(
      'quant-invalid-graph',
      opIndex,
      op,
      `its ${role} "${t.name}" has ${t.shape.length} dimensions; expected ${rank}.`,
    );
  }
  state.usedConstants.add(index);
  return t as Tensor & { data: Float32Array };
}

function fail(code: string, opIndex: number, op: Op, problem: string): never {
  throw new StudioError(code, `Cannot quantise op ${opIndex} (${op.kind}): ${problem}`);
}
