import type { Int8Engine } from '../../wasm/int8Engine';
import type { Kernel } from '../../opContext';
import type { WindowGeometry } from '../windowGeometry';
import { patchBytes, type PatchSource, prepareInt8GemmSimd } from './int8GemmSimd';
import type { Int8Requantization } from './int8Requantization';

export interface Conv2DInt8Spec {
  x: Int8Array;
  y: Int8Array;
  /** [outputDepth, filterHeight, filterWidth, inDepth] (one group). */
  filter: Int8Array;
  bias: Int32Array | null;
  g: WindowGeometry;
  inDepth: number;
  outputDepth: number;
  inputZeroPoint: number;
  requantization: Int8Requantization;
}

/**
 * Ungrouped int8 CONV_2D on the engine (reference_integer_ops::ConvPerChannel): every output pixel's
 * receptive field is gathered into a patch in the filter's (y, x, channel) order through an index table
 * built once (im2colIndices), then one matrix product. A 1×1 convolution with stride 1 and no padding reads
 * the input rows directly.
 */
export function prepareConv2DInt8Simd(engine: Int8Engine, spec: Conv2DInt8Spec): Kernel {
  const { g, inDepth } = spec;
  const pixels = g.batches * g.outHeight * g.outWidth;
  const pointwise =
    g.filterHeight === 1 &&
    g.filterWidth === 1 &&
    g.strideH === 1 &&
    g.strideW === 1 &&
    g.outHeight === g.inHeight &&
    g.outWidth === g.inWidth;
  const patches: PatchSource = pointwise
    ? { kind: 'rows' }
    : { kind: 'gather', indices: im2colIndices(g, inDepth), zeroPoint: spec.inputZeroPoint };
  return prepareInt8GemmSimd(engine, {
    x: spec.x,
    y: spec.y,
    pixels,
    length: g.filterHeight * g.filterWidth * inDepth,
    outputDepth: spec.outputDepth,
    weights: spec.filter,
    bias: spec.bias,
    inputOffset: -spec.inputZeroPoint,
    requantization: spec.requantization,
    patches,
  });
}

/**
 * For patch p (output pixel p in NHW order), byte k: the input index it reads, or the input's length for a
 * cell outside the image and for the padding past the patch length.
 */
function im2colIndices(g: WindowGeometry, inDepth: number): Int32Array {
  const outside = g.batches * g.inHeight * g.inWidth * inDepth;
  const kBytes = patchBytes(g.filterHeight * g.filterWidth * inDepth);
  const indices = new Int32Array(g.batches * g.outHeight * g.outWidth * kBytes).fill(outside);
  let patch = 0;
  for (let batch = 0; batch < g.batches; batch++) {
    for (let outY = 0; outY < g.outHeight; outY++) {
      for (let outX = 0; outX < g.outWidth; outX++) {
        let k = patch;
        for (let fy = 0; fy < g.filterHeight; fy++) {
          const inY = outY * g.strideH - g.padTop + g.dilationH * fy;
          for (let fx = 0; fx < g.filterWidth; fx++) {
            const inX = outX * g.strideW - g.padLeft + g.dilationW * fx;
            const inside = inY >= 0 && inY < g.inHeight && inX >= 0 && inX < g.inWidth;
            const from = ((batch * g.inHeight + inY) * g.inWidth + inX) * inDepth;
            for (let c = 0; c < inDepth; c++) indices[k++] = inside ? from + c : outside;
          }
        }
        patch += kBytes;
      }
    }
  }
  return indices;
}
