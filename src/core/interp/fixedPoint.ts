/**
 * Integer fixed-point primitives exactly as TFLite Micro's reference kernels use them (gemmlowp
 * `fixedpoint.h` and TFLite `kernels/internal/common.{h,cc}`, double-rounding build, i.e. without
 * TFLITE_SINGLE_ROUNDING). All values are int32 held in JS numbers; int32 overflow wraps as on the target.
 */

const TWO_POW_31 = 2147483648;
/** Below this magnitude a double product plus a 2^30 nudge is still exact. */
const EXACT_PRODUCT_LIMIT = 4503599627370496; // 2^52
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * gemmlowp SaturatingRoundingDoublingHighMul<int32>: (a·b + nudge) / 2^31 in 64-bit integers, truncated
 * toward zero, with nudge = 2^30 for a non-negative product and 1 − 2^30 otherwise; INT32_MIN² saturates.
 */
export function saturatingRoundingDoublingHighMul(a: number, b: number): number {
  if (a === INT32_MIN && b === INT32_MIN) return INT32_MAX;
  const product = a * b;
  if (product < EXACT_PRODUCT_LIMIT && product > -EXACT_PRODUCT_LIMIT) {
    return Math.trunc((product + (product >= 0 ? 1073741824 : -1073741823)) / TWO_POW_31) | 0;
  }
  return highMulSplit(a, b, a > 0 === b > 0);
}

/**
 * The same result for products beyond 2^52, without BigInt: b = bh·2^16 + bl, a·bh = h1·2^15 + h0, so
 * a·b + nudge = h1·2^31 + r with every partial product and r exact in a double.
 */
function highMulSplit(a: number, b: number, productIsNonNegative: boolean): number {
  const bl = b & 0xffff;
  const bh = b >> 16;
  const hi = a * bh;
  const h1 = Math.floor(hi / 32768);
  const h0 = hi - h1 * 32768;
  const r = h0 * 65536 + a * bl + (productIsNonNegative ? 1073741824 : -1073741823);
  const carry = Math.floor(r / TWO_POW_31);
  const quotient = h1 + carry;
  const remainder = r - carry * TWO_POW_31;
  // quotient is the floor of the exact division; C++ integer division truncates toward zero.
  return (quotient < 0 && remainder !== 0 ? quotient + 1 : quotient) | 0;
}

/** gemmlowp RoundingDivideByPOT: arithmetic shift right by 0..31, rounding half away from zero. */
export function roundingDivideByPot(x: number, exponent: number): number {
  const mask = ((1 << exponent) - 1) | 0;
  const remainder = x & mask;
  const threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

/**
 * gemmlowp SaturatingRoundingMultiplyByPOT<exponent> for a compile-time exponent: a saturating left shift
 * for exponent > 0, RoundingDivideByPOT for exponent < 0.
 */
export function saturatingRoundingMultiplyByPot(x: number, exponent: number): number {
  if (exponent === 0) return x;
  if (exponent < 0) return roundingDivideByPot(x, -exponent);
  const threshold = (1 << (31 - exponent)) - 1;
  if (x > threshold) return INT32_MAX;
  if (x < -threshold) return INT32_MIN;
  return x * (1 << exponent);
}

/**
 * TFLite MultiplyByQuantizedMultiplier(int32 x, multiplier, shift), double rounding: left shift (wrapping),
 * SaturatingRoundingDoublingHighMul, then RoundingDivideByPOT for a negative shift.
 */
export function multiplyByQuantizedMultiplier(x: number, multiplier: number, shift: number): number {
  if (shift > 0) return saturatingRoundingDoublingHighMul(Math.imul(x, 1 << shift), multiplier);
  return roundingDivideByPot(saturatingRoundingDoublingHighMul(x, multiplier), -shift);
}

/** TFLite MultiplyByQuantizedMultiplierSmallerThanOneExp: `leftShift` ≤ 0. */
export function multiplyByQuantizedMultiplierSmallerThanOneExp(
  x: number,
  multiplier: number,
  leftShift: number,
): number {
  return roundingDivideByPot(saturatingRoundingDoublingHighMul(x, multiplier), -leftShift);
}

/** TFLite MultiplyByQuantizedMultiplierGreaterThanOne: `leftShift` ≥ 0. */
export function multiplyByQuantizedMultiplierGreaterThanOne(
  x: number,
  multiplier: number,
  leftShift: number,
): number {
  return saturatingRoundingDoublingHighMul(Math.imul(x, 1 << leftShift), multiplier);
}

/** std::round / TfLiteRound: nearest integer, halves away from zero (exact for every double). */
export function roundHalfAwayFromZero(x: number): number {
  const magnitude = Math.abs(x);
  let rounded = Math.floor(magnitude);
  if (magnitude - rounded >= 0.5) rounded += 1;
  return x < 0 ? -rounded : rounded;
}
