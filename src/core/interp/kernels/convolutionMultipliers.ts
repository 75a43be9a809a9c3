import { OMITTED } from '../../ir/graph';
import type { OpContext, TensorQuant } from '../opContext';
import { quantizeMultiplier } from '../quantizeMultiplier';

export interface ConvolutionQuantization {
  multipliers: Int32Array;
  shifts: Int32Array;
  inputOffset: number;
  outputOffset: number;
  outQ: TensorQuant;
}

/**
 * Checks the int8 dtypes of a conv-like op and computes its per-output-channel multipliers as TFLite's
 * PopulateConvolutionQuantizationParams does: input·filter/output scale in double for every channel (a
 * per-tensor filter scale is repeated), then QuantizeMultiplier.
 */
export function convolutionMultipliers(
  ctx: OpContext,
  input: number,
  filter: number,
  bias: number,
  channels: number,
  quantizedDimension: number,
): ConvolutionQuantization {
  const output = ctx.output();
  ctx.expectDtype(input, 'input', 'int8');
  ctx.expectDtype(filter, 'filter', 'int8');
  if (bias !== OMITTED) ctx.expectDtype(bias, 'bias', 'int32');
  ctx.expectDtype(output, 'output', 'int8');
  const inQ = ctx.quant(input, 'input');
  const outQ = ctx.quant(output, 'output');
  const filterScales = ctx.channelScales(filter, 'filter', channels, quantizedDimension);
  ctx.expectSymmetric(filter, 'filter');

  const multipliers = new Int32Array(channels);
  const shifts = new Int32Array(channels);
  for (let c = 0; c < channels; c++) {
    const filterScale = filterScales.length === 1 ? filterScales[0] : filterScales[c];
    const { multiplier, shift } = quantizeMultiplier((inQ.scale * filterScale) / outQ.scale);
    multipliers[c] = multiplier;
    shifts[c] = shift;
  }
  return { multipliers, shifts, inputOffset: -inQ.zeroPoint, outputOffset: outQ.zeroPoint, outQ };
}
