import { elementCount, type SoftmaxOp } from '../../ir/graph';
import {
  multiplyByQuantizedMultiplierGreaterThanOne,
  roundingDivideByPot,
  saturatingRoundingDoublingHighMul,
} from '../fixedPoint';
import { expOnNegativeValues, reciprocalScale } from '../fixedPointExp';
import type { Kernel, OpContext } from '../opContext';
import { quantizeMultiplier } from '../quantizeMultiplier';

/** Integer bits of the rescaled input differences (TFLite's kScaledDiffIntegerBits). */
const SCALED_DIFF_INTEGER_BITS = 5;
/** Integer bits of the running sum of exponentials (kAccumulationIntegerBits). */
const ACCUMULATION_INTEGER_BITS = 12;
/** With more classes the Q12.19 sum of exponentials can reach 2^9 and TFLite's final shift exceeds 31. */
const MAX_INT8_DEPTH = 511;

/**
 * SOFTMAX over the last dimension: TFLite reference_ops::Softmax, float and the int8 fixed-point variant
 * with TFLite Micro's CalculateSoftmaxParams (output scale exactly 1/256, zero point −128).
 */
export function prepareSoftmax(ctx: OpContext): Kernel {
  const op = ctx.op as SoftmaxOp;
  ctx.expectInputCount(1, 1);
  const input = ctx.input(0, 'input');
  const output = ctx.output();
  const shape = ctx.tensor(input).shape;
  if (shape.length < 1) ctx.shapeMismatch('the input must have at least one dimension.');
  if (shape.join() !== ctx.tensor(output).shape.join()) {
    ctx.shapeMismatch('the output shape must equal the input shape.');
  }
  const depth = shape[shape.length - 1];
  if (depth > MAX_INT8_DEPTH && ctx.tensor(input).dtype === 'int8') {
    ctx.fail(
      'interp-unsupported',
      `an int8 softmax over more than ${MAX_INT8_DEPTH} classes overflows TFLite's sum.`,
    );
  }
  const rows = depth === 0 ? 0 : elementCount(shape) / depth;
  const beta = Math.fround(op.beta);
  if (!Number.isFinite(beta) || beta <= 0) {
    ctx.fail('interp-invalid-graph', 'beta must be a positive number.');
  }

  if (ctx.tensor(input).dtype === 'float32') {
    ctx.expectDtype(output, 'output', 'float32');
    const x = ctx.buffers[input] as Float32Array;
    const y = ctx.allocateOutput() as Float32Array;
    return () => softmaxFloat(x, y, rows, depth, beta);
  }

  ctx.expectDtype(input, 'input', 'int8');
  ctx.expectDtype(output, 'output', 'int8');
  const inQ = ctx.quant(input, 'input');
  const outQ = ctx.quant(output, 'output');
  if (outQ.zeroPoint !== -128 || outQ.scale !== 1 / 256) {
    ctx.fail('interp-bad-quantization', 'an int8 softmax output must have scale 1/256 and zero point −128.');
  }
  // PreprocessSoftmaxScaling: beta·scale as a Q5.26 multiplier, capped at 2^31 − 1.
  const realMultiplier = Math.min(beta * inQ.scale * (1 << (31 - SCALED_DIFF_INTEGER_BITS)), 2147483647);
  if (!(realMultiplier > 1)) {
    ctx.fail('interp-bad-quantization', 'the input scale × beta is too small for TFLite’s int8 softmax.');
  }
  const { multiplier, shift } = quantizeMultiplier(realMultiplier);
  // CalculateInputRadius: differences below −radius give exp ≈ 0 and are skipped.
  const diffMin = -Math.floor(
    ((1 << SCALED_DIFF_INTEGER_BITS) - 1) * 2 ** (31 - SCALED_DIFF_INTEGER_BITS) * 2 ** -shift,
  );
  const x = ctx.buffers[input] as Int8Array;
  const y = ctx.allocateOutput() as Int8Array;
  return () => softmaxInt8(x, y, rows, depth, multiplier, shift, diffMin);
}

function softmaxFloat(x: Float32Array, y: Float32Array, rows: number, depth: number, beta: number): void {
  const fround = Math.fround;
  for (let row = 0; row < rows; row++) {
    const base = row * depth;
    let max = -3.4028234663852886e38;
    for (let c = 0; c < depth; c++) if (x[base + c] > max) max = x[base + c];
    let sum = 0;
    for (let c = 0; c < depth; c++) {
      const e = fround(Math.exp(fround(fround(x[base + c] - max) * beta)));
      y[base + c] = e;
      sum = fround(sum + e);
    }
    for (let c = 0; c < depth; c++) y[base + c] = fround(y[base + c] / sum);
  }
}

function softmaxInt8(
  x: Int8Array,
  y: Int8Array,
  rows: number,
  depth: number,
  multiplier: number,
  shift: number,
  diffMin: number,
): void {
  for (let row = 0; row < rows; row++) {
    const base = row * depth;
    let max = -128;
    for (let c = 0; c < depth; c++) if (x[base + c] > max) max = x[base + c];

    let sumOfExps = 0;
    for (let c = 0; c < depth; c++) {
      const diff = x[base + c] - max;
      if (diff >= diffMin) {
        const scaled = multiplyByQuantizedMultiplierGreaterThanOne(diff, multiplier, shift);
        // Rescale<12> of an F0 value: divide by 2^12 with rounding.
        const term = roundingDivideByPot(
          expOnNegativeValues(scaled, SCALED_DIFF_INTEGER_BITS),
          ACCUMULATION_INTEGER_BITS,
        );
        sumOfExps = (sumOfExps + term) | 0;
      }
    }

    const scale = reciprocalScale(sumOfExps);
    const exponent = ACCUMULATION_INTEGER_BITS - Math.clz32(sumOfExps) + 31 - 8;
    for (let c = 0; c < depth; c++) {
      const diff = x[base + c] - max;
      if (diff >= diffMin) {
        const scaled = multiplyByQuantizedMultiplierGreaterThanOne(diff, multiplier, shift);
        const expValue = expOnNegativeValues(scaled, SCALED_DIFF_INTEGER_BITS);
        const unsaturated = roundingDivideByPot(saturatingRoundingDoublingHighMul(scale, expValue), exponent);
        const shifted = unsaturated - 128;
        y[base + c] = shifted > 127 ? 127 : shifted < -128 ? -128 : shifted;
      } else {
        y[base + c] = -128;
      }
    }
  }
}
