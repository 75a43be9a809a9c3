/**
 * The WebAssembly (128-bit SIMD) module behind the interpreter's fast int8 convolutions: integer
 * multiply-accumulate loops and TFLite's requantisation, all in exact 32/64-bit integer arithmetic, so the
 * results are the same bits as the reference kernels (and TFLite Micro). Pointers are byte offsets into the
 * imported memory; every count is ≥ 1 (the loops are do-while).
 */
import { assembleModule, FunctionBuilder, Op, Simd } from './assembler';

/** Bytes of requantisation constants per group of 4 output channels (layout: VectorRequantizer). */
export const REQUANTIZATION_GROUP_BYTES = 128;

/**
 * Both kernels end the same way: out[p·outStride + c] = clamp(MultiplyByQuantizedMultiplier(acc, m_c, shift_c)
 * + zeroPoint, min, max) for every channel c < channels, with the constants of channels 4g…4g+3 at
 * records + g·REQUANTIZATION_GROUP_BYTES (see requantizationRecords). Whole groups of channels are written:
 * gemm writes groups of 4 and its outStride must hold them (it computes two pixels at a time); depthwise
 * writes groups of 8, up to 7 bytes past a pixel's last channel, which the next pixel then overwrites, so
 * its output region needs that much slack after the last pixel.
 */
type RequantizedArgs = [
  records: number,
  out: number,
  outStride: number,
  zeroPoint: number,
  min: number,
  max: number,
];

export interface Int8Exports {
  /** dst[i] = src[indices[i]] for i < count (bytes; indices are i32): the im2col of a convolution. */
  gather(dst: number, src: number, indices: number, count: number): void;
  /**
   * acc[p][o] = bias[o] + Σ_k patches[p·kBytes + k] · row_o[k] (int8 × int8, wrapping int32), for
   * p < pixels and o < rows, then requantised. kBytes is a multiple of 8, rows of 4, pixels of 2 (the patches
   * and outputs of a last, odd pixel's partner are scratch); weights as interleavedRows lays them out.
   */
  gemm(
    patches: number,
    pixels: number,
    kBytes: number,
    weights: number,
    rows: number,
    bias: number,
    ...output: RequantizedArgs
  ): void;
  /**
   * Depthwise taps over a padded int8 image: for output pixel (y, x) and channel c, acc = bias[c] +
   * Σ_t image[y·rowStep + x·colStep + tapOffsets[t] + c] · weights[t·channels + c], then requantised;
   * channels is a multiple of 8.
   */
  depthwise(
    image: number,
    outHeight: number,
    outWidth: number,
    rowStep: number,
    colStep: number,
    taps: number,
    tapOffsets: number,
    weights: number,
    channels: number,
    bias: number,
    ...output: RequantizedArgs
  ): void;
}

/**
 * TFLite MultiplyByQuantizedMultiplier (double rounding, common.h) for four channels at once, exactly.
 * With a = acc << leftShift (wrapping, as TFLite's int32 multiply by 1 << leftShift) and P = a·m, exact in
 * i64 since |P| ≤ 2^62:
 * 1. SaturatingRoundingDoublingHighMul(a, m) = trunc((P + nudge) / 2^31), nudge = 2^30 if P ≥ 0 else
 *    1 − 2^30. For P ≥ 0 that is floor((P + 2^30) / 2^31). For P < 0, y = P + 1 − 2^30 < 0 and
 *    trunc(y / 2^31) = ceil(y / 2^31) = floor((y + 2^31 − 1) / 2^31) = floor((P + 2^30) / 2^31) again.
 *    So q = (P + 2^30) >> 31, and |q| < 2^31. (Its saturating case, a = m = INT32_MIN, needs a negative
 *    multiplier; QuantizeMultiplier's are ≥ 0, which engineCanRequantize checks.)
 * 2. RoundingDivideByPOT(q, e), halves away from zero, is floor((q + 2^(e−1) − [q < 0]) / 2^e) for e ≥ 1
 *    and q for e = 0. SIMD shifts take one count for all lanes, so the per-channel division is a multiply
 *    and a common shift: floor(u / 2^e) = (u · 2^(31−e)) >> 31, exact since |u| < 1.5·2^31 and so
 *    |u · 2^(31−e)| < 2^63.
 * Lanes' constants, in each 128-byte group record: 0 the factors 2^leftShift (i32x4), 16 the multipliers
 * (i32x4), 32/48 the terms 2^(e−1) for e ≥ 1, else 0 (i64x2 for channels 0–1, then 2–3), 64/80 the masks
 * −[e ≥ 1] (i64x2), 96/112 the factors 2^(31−e) (i64x2).
 */
export class VectorRequantizer {
  private readonly a: number;
  private readonly q: number;
  private readonly half: number;
  private readonly zeroPoint: number;
  private readonly min: number;
  private readonly max: number;

  /** `params` are the local indices of the function's zeroPoint, min and max parameters. */
  constructor(
    private readonly f: FunctionBuilder,
    private readonly params: { zeroPoint: number; min: number; max: number },
  ) {
    [this.a, this.q, this.half, this.zeroPoint, this.min, this.max] = [0, 0, 0, 0, 0, 0].map(() =>
      f.local('v128'),
    );
  }

  /** Splats the scalar parameters once, at the start of the function. */
  prologue(): void {
    const { f, params } = this;
    f.i64(2 ** 30)
      .simd(Simd.i64x2Splat)
      .set(this.half);
    f.get(params.zeroPoint).simd(Simd.i32x4Splat).set(this.zeroPoint);
    f.get(params.min).simd(Simd.i32x4Splat).set(this.min);
    f.get(params.max).simd(Simd.i32x4Splat).set(this.max);
  }

  /** Pushes the requantised, clamped i32x4 of the accumulators in `acc`, constants at `record` + offset. */
  emit(acc: number, record: number, offset: number): void {
    const { f, a, q } = this;
    const field = (at: number) => f.get(record).simdMemory(Simd.v128Load, 4, offset + at);
    f.get(acc);
    field(0);
    f.simd(Simd.i32x4Mul).set(a);
    for (const [extmul, half] of [
      [Simd.i64x2ExtmulLowI32x4S, 0],
      [Simd.i64x2ExtmulHighI32x4S, 16],
    ]) {
      f.get(a);
      field(16);
      f.simd(extmul).get(this.half).simd(Simd.i64x2Add).i32(31).simd(Simd.i64x2ShrS).set(q);
      f.get(q);
      field(32 + half);
      f.simd(Simd.i64x2Add).get(q).i32(63).simd(Simd.i64x2ShrS);
      field(64 + half);
      f.simd(Simd.v128And).simd(Simd.i64x2Add);
      field(96 + half);
      f.simd(Simd.i64x2Mul).i32(31).simd(Simd.i64x2ShrS);
    }
    f.shuffleI32([0, 2, 4, 6]); // the low words of the four i64 lanes
    f.get(this.zeroPoint).simd(Simd.i32x4Add);
    f.get(this.min).simd(Simd.i32x4MaxS).get(this.max).simd(Simd.i32x4MinS);
  }
}

/** A byte gather through an i32 index table. */
function gather(): FunctionBuilder {
  const f = new FunctionBuilder('gather', 4);
  const [dst, src, indices, count] = [0, 1, 2, 3];
  const i = f.local('i32');
  f.i32(0).set(i);
  f.doWhile(i, 1, count, () => {
    f.get(dst).get(src).get(indices).memory(Op.i32Load, 2).op(Op.i32Add).memory(Op.i32Load8U, 0);
    f.memory(Op.i32Store8, 0);
    f.increment(dst, 1).increment(indices, 4);
  });
  return f;
}

/**
 * Two pixels × four rows per pass, so each weight load serves two dot products. i32x4.dot_i16x8_s of two
 * int8 vectors sign-extended to i16 is exact (every pair of products fits in i32). The weights are
 * interleaved by groups of four rows (interleavedRows): for k-chunk c, rows 4g…4g+3 lie at
 * weights + ((g·kBytes/8 + c)·4 + j)·8, so one pointer walks them.
 */
function gemm(): FunctionBuilder {
  const f = new FunctionBuilder('gemm', 12);
  const [patches, pixels, kBytes, weights, rows, bias, records, out, outStride, zeroPoint, min, max] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
  ];
  const [p, o, k, w, b, r, xa, xb, ya, yb] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0].map(() => f.local('i32'));
  const [x0, x1, v, s01, s23] = [0, 0, 0, 0, 0].map(() => f.local('v128'));
  const sums = [0, 1].map(() => [0, 0, 0, 0].map(() => f.local('v128')));
  const requantizer = new VectorRequantizer(f, { zeroPoint, min, max });

  /** Horizontal sums of the four accumulators of one pixel into one vector, plus the bias, in `v`. */
  const horizontalSums = ([a0, a1, a2, a3]: number[]) => {
    f.get(a0).get(a1).shuffleI32([0, 4, 1, 5]).get(a0).get(a1).shuffleI32([2, 6, 3, 7]);
    f.simd(Simd.i32x4Add).set(s01);
    f.get(a2).get(a3).shuffleI32([0, 4, 1, 5]).get(a2).get(a3).shuffleI32([2, 6, 3, 7]);
    f.simd(Simd.i32x4Add).set(s23);
    f.get(s01).get(s23).shuffleI32([0, 1, 4, 5]).get(s01).get(s23).shuffleI32([2, 3, 6, 7]);
    f.simd(Simd.i32x4Add).get(b).simdMemory(Simd.v128Load, 4).simd(Simd.i32x4Add).set(v);
  };
  /** Requantises `v` and stores its four channels' bytes at `y`. */
  const store = (y: number) => {
    f.get(y);
    requantizer.emit(v, r, 0);
    f.tee(v).get(v).simd(Simd.i16x8NarrowI32x4S).tee(v).get(v).simd(Simd.i8x16NarrowI16x8S);
    f.simdMemory(Simd.v128Store32Lane, 0).op(0); // lane 0
  };

  requantizer.prologue();
  f.i32(0).set(p);
  f.doWhile(p, 2, pixels, () => {
    f.i32(0).set(o).get(weights).set(w).get(bias).set(b).get(records).set(r);
    f.get(out).set(ya).get(out).get(outStride).op(Op.i32Add).set(yb);
    f.doWhile(o, 4, rows, () => {
      for (const a of sums.flat()) f.v128Zero().set(a);
      f.i32(0).set(k).get(patches).set(xa).get(patches).get(kBytes).op(Op.i32Add).set(xb);
      f.doWhile(k, 8, kBytes, () => {
        f.get(xa).simdMemory(Simd.v128Load8x8S, 3).set(x0);
        f.get(xb).simdMemory(Simd.v128Load8x8S, 3).set(x1);
        for (let j = 0; j < 4; j++) {
          f.get(w)
            .simdMemory(Simd.v128Load8x8S, 3, 8 * j)
            .set(v);
          f.get(sums[0][j]).get(x0).get(v).simd(Simd.i32x4DotI16x8S).simd(Simd.i32x4Add).set(sums[0][j]);
          f.get(sums[1][j]).get(x1).get(v).simd(Simd.i32x4DotI16x8S).simd(Simd.i32x4Add).set(sums[1][j]);
        }
        f.increment(xa, 8).increment(xb, 8).increment(w, 32);
      });
      horizontalSums(sums[0]);
      store(ya);
      horizontalSums(sums[1]);
      store(yb);
      f.increment(b, 16).increment(r, REQUANTIZATION_GROUP_BYTES).increment(ya, 4).increment(yb, 4);
    });
    f.advance(patches, kBytes).advance(patches, kBytes).advance(out, outStride).advance(out, outStride);
  });
  return f;
}

/** Eight channels at a time: int8 × int8 products widened to i32 by extmul (exact), summed in i32. */
function depthwise(): FunctionBuilder {
  const f = new FunctionBuilder('depthwise', 16);
  const [image, outHeight, outWidth, rowStep, colStep, taps, tapOffsets, weights, channels, bias] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
  ];
  const [records, out, outStride, zeroPoint, min, max] = [10, 11, 12, 13, 14, 15];
  const [oy, ox, c, t, rowBase, pixelBase, tap, w, r, y] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0].map(() =>
    f.local('i32'),
  );
  const [low, high, v, u] = [0, 0, 0, 0].map(() => f.local('v128'));
  const requantizer = new VectorRequantizer(f, { zeroPoint, min, max });

  requantizer.prologue();
  f.i32(0).set(oy).get(image).set(rowBase);
  f.doWhile(oy, 1, outHeight, () => {
    f.i32(0).set(ox).get(rowBase).set(pixelBase);
    f.doWhile(ox, 1, outWidth, () => {
      f.i32(0).set(c).get(records).set(r).get(out).set(y);
      f.doWhile(c, 8, channels, () => {
        f.get(bias).get(c).i32(2).op(Op.i32Shl).op(Op.i32Add).tee(w);
        f.simdMemory(Simd.v128Load, 4).set(low);
        f.get(w).simdMemory(Simd.v128Load, 4, 16).set(high);
        f.i32(0).set(t).get(tapOffsets).set(tap).get(weights).get(c).op(Op.i32Add).set(w);
        f.doWhile(t, 1, taps, () => {
          f.get(pixelBase).get(c).op(Op.i32Add).get(tap).memory(Op.i32Load, 2).op(Op.i32Add);
          f.simdMemory(Simd.v128Load8x8S, 3).set(v);
          f.get(w).simdMemory(Simd.v128Load8x8S, 3).set(u);
          f.get(low).get(v).get(u).simd(Simd.i32x4ExtmulLowI16x8S).simd(Simd.i32x4Add).set(low);
          f.get(high).get(v).get(u).simd(Simd.i32x4ExtmulHighI16x8S).simd(Simd.i32x4Add).set(high);
          f.increment(tap, 4).advance(w, channels);
        });
        f.get(y);
        requantizer.emit(low, r, 0);
        requantizer.emit(high, r, REQUANTIZATION_GROUP_BYTES);
        f.simd(Simd.i16x8NarrowI32x4S).tee(v).get(v).simd(Simd.i8x16NarrowI16x8S);
        f.simdMemory(Simd.v128Store64Lane, 0).op(0); // lane 0: the eight channels' bytes
        f.increment(r, 2 * REQUANTIZATION_GROUP_BYTES).increment(y, 8);
      });
      f.advance(pixelBase, colStep).advance(out, outStride);
    });
    f.advance(rowBase, rowStep);
  });
  return f;
}

export function int8ModuleBytes(): Uint8Array<ArrayBuffer> {
  return assembleModule([gather(), gemm(), depthwise()]);
}
