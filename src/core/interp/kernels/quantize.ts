import { multiplyByQuantizedMultiplier, roundHalfAwayFromZero } from '../fixedPoint';
import type { Kernel, OpContext } from '../opContext';
import { quantizeMultiplier } from '../quantizeMultiplier';

/**
 * QUANTIZE: float32 → int8 as TFLite reference_ops::AffineQuantize (x / scale in float32, rounded half away
 * from zero, plus the zero point, saturated), and int8 → int8 as reference_ops::Requantize with TFLite Micro's
 * input/output scale multiplier.
 */
export function prepareQuantize(ctx: OpContext): Kernel {
  ctx.expectInputCount(1, 1);
  const input = ctx.input(0, 'input');
  const output = ctx.output();
  if (ctx.tensor(input).shape.join() !== ctx.tensor(output).shape.join()) {
    ctx.shapeMismatch('the output shape must equal the input shape.');
  }
  ctx.expectDtype(output, 'output', 'int8');
  const outQ = ctx.quant(output, 'output');
  const y = ctx.allocateOutput() as Int8Array;
  const count = y.length;

  if (ctx.tensor(input).dtype === 'float32') {
    const x = ctx.buffers[input] as Float32Array;
    const fround = Math.fround;
    return () => {
      for (let i = 0; i < count; i++) {
        const v = roundHalfAwayFromZero(fround(x[i] / outQ.scale)) + outQ.zeroPoint;
        y[i] = v < -128 ? -128 : v > 127 ? 127 : v;
      }
    };
  }

  ctx.expectDtype(input, 'input', 'int8');
  const inQ = ctx.quant(input, 'input');
  const { multiplier, shift } = quantizeMultiplier(inQ.scale / outQ.scale);
  const x = ctx.buffers[input] as Int8Array;
  return () => {
    for (let i = 0; i < count; i++) {
      const v = multiplyByQuantizedMultiplier(x[i] - inQ.zeroPoint, multiplier, shift) + outQ.zeroPoint;
      y[i] = v < -128 ? -128 : v > 127 ? 127 : v;
    }
  };
}
