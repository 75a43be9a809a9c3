import { type Conv2DOp, elementCount, OMITTED } from '../../ir/graph';
import { floatActivationRange, quantizedActivationRange } from '../activationRange';
import { multiplyByQuantizedMultiplier } from '../fixedPoint';
import type { Kernel, OpContext } from '../opContext';
import { convolutionMultipliers } from './convolutionMultipliers';
import { dotRowsFloat32, dotRowsInt8, prepareInt8Rows } from './dotRows';
import { prepareConv2DInt8Simd } from './simd/conv2dInt8Simd';
import { engineCanRequantize } from './simd/int8Requantization';
import { type WindowGeometry, windowGeometry } from './windowGeometry';

/**
 * CONV_2D over NHWC with an [O, H, W, I] filter (grouped when I divides the input depth): TFLite
 * reference_ops::Conv (float) and reference_integer_ops::ConvPerChannel (int8).
 *
 * Each output pixel gathers its receptive field into a patch in the filter's (y, x, channel) order, then
 * takes one inner product per output channel. Cells outside the input are 0 in the patch: TFLite skips
 * them, and for int8 the patch holds input − zero point, so a skipped cell and a zero term are the same;
 * float sums keep TFLite's order (with finite weights a zero term changes at most the sign of a zero).
 * Ungrouped int8 convolutions run on the WebAssembly SIMD engine when there is one (simd/conv2dInt8Simd.ts);
 * the int8 code here is the reference path, with the same results.
 */
export function prepareConv2D(ctx: OpContext): Kernel {
  const op = ctx.op as Conv2DOp;
  ctx.expectInputCount(2, 3);
  const input = ctx.input(0, 'input');
  const filter = ctx.input(1, 'filter');
  const bias = ctx.optionalInput(2);
  const output = ctx.output();
  const [outputDepth, filterHeight, filterWidth, filterInDepth] = ctx.expectRank(filter, 'filter', 4);
  const g = windowGeometry(ctx, input, output, { ...op, filterHeight, filterWidth });
  const inDepth = ctx.tensor(input).shape[3];
  if (ctx.tensor(output).shape[3] !== outputDepth) {
    ctx.shapeMismatch(`the output depth must equal the filter's output channels (${outputDepth}).`);
  }
  const groups = inDepth / filterInDepth;
  if (filterInDepth < 1 || !Number.isInteger(groups) || outputDepth % groups !== 0) {
    ctx.shapeMismatch(
      `the filter's input depth ${filterInDepth} does not divide the input depth ${inDepth} into groups.`,
    );
  }
  if (bias !== OMITTED && elementCount(ctx.tensor(bias).shape) !== outputDepth) {
    ctx.shapeMismatch(`the bias must have ${outputDepth} values.`);
  }
  const dims: ConvDims = { g, inDepth, outputDepth, filterInDepth, groups };
  return ctx.tensor(input).dtype === 'float32'
    ? prepareFloat(ctx, op, input, filter, bias, dims)
    : prepareInt8(ctx, op, input, filter, bias, dims);
}

interface ConvDims {
  g: WindowGeometry;
  inDepth: number;
  outputDepth: number;
  filterInDepth: number;
  groups: number;
}

/**
 * Fills `patch` with the receptive field of output pixel (outY, outX) for one group, in (fy, fx, channel)
 * order: input value + `offset` inside the image, 0 outside.
 */
function gatherPatch(
  x: Int8Array | Float32Array,
  offset: number,
  d: ConvDims,
  batch: number,
  outY: number,
  outX: number,
  group: number,
  patch: Float64Array,
): void {
  const { g, inDepth, filterInDepth } = d;
  const inY0 = outY * g.strideH - g.padTop;
  const inX0 = outX * g.strideW - g.padLeft;
  const channelBase = group * filterInDepth;
  let k = 0;
  for (let fy = 0; fy < g.filterHeight; fy++) {
    const inY = inY0 + g.dilationH * fy;
    const rowInside = inY >= 0 && inY < g.inHeight;
    const rowBase = (batch * g.inHeight + inY) * g.inWidth;
    for (let fx = 0; fx < g.filterWidth; fx++) {
      const inX = inX0 + g.dilationW * fx;
      if (rowInside && inX >= 0 && inX < g.inWidth) {
        const xBase = (rowBase + inX) * inDepth + channelBase;
        for (let c = 0; c < filterInDepth; c++) patch[k++] = x[xBase + c] + offset;
      } else {
        for (let c = 0; c < filterInDepth; c++) patch[k++] = 0;
      }
    }
  }
}

function prepareFloat(
  ctx: OpContext,
  op: Conv2DOp,
  input: number,
  filter: number,
  bias: number,
  d: ConvDims,
): Kernel {
  ctx.expectDtype(filter, 'filter', 'float32');
  if (bias !== OMITTED) ctx.expectDtype(bias, 'bias', 'float32');
  ctx.expectDtype(ctx.output(), 'output', 'float32');
  const x = ctx.buffers[input] as Float32Array;
  const w = ctx.expectConstant(filter, 'filter') as Float32Array;
  const b = bias === OMITTED ? null : (ctx.buffers[bias] as Float32Array);
  const y = ctx.allocateOutput() as Float32Array;
  const { min, max } = floatActivationRange(op.activation);
  const { g, outputDepth, groups } = d;
  const patchLength = g.filterHeight * g.filterWidth * d.filterInDepth;
  const perGroup = outputDepth / groups;
  const patch = new Float64Array(patchLength);
  const sums = new Float64Array(outputDepth);

  return () => {
    let o = 0;
    for (let batch = 0; batch < g.batches; batch++) {
      for (let outY = 0; outY < g.outHeight; outY++) {
        for (let outX = 0; outX < g.outWidth; outX++) {
          for (let group = 0; group < groups; group++) {
            gatherPatch(x, 0, d, batch, outY, outX, group, patch);
            dotRowsFloat32(w, patch, patchLength, group * perGroup, (group + 1) * perGroup, sums);
          }
          for (let c = 0; c < outputDepth; c++) {
            const v = Math.fround(sums[c] + (b === null ? 0 : b[c]));
            y[o++] = v < min ? min : v > max ? max : v;
          }
        }
      }
    }
  };
}

function prepareInt8(
  ctx: OpContext,
  op: Conv2DOp,
  input: number,
  filter: number,
  bias: number,
  d: ConvDims,
): Kernel {
  const { g, outputDepth, groups } = d;
  const { multipliers, shifts, inputOffset, outputOffset, outQ } = convolutionMultipliers(
    ctx,
    input,
    filter,
    bias,
    outputDepth,
    0,
  );
  const { min, max } = quantizedActivationRange(op.activation, outQ.scale, outQ.zeroPoint);
  const x = ctx.buffers[input] as Int8Array;
  const b = bias === OMITTED ? null : (ctx.buffers[bias] as Int32Array);
  const y = ctx.allocateOutput() as Int8Array;
  const weights = ctx.expectConstant(filter, 'filter') as Int8Array;
  const requantization = { multipliers, shifts, outputOffset, min, max };
  if (ctx.int8Engine !== null && groups === 1 && engineCanRequantize(requantization)) {
    return prepareConv2DInt8Simd(ctx.int8Engine, {
      x,
      y,
      filter: weights,
      bias: b,
      g,
      inDepth: d.inDepth,
      outputDepth,
      inputZeroPoint: -inputOffset,
      requantization,
    });
  }
  const patchLength = g.filterHeight * g.filterWidth * d.filterInDepth;
  const rows = prepareInt8Rows(weights, outputDepth, patchLength, groups);
  const patch = new Float64Array(patchLength);
  const sums = new Float64Array(outputDepth);

  return () => {
    let o = 0;
    for (let batch = 0; batch < g.batches; batch++) {
      for (let outY = 0; outY < g.outHeight; outY++) {
        for (let outX = 0; outX < g.outWidth; outX++) {
          for (let group = 0; group < groups; group++) {
            gatherPatch(x, inputOffset, d, batch, outY, outX, group, patch);
            dotRowsInt8(rows, group, patch, sums);
          }
          for (let c = 0; c < outputDepth; c++) {
            const acc = (sums[c] + (b === null ? 0 : b[c])) | 0;
            let v = multiplyByQuantizedMultiplier(acc, multipliers[c], shifts[c]) + outputOffset;
            v = v < min ? min : v > max ? max : v;
            y[o++] = v;
          }
        }
      }
    }
  };
}
