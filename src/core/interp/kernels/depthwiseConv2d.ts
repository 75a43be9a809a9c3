import { type DepthwiseConv2DOp, elementCount, OMITTED } from '../../ir/graph';
import { floatActivationRange, quantizedActivationRange } from '../activationRange';
import { multiplyByQuantizedMultiplier } from '../fixedPoint';
import type { Kernel, OpContext } from '../opContext';
import { convolutionMultipliers } from './convolutionMultipliers';
import { prepareDepthwiseInt8Simd } from './simd/depthwiseInt8Simd';
import { engineCanRequantize } from './simd/int8Requantization';
import { tapEnd, tapStart, type WindowGeometry, windowGeometry } from './windowGeometry';

/**
 * DEPTHWISE_CONV_2D over NHWC with a [1, H, W, I·M] filter, output channel = input channel·M + m: TFLite
 * reference_ops::DepthwiseConv (float) and reference_integer_ops::DepthwiseConvPerChannel (int8). int8
 * runs on the WebAssembly SIMD engine when there is one (simd/depthwiseInt8Simd.ts); the int8 code here is
 * the reference path, with the same results.
 */
export function prepareDepthwiseConv2D(ctx: OpContext): Kernel {
  const op = ctx.op as DepthwiseConv2DOp;
  ctx.expectInputCount(2, 3);
  const input = ctx.input(0, 'input');
  const filter = ctx.input(1, 'filter');
  const bias = ctx.optionalInput(2);
  const output = ctx.output();
  const [one, filterHeight, filterWidth, outputDepth] = ctx.expectRank(filter, 'filter', 4);
  if (one !== 1) ctx.shapeMismatch(`the filter must have shape [1, H, W, channels].`);
  const g = windowGeometry(ctx, input, output, { ...op, filterHeight, filterWidth });
  const inDepth = ctx.tensor(input).shape[3];
  const depthMultiplier = op.depthMultiplier;
  if (
    !Number.isInteger(depthMultiplier) ||
    depthMultiplier < 1 ||
    inDepth * depthMultiplier !== outputDepth
  ) {
    ctx.shapeMismatch(
      `input depth ${inDepth} × depth multiplier ${depthMultiplier} must equal the filter's ${outputDepth} channels.`,
    );
  }
  if (ctx.tensor(output).shape[3] !== outputDepth) {
    ctx.shapeMismatch(`the output depth must equal the filter's ${outputDepth} channels.`);
  }
  if (bias !== OMITTED && elementCount(ctx.tensor(bias).shape) !== outputDepth) {
    ctx.shapeMismatch(`the bias must have ${outputDepth} values.`);
  }
  const dims: DepthwiseDims = { g, inDepth, outputDepth, depthMultiplier };
  return ctx.tensor(input).dtype === 'float32'
    ? prepareFloat(ctx, op, input, filter, bias, dims)
    : prepareInt8(ctx, op, input, filter, bias, dims);
}

interface DepthwiseDims {
  g: WindowGeometry;
  inDepth: number;
  outputDepth: number;
  depthMultiplier: number;
}

/** The in-bounds filter taps of output pixel (outY, outX): rows [bounds[0], bounds[1]), columns [bounds[2], bounds[3]). */
function tapBounds(g: WindowGeometry, outY: number, outX: number, bounds: Int32Array): void {
  const inY0 = outY * g.strideH - g.padTop;
  const inX0 = outX * g.strideW - g.padLeft;
  bounds[0] = tapStart(inY0, g.dilationH);
  bounds[1] = tapEnd(inY0, g.dilationH, g.inHeight, g.filterHeight);
  bounds[2] = tapStart(inX0, g.dilationW);
  bounds[3] = tapEnd(inX0, g.dilationW, g.inWidth, g.filterWidth);
}

const bounds = new Int32Array(4);

/**
 * Adds the in-bounds taps of output pixel (outY, outX) into `sums` in TFLite's (fy, fx) order:
 * sums[i·M + m] += filter · (input[i] − zero point). Integer sums are exact in doubles.
 */
function accumulateInt8(
  x: Int8Array,
  inputOffset: number,
  w: Int8Array,
  d: DepthwiseDims,
  batch: number,
  outY: number,
  outX: number,
  sums: Float64Array,
): void {
  const { g, inDepth, outputDepth, depthMultiplier } = d;
  tapBounds(g, outY, outX, bounds);
  const inY0 = outY * g.strideH - g.padTop;
  const inX0 = outX * g.strideW - g.padLeft;
  for (let fy = bounds[0]; fy < bounds[1]; fy++) {
    const rowBase = (batch * g.inHeight + inY0 + g.dilationH * fy) * g.inWidth;
    for (let fx = bounds[2]; fx < bounds[3]; fx++) {
      const xBase = (rowBase + inX0 + g.dilationW * fx) * inDepth;
      const wBase = (fy * g.filterWidth + fx) * outputDepth;
      if (depthMultiplier === 1) {
        for (let c = 0; c < inDepth; c++) sums[c] += w[wBase + c] * (x[xBase + c] + inputOffset);
      } else {
        for (let inC = 0; inC < inDepth; inC++) {
          const v = x[xBase + inC] + inputOffset;
          const outC = inC * depthMultiplier;
          for (let m = 0; m < depthMultiplier; m++) sums[outC + m] += w[wBase + outC + m] * v;
        }
      }
    }
  }
}

/** The float32 twin of accumulateInt8: a Float32Array rounds every addition of fround(x·w) as TFLite does. */
function accumulateFloat32(
  x: Float32Array,
  w: Float32Array,
  d: DepthwiseDims,
  batch: number,
  outY: number,
  outX: number,
  sums: Float32Array,
): void {
  const { g, inDepth, outputDepth, depthMultiplier } = d;
  const fround = Math.fround;
  tapBounds(g, outY, outX, bounds);
  const inY0 = outY * g.strideH - g.padTop;
  const inX0 = outX * g.strideW - g.padLeft;
  for (let fy = bounds[0]; fy < bounds[1]; fy++) {
    const rowBase = (batch * g.inHeight + inY0 + g.dilationH * fy) * g.inWidth;
    for (let fx = bounds[2]; fx < bounds[3]; fx++) {
      const xBase = (rowBase + inX0 + g.dilationW * fx) * inDepth;
      const wBase = (fy * g.filterWidth + fx) * outputDepth;
      for (let inC = 0; inC < inDepth; inC++) {
        const v = x[xBase + inC];
        const outC = inC * depthMultiplier;
        for (let m = 0; m < depthMultiplier; m++) sums[outC + m] += fround(w[wBase + outC + m] * v);
      }
    }
  }
}

function prepareFloat(
  ctx: OpContext,
  op: DepthwiseConv2DOp,
  input: number,
  filter: number,
  bias: number,
  d: DepthwiseDims,
): Kernel {
  ctx.expectDtype(filter, 'filter', 'float32');
  if (bias !== OMITTED) ctx.expectDtype(bias, 'bias', 'float32');
  ctx.expectDtype(ctx.output(), 'output', 'float32');
  const x = ctx.buffers[input] as Float32Array;
  const w = ctx.expectConstant(filter, 'filter') as Float32Array;
  const b = bias === OMITTED ? null : (ctx.buffers[bias] as Float32Array);
  const y = ctx.allocateOutput() as Float32Array;
  const { min, max } = floatActivationRange(op.activation);
  const { g, outputDepth } = d;
  const sums = new Float32Array(outputDepth);

  return () => {
    let o = 0;
    for (let batch = 0; batch < g.batches; batch++) {
      for (let outY = 0; outY < g.outHeight; outY++) {
        for (let outX = 0; outX < g.outWidth; outX++) {
          sums.fill(0);
          accumulateFloat32(x, w, d, batch, outY, outX, sums);
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
  op: DepthwiseConv2DOp,
  input: number,
  filter: number,
  bias: number,
  d: DepthwiseDims,
): Kernel {
  const { g, outputDepth } = d;
  const { multipliers, shifts, inputOffset, outputOffset, outQ } = convolutionMultipliers(
    ctx,
    input,
    filter,
    bias,
    outputDepth,
    3,
  );
  const { min, max } = quantizedActivationRange(op.activation, outQ.scale, outQ.zeroPoint);
  const x = ctx.buffers[input] as Int8Array;
  const w = ctx.expectConstant(filter, 'filter') as Int8Array;
  const b = bias === OMITTED ? null : (ctx.buffers[bias] as Int32Array);
  const y = ctx.allocateOutput() as Int8Array;
  const requantization = { multipliers, shifts, outputOffset, min, max };
  if (ctx.int8Engine !== null && engineCanRequantize(requantization)) {
    return prepareDepthwiseInt8Simd(ctx.int8Engine, {
      x,
      y,
      filter: w,
      bias: b,
      g,
      inDepth: d.inDepth,
      depthMultiplier: d.depthMultiplier,
      outputDepth,
      inputZeroPoint: -inputOffset,
      requantization,
    });
  }
  const sums = new Float64Array(outputDepth);

  return () => {
    let o = 0;
    for (let batch = 0; batch < g.batches; batch++) {
      for (let outY = 0; outY < g.outHeight; outY++) {
        for (let outX = 0; outX < g.outWidth; outX++) {
          sums.fill(0);
          accumulateInt8(x, inputOffset, w, d, batch, outY, outX, sums);
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
