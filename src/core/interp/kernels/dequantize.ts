import type { Kernel, OpContext } from '../opContext';

/** DEQUANTIZE int8 → float32: TFLite reference_ops::Dequantize, scale · (q − zero point) in double, then float32. */
export function prepareDequantize(ctx: OpContext): Kernel {
  ctx.expectInputCount(1, 1);
  const input = ctx.input(0, 'input');
  const output = ctx.output();
  if (ctx.tensor(input).shape.join() !== ctx.tensor(output).shape.join()) {
    ctx.shapeMismatch('the output shape must equal the input shape.');
  }
  ctx.expectDtype(input, 'input', 'int8');
  ctx.expectDtype(output, 'output', 'float32');
  const { scale, zeroPoint } = ctx.quant(input, 'input');
  const x = ctx.buffers[input] as Int8Array;
  const y = ctx.allocateOutput() as Float32Array;
  return () => {
    for (let i = 0; i < x.length; i++) y[i] = scale * (x[i] - zeroPoint);
  };
}
