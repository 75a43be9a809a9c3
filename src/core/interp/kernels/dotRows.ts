/**
 * The inner products behind FULLY_CONNECTED and CONV_2D: sums[o] = Σ_k weights[o·length + k] · patch[k] for
 * the rows o of one group. Patches are Float64Array (int8 patches hold input − zero point, |v| ≤ 255), so
 * integer sums are exact without int32 overflow checks.
 */

/** 2^26: a packed weight pair is high·2^26 + low. */
const PACK = 67108864;
/** Longest row for which a packed sum stays exact: |low part| ≤ length·128·255 < 2^25. */
const MAX_PACKED_LENGTH = Math.floor((PACK / 2 - 1) / (128 * 255));

/**
 * int8 weight rows prepared for dotRowsInt8. Rows are split into `groups` equal groups; within each group,
 * consecutive rows are packed in pairs into one double (high·2^26 + low), so one multiply-add serves two
 * rows: Σ (a·2^26 + b)·v = (Σ a·v)·2^26 + Σ b·v, and the low sum, below 2^25 in magnitude, separates
 * exactly by rounding. Rows longer than MAX_PACKED_LENGTH are not packed.
 */
export interface Int8Rows {
  weights: Int8Array;
  length: number;
  rowsPerGroup: number;
  packed: Float64Array | null;
}

export function prepareInt8Rows(weights: Int8Array, rows: number, length: number, groups: number): Int8Rows {
  const rowsPerGroup = rows / groups;
  if (length > MAX_PACKED_LENGTH) return { weights, length, rowsPerGroup, packed: null };
  const pairsPerGroup = Math.floor(rowsPerGroup / 2);
  const packed = new Float64Array(groups * pairsPerGroup * length);
  for (let group = 0; group < groups; group++) {
    for (let pair = 0; pair < pairsPerGroup; pair++) {
      const high = (group * rowsPerGroup + 2 * pair) * length;
      const target = (group * pairsPerGroup + pair) * length;
      for (let k = 0; k < length; k++)
        packed[target + k] = weights[high + k] * PACK + weights[high + length + k];
    }
  }
  return { weights, length, rowsPerGroup, packed };
}

/** sums[o] = Σ_k row o · patch for the rows of `group`. */
export function dotRowsInt8(rows: Int8Rows, group: number, patch: Float64Array, sums: Float64Array): void {
  const { weights, length, rowsPerGroup, packed } = rows;
  const first = group * rowsPerGroup;
  const end = first + rowsPerGroup;
  let row = first;
  if (packed !== null) {
    let pairOffset = group * Math.floor(rowsPerGroup / 2) * length;
    for (; row + 3 < end; row += 4, pairOffset += 2 * length) {
      const p1 = pairOffset + length;
      let s0 = 0;
      let s1 = 0;
      for (let k = 0; k < length; k++) {
        const v = patch[k];
        s0 += packed[pairOffset + k] * v;
        s1 += packed[p1 + k] * v;
      }
      const h0 = Math.round(s0 / PACK);
      const h1 = Math.round(s1 / PACK);
      sums[row] = h0;
      sums[row + 1] = s0 - h0 * PACK;
      sums[row + 2] = h1;
      sums[row + 3] = s1 - h1 * PACK;
    }
    for (; row + 1 < end; row += 2, pairOffset += length) {
      let s0 = 0;
      for (let k = 0; k < length; k++) s0 += packed[pairOffset + k] * patch[k];
      const h0 = Math.round(s0 / PACK);
      sums[row] = h0;
      sums[row + 1] = s0 - h0 * PACK;
    }
  }
  for (; row + 3 < end; row += 4) {
    const w0 = row * length;
    const w1 = w0 + length;
    const w2 = w1 + length;
    const w3 = w2 + length;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let k = 0; k < length; k++) {
      const v = patch[k];
      a0 += weights[w0 + k] * v;
      a1 += weights[w1 + k] * v;
      a2 += weights[w2 + k] * v;
      a3 += weights[w3 + k] * v;
    }
    sums[row] = a0;
    sums[row + 1] = a1;
    sums[row + 2] = a2;
    sums[row + 3] = a3;
  }
  for (; row < end; row++) {
    const w0 = row * length;
    let a0 = 0;
    for (let k = 0; k < length; k++) a0 += weights[w0 + k] * patch[k];
    sums[row] = a0;
  }
}

/**
 * float32 weights, accumulated in float32 in k order as TFLite's reference float kernels do, four rows
 * sharing each patch load: sums[o] for rows [first, end).
 */
export function dotRowsFloat32(
  weights: Float32Array,
  patch: Float64Array,
  length: number,
  first: number,
  end: number,
  sums: Float64Array,
): void {
  const fround = Math.fround;
  let row = first;
  for (; row + 3 < end; row += 4) {
    const w0 = row * length;
    const w1 = w0 + length;
    const w2 = w1 + length;
    const w3 = w2 + length;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let k = 0; k < length; k++) {
      const v = patch[k];
      a0 = fround(a0 + fround(weights[w0 + k] * v));
      a1 = fround(a1 + fround(weights[w1 + k] * v));
      a2 = fround(a2 + fround(weights[w2 + k] * v));
      a3 = fround(a3 + fround(weights[w3 + k] * v));
    }
    sums[row] = a0;
    sums[row + 1] = a1;
    sums[row + 2] = a2;
    sums[row + 3] = a3;
  }
  for (; row < end; row++) {
    const w0 = row * length;
    let a0 = 0;
    for (let k = 0; k < length; k++) a0 = fround(a0 + fround(weights[w0 + k] * patch[k]));
    sums[row] = a0;
  }
}
