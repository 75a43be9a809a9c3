import { elementCount, type FullyConnectedOp, OMITTED } from '../../ir/graph';
import { floatActivationRange, quantizedActivationRange } from '../activationRange';
import { multiplyByQuantizedMultiplier } from '../fixedPoint';
import type { Kernel, OpContext } from '../opContext';
import { dotRowsFloat32, dotRowsInt8, prepareInt8Rows } from './dotRows';
import { quantizeMultiplier } from '../quantizeMultiplier';
import { prepareInt8GemmSimd } from './simd/int8GemmSimd';
import { engineCanRequantize } from './simd/int8Requantization';

/**
 * FULLY_CONNECTED: TFLite reference_ops::FullyConnected (float) and reference_integer_ops::FullyConnected /
 * FullyConnectedPerChannel (int8), with TFLite Micro's CalculateOpDataFullyConnected multipliers. Each
 * batch row (input − zero point for int8) is copied into a patch for dotRows. int8 runs on the WebAssembly
 * SIMD engine when there is one (simd/int8GemmSimd.ts); the int8 code here is the reference path.
 */
export function prepareFullyConnected(ctx: OpContext): Kernel {
  const op = ctx.op as FullyConnectedOp;
  ctx.expectInputCount(2, 3);
  const input = ctx.input(0, 'input');
  const weights = ctx.input(1, 'weights');
  const bias = ctx.optionalInput(2);
  const output = ctx.output();

  const weightsShape = ctx.tensor(weights).shape;
  const outputShape = ctx.tensor(output).shape;
  if (weightsShape.length !== 2) {
    ctx.shapeMismatch(`the weights (${ctx.describe(weights)}) must be 2-D [out, in].`);
  }
  const [outputDepth, accumDepth] = weightsShape;
  if (outputShape.length === 0 || outputShape[outputShape.length - 1] !== outputDepth) {
    ctx.shapeMismatch(`the output's last dimension must be ${outputDepth} (the weights' row count).`);
  }
  const batches = elementCount(outputShape) / outputDepth;
  if (elementCount(ctx.tensor(input).shape) !== batches * accumDepth) {
    ctx.shapeMismatch(
      `the input has ${elementCount(ctx.tensor(input).shape)} values; expected ${batches}×${accumDepth}.`,
    );
  }
  if (bias !== OMITTED && elementCount(ctx.tensor(bias).shape) !== outputDepth) {
    ctx.shapeMismatch(`the bias must have ${outputDepth} values.`);
  }

  const shape = { batches, outputDepth, accumDepth };
  if (ctx.tensor(input).dtype === 'float32') return prepareFloat(ctx, op, input, weights, bias, shape);
  return prepareInt8(ctx, op, input, weights, bias, shape);
}

interface FcShape {
  batches: number;
  outputDepth: number;
  accumDepth: number;
}

function prepareFloat(
  ctx: OpContext,
  op: FullyConnectedOp,
  input: number,
  weights: number,
  bias: number,
  { batches, outputDepth, accumDepth }: FcShape,
): Kernel {
  ctx.expectDtype(weights, 'weights', 'float32');
  if (bias !== OMITTED) ctx.expectDtype(bias, 'bias', 'float32');
  ctx.expectDtype(ctx.output(), 'output', 'float32');
  const x = ctx.buffers[input] as Float32Array;
  const w = ctx.expectConstant(weights, 'weights') as Float32Array;
  const b = bias === OMITTED ? null : (ctx.buffers[bias] as Float32Array);
  const y = ctx.allocateOutput() as Float32Array;
  const { min, max } = floatActivationRange(op.activation);
  const patch = new Float64Array(accumDepth);
  const sums = new Float64Array(outputDepth);

  return () => {
    for (let batch = 0; batch < batches; batch++) {
      for (let d = 0; d < accumDepth; d++) patch[d] = x[batch * accumDepth + d];
      dotRowsFloat32(w, patch, accumDepth, 0, outputDepth, sums);
      for (let outC = 0; outC < outputDepth; outC++) {
        const v = Math.fround(sums[outC] + (b === null ? 0 : b[outC]));
        y[batch * outputDepth + outC] = v < min ? min : v > max ? max : v;
      }
    }
  };
}

function prepareInt8(
  ctx: OpContext,
  op: FullyConnectedOp,
  input: number,
  weights: number,
  bias: number,
  { batches, outputDepth, accumDepth }: FcShape,
): Kernel {
  const output = ctx.output();
  ctx.expectDtype(input, 'input', 'int8');
  ctx.expectDtype(weights, 'weights', 'int8');
  if (bias !== OMITTED) ctx.expectDtype(bias, 'bias', 'int32');
  ctx.expectDtype(output, 'output', 'int8');
  const inQ = ctx.quant(input, 'input');
  const outQ = ctx.quant(output, 'output');
  const weightScales = ctx.channelScales(weights, 'weights', outputDepth, 0);
  ctx.expectSymmetric(weights, 'weights');

  const multipliers = new Int32Array(outputDepth);
  const shifts = new Int32Array(outputDepth);
  if (weightScales.length === 1) {
    // GetQuantizedConvolutionMultipler: input·filter scale is multiplied in float32, then widened.
    const productScale = Math.fround(inQ.scale * weightScales[0]);
    if (bias !== OMITTED) checkBiasScale(ctx, bias, inQ.scale * weightScales[0], outQ.scale);
    const { multiplier, shift } = quantizeMultiplier(productScale / outQ.scale);
    multipliers.fill(multiplier);
    shifts.fill(shift);
  } else {
    for (let c = 0; c < outputDepth; c++) {
      const { multiplier, shift } = quantizeMultiplier((inQ.scale * weightScales[c]) / outQ.scale);
      multipliers[c] = multiplier;
      shifts[c] = shift;
    }
  }
  const { min, max } = quantizedActivationRange(op.activation, outQ.scale, outQ.zeroPoint);

  const x = ctx.buffers[input] as Int8Array;
  const w = ctx.expectConstant(weights, 'weights') as Int8Array;
  const b = bias === OMITTED ? null : (ctx.buffers[bias] as Int32Array);
  const y = ctx.allocateOutput() as Int8Array;
  const inputOffset = -inQ.zeroPoint;
  const outputOffset = outQ.zeroPoint;
  const requantization = { multipliers, shifts, outputOffset, min, max };
  if (ctx.int8Engine !== null && engineCanRequantize(requantization)) {
    return prepareInt8GemmSimd(ctx.int8Engine, {
      x,
      y,
      pixels: batches,
      length: accumDepth,
      outputDepth,
      weights: w,
      bias: b,
      inputOffset,
      requantization,
      patches: { kind: 'rows' },
    });
  }
  const rows = prepareInt8Rows(w, outputDepth, accumDepth, 1);

  const patch = new Float64Array(accumDepth);
  const sums = new Float64Array(outputDepth);

  return () => {
    for (let batch = 0; batch < batches; batch++) {
      for (let d = 0; d < accumDepth; d++) patch[d] = x[batch * accumDepth + d] + inputOffset;
      dotRowsInt8(rows, 0, patch, sums);
      for (let outC = 0; outC < outputDepth; outC++) {
        const acc = (sums[outC] + (b === null ? 0 : b[outC])) | 0;
        let v = multiplyByQuantizedMultiplier(acc, multipliers[outC], shifts[outC]) + outputOffset;
        v = v < min ? min : v > max ? max : v;
        y[batch * outputDepth + outC] = v;
      }
    }
  };
}

/** GetQuantizedConvolutionMultipler's check that the bias scale is input·weights scale (within 2% of output). */
function checkBiasScale(ctx: OpContext, bias: number, productScale: number, outputScale: number): void {
  const quant = ctx.tensor(bias).quant;
  if (quant === undefined || quant.scale.length === 0) return;
  if (Math.abs(productScale - Math.fround(quant.scale[0])) / outputScale > 0.02) {
    ctx.fail(
      'interp-bad-quantization',
      `the bias (${ctx.describe(bias)}) scale is not input scale × weights scale.`,
    );
  }
}
