import type { Pool2DOp } from '../../ir/graph';
import { floatActivationRange, quantizedActivationRange } from '../activationRange';
import type { Kernel, OpContext } from '../opContext';
import { type WindowGeometry, windowGeometry } from './windowGeometry';

const FLOAT32_LOWEST = -3.4028234663852886e38;

/**
 * MAX_POOL_2D and AVERAGE_POOL_2D: TFLite reference_ops (float) and reference_integer_ops (int8) pooling.
 * Only in-bounds cells count; the int8 average rounds half away from zero, and int8 pooling requires the
 * output to keep the input's quantisation (TFLite Micro's PoolingPrepare).
 */
export function preparePool2D(ctx: OpContext): Kernel {
  const op = ctx.op as Pool2DOp;
  ctx.expectInputCount(1, 1);
  const input = ctx.input(0, 'input');
  const output = ctx.output();
  const g = windowGeometry(ctx, input, output, {
    padding: op.padding,
    strideH: op.strideH,
    strideW: op.strideW,
    dilationH: 1,
    dilationW: 1,
    filterHeight: op.filterH,
    filterWidth: op.filterW,
  });
  const depth = ctx.tensor(input).shape[3];
  if (ctx.tensor(output).shape[3] !== depth) {
    ctx.shapeMismatch(`the output depth must equal the input depth ${depth}.`);
  }
  const average = op.kind === 'AVERAGE_POOL_2D';

  if (ctx.tensor(input).dtype === 'float32') {
    ctx.expectDtype(output, 'output', 'float32');
    const { min, max } = floatActivationRange(op.activation);
    const x = ctx.buffers[input] as Float32Array;
    const y = ctx.allocateOutput() as Float32Array;
    return average ? () => averageFloat(g, depth, x, y, min, max) : () => maxFloat(g, depth, x, y, min, max);
  }

  ctx.expectDtype(input, 'input', 'int8');
  ctx.expectDtype(output, 'output', 'int8');
  const inQ = ctx.quant(input, 'input');
  const outQ = ctx.quant(output, 'output');
  if (Math.abs(Math.fround(inQ.scale - outQ.scale)) > 1e-6 || inQ.zeroPoint !== outQ.zeroPoint) {
    ctx.fail('interp-bad-quantization', 'the output must have the same scale and zero point as the input.');
  }
  const { min, max } = quantizedActivationRange(op.activation, outQ.scale, outQ.zeroPoint);
  const x = ctx.buffers[input] as Int8Array;
  const y = ctx.allocateOutput() as Int8Array;
  return average ? () => averageInt8(g, depth, x, y, min, max) : () => maxInt8(g, depth, x, y, min, max);
}

/** Writes the in-bounds window bounds of one output cell into `bounds` (yStart, yEnd, xStart, xEnd). */
function windowBounds(g: WindowGeometry, outY: number, outX: number, bounds: Int32Array): void {
  const inY0 = outY * g.strideH - g.padTop;
  const inX0 = outX * g.strideW - g.padLeft;
  bounds[0] = Math.max(0, inY0);
  bounds[1] = Math.min(g.inHeight, inY0 + g.filterHeight);
  bounds[2] = Math.max(0, inX0);
  bounds[3] = Math.min(g.inWidth, inX0 + g.filterWidth);
}

const bounds = new Int32Array(4);

function averageFloat(
  g: WindowGeometry,
  depth: number,
  x: Float32Array,
  y: Float32Array,
  min: number,
  max: number,
) {
  const fround = Math.fround;
  let o = 0;
  for (let batch = 0; batch < g.batches; batch++) {
    for (let outY = 0; outY < g.outHeight; outY++) {
      for (let outX = 0; outX < g.outWidth; outX++) {
        windowBounds(g, outY, outX, bounds);
        const count = (bounds[1] - bounds[0]) * (bounds[3] - bounds[2]);
        for (let c = 0; c < depth; c++) {
          let total = 0;
          for (let inY = bounds[0]; inY < bounds[1]; inY++) {
            const rowBase = (batch * g.inHeight + inY) * g.inWidth;
            for (let inX = bounds[2]; inX < bounds[3]; inX++)
              total = fround(total + x[(rowBase + inX) * depth + c]);
          }
          const v = fround(total / count);
          y[o++] = v < min ? min : v > max ? max : v;
        }
      }
    }
  }
}

function maxFloat(
  g: WindowGeometry,
  depth: number,
  x: Float32Array,
  y: Float32Array,
  min: number,
  max: number,
) {
  let o = 0;
  for (let batch = 0; batch < g.batches; batch++) {
    for (let outY = 0; outY < g.outHeight; outY++) {
      for (let outX = 0; outX < g.outWidth; outX++) {
        windowBounds(g, outY, outX, bounds);
        for (let c = 0; c < depth; c++) {
          let best = FLOAT32_LOWEST;
          for (let inY = bounds[0]; inY < bounds[1]; inY++) {
            const rowBase = (batch * g.inHeight + inY) * g.inWidth;
            for (let inX = bounds[2]; inX < bounds[3]; inX++) {
              const v = x[(rowBase + inX) * depth + c];
              if (v > best) best = v;
            }
          }
          y[o++] = best < min ? min : best > max ? max : best;
        }
      }
    }
  }
}

function averageInt8(g: WindowGeometry, depth: number, x: Int8Array, y: Int8Array, min: number, max: number) {
  let o = 0;
  for (let batch = 0; batch < g.batches; batch++) {
    for (let outY = 0; outY < g.outHeight; outY++) {
      for (let outX = 0; outX < g.outWidth; outX++) {
        windowBounds(g, outY, outX, bounds);
        const count = (bounds[1] - bounds[0]) * (bounds[3] - bounds[2]);
        const half = count >> 1;
        for (let c = 0; c < depth; c++) {
          let acc = 0;
          for (let inY = bounds[0]; inY < bounds[1]; inY++) {
            const rowBase = (batch * g.inHeight + inY) * g.inWidth;
            for (let inX = bounds[2]; inX < bounds[3]; inX++) acc += x[(rowBase + inX) * depth + c];
          }
          let v = Math.trunc(acc > 0 ? (acc + half) / count : (acc - half) / count);
          v = v < min ? min : v > max ? max : v;
          y[o++] = v;
        }
      }
    }
  }
}

function maxInt8(g: WindowGeometry, depth: number, x: Int8Array, y: Int8Array, min: number, max: number) {
  let o = 0;
  for (let batch = 0; batch < g.batches; batch++) {
    for (let outY = 0; outY < g.outHeight; outY++) {
      for (let outX = 0; outX < g.outWidth; outX++) {
        windowBounds(g, outY, outX, bounds);
        for (let c = 0; c < depth; c++) {
          let best = -128;
          for (let inY = bounds[0]; inY < bounds[1]; inY++) {
            const rowBase = (batch * g.inHeight + inY) * g.inWidth;
            for (let inX = bounds[2]; inX < bounds[3]; inX++) {
              const v = x[(rowBase + inX) * depth + c];
              if (v > best) best = v;
            }
          }
          y[o++] = best < min ? min : best > max ? max : best;
        }
      }
    }
  }
}
