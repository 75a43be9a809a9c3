/** FULLY_CONNECTED and SOFTMAX: the ops over rows of the last dimension. */
import { elementCount, type FullyConnectedOp, type SoftmaxOp } from '../../ir/graph';
import { quantizedActivationRange } from '../../interp/activationRange';
import { quantizeMultiplier } from '../../interp/quantizeMultiplier';
import { cFloat, cInt } from '../c/cLiterals';
import { type Field, floatRangeField, type LayerCode, type LayerContext } from './layerContext';
import { requantizeGroup } from './lowerWindowed';

/** Integer bits of TFLite's scaled softmax differences (kScaledDiffIntegerBits). */
const SCALED_DIFF_INTEGER_BITS = 5;

/**
 * TFLite Micro's FULLY_CONNECTED multipliers, as the interpreter computes them: per tensor, input·weights
 * scale in float32 (GetQuantizedConvolutionMultipler); per channel, in double.
 */
function fullyConnectedMultipliers(layer: LayerContext, input: number, weights: number, output: number) {
  const inQ = layer.quant(input);
  const outQ = layer.quant(output);
  const weightScales = layer.scales(weights);
  const real =
    weightScales.length === 1
      ? [Math.fround(inQ.scale * weightScales[0]) / outQ.scale]
      : weightScales.map((s) => (inQ.scale * s) / outQ.scale);
  const quantized = real.map(quantizeMultiplier);
  return {
    multipliers: Int32Array.from(quantized, (q) => q.multiplier),
    shifts: Int32Array.from(quantized, (q) => q.shift),
    inQ,
    outQ,
  };
}

export function lowerFullyConnected(layer: LayerContext): LayerCode {
  const op = layer.op as FullyConnectedOp;
  const [input, weights, bias] = [layer.input(0), layer.input(1), layer.optionalInput(2)];
  const output = layer.output();
  const [outputDepth, accumDepth] = layer.tensor(weights).shape;
  const batches = elementCount(layer.tensor(output).shape) / outputDepth;
  const weightsName = layer.constant(weights, 'weights');
  const biasName = layer.constant(bias, 'bias');
  const shape: Field[] = [
    { value: cInt(batches), comment: 'batches' },
    { value: cInt(outputDepth), comment: 'output depth' },
    { value: cInt(accumDepth), comment: 'input depth' },
  ];
  const int8 = layer.tensor(input).dtype === 'int8';
  if (int8) {
    const q = fullyConnectedMultipliers(layer, input, weights, output);
    const { min, max } = quantizedActivationRange(op.activation, q.outQ.scale, q.outQ.zeroPoint);
    const what = q.multipliers.length === 1 ? 'per tensor' : 'per output channel';
    const m = layer.int32Array('multiplier', q.multipliers, `Q0.31 output multiplier, ${what}`);
    const s = layer.int32Array('shift', q.shifts, `its power-of-two exponent, ${what}`);
    shape.push(
      requantizeGroup(q.inQ.zeroPoint, q.outQ.zeroPoint, min, max, op.activation, q.multipliers.length, m, s),
    );
  } else {
    shape.push(floatRangeField(op.activation));
  }
  const suffix = int8 ? 'int8' : 'f32';
  layer.params(`tml_fully_connected_${suffix}_t`, shape);
  return {
    comment: [
      layer.describe('input', input),
      layer.describe('weights', weights),
      layer.describe('bias', bias),
      layer.describe('output', output),
      `activation ${op.activation}`,
    ],
    call: layer.call(`tml_fully_connected_${suffix}`, [
      layer.ref(input),
      weightsName,
      biasName,
      layer.ref(output),
    ]),
  };
}

export function lowerSoftmax(layer: LayerContext): LayerCode {
  const op = layer.op as SoftmaxOp;
  const input = layer.input(0);
  const output = layer.output();
  const shape = layer.tensor(input).shape;
  const depth = shape[shape.length - 1];
  const rows = elementCount(shape) / depth;
  const beta = Math.fround(op.beta);
  const fields: Field[] = [
    { value: cInt(rows), comment: 'rows' },
    { value: cInt(depth), comment: 'depth (classes)' },
  ];
  const int8 = layer.tensor(input).dtype === 'int8';
  if (int8) {
    // PreprocessSoftmaxScaling and CalculateInputRadius, as the interpreter's prepareSoftmax.
    const inQ = layer.quant(input);
    const real = Math.min(beta * inQ.scale * (1 << (31 - SCALED_DIFF_INTEGER_BITS)), 2147483647);
    const { multiplier, shift } = quantizeMultiplier(real);
    const diffMin = -Math.floor(
      ((1 << SCALED_DIFF_INTEGER_BITS) - 1) * 2 ** (31 - SCALED_DIFF_INTEGER_BITS) * 2 ** -shift,
    );
    fields.push(
      { value: cInt(multiplier), comment: 'input beta multiplier (Q5.26 of beta * input scale)' },
      { value: cInt(shift), comment: 'input beta left shift' },
      { value: cInt(diffMin), comment: 'diff min: smaller differences give exp ~ 0' },
    );
  } else {
    fields.push({ value: cFloat(beta), comment: 'beta' });
  }
  const suffix = int8 ? 'int8' : 'f32';
  layer.params(`tml_softmax_${suffix}_t`, fields);
  return {
    comment: [
      layer.describe('input', input),
      layer.describe('output', output),
      `beta ${cFloat(beta).slice(0, -1)}`,
    ],
    call: layer.call(`tml_softmax_${suffix}`, [layer.ref(input), layer.ref(output)]),
  };
}
