import type { Int8Engine } from '../../wasm/int8Engine';
import type { Kernel } from '../../opContext';
import type { WindowGeometry } from '../windowGeometry';
import { type Int8Requantization, placeRequantization, roundUp } from './int8Requantization';

/** The engine writes groups of 8 channels: up to 7 bytes past the last pixel's last channel. */
const OUTPUT_SLACK = 8;

export interface DepthwiseInt8Spec {
  x: Int8Array;
  y: Int8Array;
  /** [1, filterHeight, filterWidth, outputDepth]. */
  filter: Int8Array;
  bias: Int32Array | null;
  g: WindowGeometry;
  inDepth: number;
  depthMultiplier: number;
  outputDepth: number;
  inputZeroPoint: number;
  requantization: Int8Requantization;
}

/**
 * int8 DEPTHWISE_CONV_2D on the engine (reference_integer_ops::DepthwiseConvPerChannel). The input is
 * copied into a padded image whose border holds the input zero point, each input channel repeated
 * depthMultiplier times so that output channel c reads padded channel c, with the channels padded to a
 * multiple of 8. A border cell then adds (zero point − zero point)·w = 0, as TFLite skipping it does, and
 * the input offset folds into the bias: Σ_t (x_t − zp)·w_t + b = Σ_t x_t·w_t + (b − zp·Σ_t w_t) (mod 2^32).
 */
export function prepareDepthwiseInt8Simd(engine: Int8Engine, spec: DepthwiseInt8Spec): Kernel {
  const { g, x, y, filter, inDepth, depthMultiplier, outputDepth, inputZeroPoint } = spec;
  const channels = roundUp(outputDepth, 8);
  const taps = g.filterHeight * g.filterWidth;
  const paddedHeight = Math.max(
    g.padTop + g.inHeight,
    (g.outHeight - 1) * g.strideH + (g.filterHeight - 1) * g.dilationH + 1,
  );
  const paddedWidth = Math.max(
    g.padLeft + g.inWidth,
    (g.outWidth - 1) * g.strideW + (g.filterWidth - 1) * g.dilationW + 1,
  );
  const imageBytes = paddedHeight * paddedWidth * channels;
  const pixelsPerImage = g.outHeight * g.outWidth;
  const pixels = g.batches * pixelsPerImage;

  const tapOffsets = new Int32Array(taps);
  const weights = new Int8Array(taps * channels);
  const bias = new Int32Array(channels);
  for (let fy = 0; fy < g.filterHeight; fy++) {
    for (let fx = 0; fx < g.filterWidth; fx++) {
      const t = fy * g.filterWidth + fx;
      tapOffsets[t] = (fy * g.dilationH * paddedWidth + fx * g.dilationW) * channels;
      weights.set(filter.subarray(t * outputDepth, (t + 1) * outputDepth), t * channels);
    }
  }
  for (let c = 0; c < outputDepth; c++) {
    let weightSum = 0;
    for (let t = 0; t < taps; t++) weightSum += filter[t * outputDepth + c];
    bias[c] = ((spec.bias === null ? 0 : spec.bias[c]) - inputZeroPoint * weightSum) | 0;
  }
  const tapOffsetsAddress = engine.constant(tapOffsets);
  const weightsAddress = engine.constant(weights);
  const biasAddress = engine.constant(bias);
  const records = placeRequantization(engine, spec.requantization, channels);
  const q = spec.requantization;
  const [imageOffset, outOffset] = engine.scratch([
    g.batches * imageBytes,
    pixels * outputDepth + OUTPUT_SLACK,
  ]);
  const rowsContiguous = depthMultiplier === 1 && channels === inDepth;
  const rowBytes = g.inWidth * inDepth;

  return engine.kernel((scratchBase) => {
    const heap = engine.int8View();
    const { depthwise } = engine.exports;
    const image = scratchBase + imageOffset;
    const out = scratchBase + outOffset;
    const result = heap.subarray(out, out + pixels * outputDepth);
    const inputRows = Array.from({ length: g.batches * g.inHeight }, (_, r) =>
      x.subarray(r * rowBytes, (r + 1) * rowBytes),
    );
    /** Address of padded cell (batch, inY + padTop, inX + padLeft). */
    const cell = (batch: number, inY: number, inX: number) =>
      image + batch * imageBytes + ((inY + g.padTop) * paddedWidth + inX + g.padLeft) * channels;

    const fillImage = () => {
      heap.fill(inputZeroPoint, image, image + g.batches * imageBytes);
      for (let batch = 0; batch < g.batches; batch++) {
        for (let inY = 0; inY < g.inHeight; inY++) {
          if (rowsContiguous) {
            heap.set(inputRows[batch * g.inHeight + inY], cell(batch, inY, 0));
            continue;
          }
          for (let inX = 0; inX < g.inWidth; inX++) {
            const from = ((batch * g.inHeight + inY) * g.inWidth + inX) * inDepth;
            let to = cell(batch, inY, inX);
            for (let c = 0; c < inDepth; c++) {
              const v = x[from + c];
              for (let m = 0; m < depthMultiplier; m++) heap[to++] = v;
            }
          }
        }
      }
    };

    return () => {
      fillImage();
      for (let batch = 0; batch < g.batches; batch++) {
        depthwise(
          image + batch * imageBytes,
          g.outHeight,
          g.outWidth,
          g.strideH * paddedWidth * channels,
          g.strideW * channels,
          taps,
          tapOffsetsAddress,
          weightsAddress,
          channels,
          biasAddress,
          records,
          out + batch * pixelsPerImage * outputDepth,
          outputDepth,
          q.outputOffset,
          q.min,
          q.max,
        );
      }
      y.set(result);
    };
  });
}
