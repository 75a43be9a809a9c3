import type { Int8Engine } from '../../wasm/int8Engine';
import { REQUANTIZATION_GROUP_BYTES } from '../../wasm/int8Module';

/** What an int8 conv-like op does with its int32 accumulators: TFLite's per-channel requantisation. */
export interface Int8Requantization {
  multipliers: Int32Array;
  /** TFLite's shift: positive shifts left before the multiply, negative rounds right after it. */
  shifts: Int32Array;
  outputOffset: number;
  min: number;
  max: number;
}

const MAX_SHIFT = 31;

/**
 * Whether the engine's requantisation computes exactly what the reference kernels do for these constants:
 * QuantizeMultiplier's multipliers (≥ 0) and shifts within ±31, i.e. every real multiplier in
 * [2^−32, 2^31). Other constants (absurd scale ratios) run on the reference kernels.
 */
export function engineCanRequantize(q: Int8Requantization): boolean {
  return q.multipliers.every((m) => m >= 0) && q.shifts.every((s) => s >= -MAX_SHIFT && s <= MAX_SHIFT);
}

/** Writes an i64 as two little-endian i32 words (exact: |value| ≤ 2^53). */
function setInt64(words: Int32Array, index: number, value: number): void {
  words[index] = (value % 4294967296) | 0;
  words[index + 1] = Math.floor(value / 4294967296);
}

/**
 * The group records the engine's requantisation reads (layout: VectorRequantizer in int8Module.ts), for
 * `paddedChannels` channels (a multiple of 4); channels past the op's own requantise to the zero point.
 */
export function requantizationRecords(q: Int8Requantization, paddedChannels: number): Int32Array {
  const wordsPerGroup = REQUANTIZATION_GROUP_BYTES / 4;
  const words = new Int32Array((paddedChannels / 4) * wordsPerGroup);
  for (let c = 0; c < paddedChannels; c++) {
    const real = c < q.multipliers.length;
    const shift = real ? q.shifts[c] : 0;
    const leftShift = shift > 0 ? shift : 0;
    const rightShift = shift > 0 ? 0 : -shift;
    const base = (c >> 2) * wordsPerGroup;
    const lane = c & 3;
    const i64Word = (field: number) => base + field / 4 + (lane >> 1) * 4 + (lane & 1) * 2;
    words[base + lane] = 1 << leftShift;
    words[base + 4 + lane] = real ? q.multipliers[c] : 0;
    setInt64(words, i64Word(32), rightShift >= 1 ? 2 ** (rightShift - 1) : 0);
    setInt64(words, i64Word(64), rightShift >= 1 ? -1 : 0);
    setInt64(words, i64Word(96), 2 ** (31 - rightShift));
  }
  return words;
}

/** Places an op's requantisation records in the engine; returns their address. */
export function placeRequantization(
  engine: Int8Engine,
  q: Int8Requantization,
  paddedChannels: number,
): number {
  return engine.constant(requantizationRecords(q, paddedChannels));
}

export function roundUp(value: number, multiple: number): number {
  return Math.ceil(value / multiple) * multiple;
}
