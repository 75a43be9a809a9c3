import type { Int8Engine } from '../../wasm/int8Engine';
import type { Kernel } from '../../opContext';
import { type Int8Requantization, placeRequantization, roundUp } from './int8Requantization';

/**
 * Where the patches come from. Either they are the input's rows as they are (FULLY_CONNECTED, a 1×1
 * CONV_2D), or a gather (im2col) builds them: byte k of patch p is input[indices[p·kBytes + k]], an index
 * equal to the input's length meaning a cell outside the image, which holds the input zero point so that
 * it adds nothing once the offset is applied (see foldedBias). `indices` needs kBytes = the patch length
 * rounded up to a multiple of 8; the bytes past the length may be anything, their weights are 0.
 */
export type PatchSource = { kind: 'rows' } | { kind: 'gather'; indices: Int32Array; zeroPoint: number };

/**
 * An int8 matrix product y = requantize(patches · weightsᵀ + bias) on the engine: the SIMD form of
 * FULLY_CONNECTED (one patch per batch row) and CONV_2D (one patch per output pixel).
 */
export interface Int8GemmSpec {
  x: Int8Array;
  y: Int8Array;
  /** Patches, i.e. output pixels or batch rows. */
  pixels: number;
  /** Values per patch. */
  length: number;
  outputDepth: number;
  /** [outputDepth][length], symmetric (zero point 0). */
  weights: Int8Array;
  bias: Int32Array | null;
  /** −(input zero point). */
  inputOffset: number;
  requantization: Int8Requantization;
  patches: PatchSource;
}

/** The patch length as the engine's rows hold it: a multiple of 8, the vector width. */
export function patchBytes(length: number): number {
  return roundUp(length, 8);
}

/**
 * The weight rows as the engine's gemm reads them: padded to kBytes with zeros, the row count padded to a
 * multiple of 4 with zero rows, and each group of four rows interleaved in 8-byte chunks — chunk c of row
 * 4g + j at ((g·kBytes/8 + c)·4 + j)·8.
 */
function interleavedRows(weights: Int8Array, rows: number, length: number, kBytes: number): Int8Array {
  const chunks = kBytes / 8;
  const interleaved = new Int8Array(roundUp(rows, 4) * kBytes);
  for (let o = 0; o < rows; o++) {
    const [group, j] = [o >> 2, o & 3];
    for (let k = 0; k < length; k++) {
      const chunk = k >> 3;
      interleaved[((group * chunks + chunk) * 4 + j) * 8 + (k & 7)] = weights[o * length + k];
    }
  }
  return interleaved;
}

/**
 * TFLite accumulates Σ (x + inputOffset)·w + bias in int32. That is Σ x·w + (bias + inputOffset·Σ w)
 * modulo 2^32, so the input offset folds into the bias once and the kernel multiplies raw int8 values.
 * Wrapping int32 sums equal TFLite's (and the reference kernels' exact sums taken modulo 2^32).
 */
function foldedBias(
  bias: Int32Array | null,
  weights: Int8Array,
  rows: number,
  length: number,
  inputOffset: number,
  paddedCount: number,
): Int32Array {
  const folded = new Int32Array(paddedCount);
  for (let o = 0; o < rows; o++) {
    let weightSum = 0;
    for (let k = 0; k < length; k++) weightSum += weights[o * length + k];
    folded[o] = ((bias === null ? 0 : bias[o]) + inputOffset * weightSum) | 0;
  }
  return folded;
}

export function prepareInt8GemmSimd(engine: Int8Engine, spec: Int8GemmSpec): Kernel {
  const { x, y, pixels, length, outputDepth, weights, requantization: q, patches: source } = spec;
  const kBytes = patchBytes(length);
  const rows = roundUp(outputDepth, 4);
  const weightsAddress = engine.constant(interleavedRows(weights, outputDepth, length, kBytes));
  const biasAddress = engine.constant(
    foldedBias(spec.bias, weights, outputDepth, length, spec.inputOffset, rows),
  );
  const records = placeRequantization(engine, q, rows);
  const indicesAddress = source.kind === 'gather' ? engine.constant(source.indices) : 0;
  // The gemm computes pixels in pairs (an odd count gets a partner in scratch, whose outputs are ignored)
  // and writes whole groups of four channels, so its output rows are `rows` bytes apart.
  const pairedPixels = roundUp(pixels, 2);
  const [patchOffset, inputOffset, outOffset] = engine.scratch([
    pairedPixels * kBytes,
    source.kind === 'gather' ? x.length + 1 : 0,
    pairedPixels * rows,
  ]);

  return engine.kernel((scratchBase) => {
    const heap = engine.int8View();
    const { gather, gemm } = engine.exports;
    const patches = scratchBase + patchOffset;
    const input = scratchBase + inputOffset;
    const out = scratchBase + outOffset;
    const copyOut = copyOutputRows(heap, out, y, pixels, outputDepth, rows);
    const fillPatches =
      source.kind === 'gather'
        ? () => {
            heap.set(x, input);
            heap[input + x.length] = source.zeroPoint;
            gather(patches, input, indicesAddress, pixels * kBytes);
          }
        : copyRows(heap, patches, x, pixels, length, kBytes);
    return () => {
      fillPatches();
      gemm(
        patches,
        pairedPixels,
        kBytes,
        weightsAddress,
        rows,
        biasAddress,
        records,
        out,
        rows,
        q.outputOffset,
        q.min,
        q.max,
      );
      copyOut();
    };
  });
}

/** Copies the engine's output rows (`stride` bytes apart) into y. */
function copyOutputRows(
  heap: Int8Array,
  out: number,
  y: Int8Array,
  pixels: number,
  depth: number,
  stride: number,
): () => void {
  if (stride === depth) {
    const result = heap.subarray(out, out + pixels * depth);
    return () => y.set(result);
  }
  const rowViews = Array.from({ length: pixels }, (_, p) =>
    heap.subarray(out + p * stride, out + p * stride + depth),
  );
  return () => {
    for (let p = 0; p < pixels; p++) y.set(rowViews[p], p * depth);
  };
}

/** Copies the input's rows into the patches (kBytes apart; the bytes past `length` are left as they are). */
function copyRows(
  heap: Int8Array,
  patches: number,
  x: Int8Array,
  rows: number,
  length: number,
  kBytes: number,
): () => void {
  if (kBytes === length) return () => heap.set(x, patches);
  const rowViews = Array.from({ length: rows }, (_, r) => x.subarray(r * length, (r + 1) * length));
  return () => {
    for (let r = 0; r < rows; r++) heap.set(rowViews[r], patches + r * kBytes);
  };
}
