import { roundHalfAwayFromZero } from './fixedPoint';

/** A real multiplier as TFLite stores it: multiplier · 2^(shift − 31), multiplier a Q0.31 int32. */
export interface QuantizedMultiplier {
  multiplier: number;
  shift: number;
}

const frexpView = new DataView(new ArrayBuffer(8));
const SMALLEST_NORMAL = 2.2250738585072014e-308;
const TWO_POW_64 = 18446744073709551616;

/** std::frexp for a finite non-zero double: x = fraction · 2^exponent with |fraction| in [0.5, 1). */
export function frexp(x: number): { fraction: number; exponent: number } {
  const subnormal = Math.abs(x) < SMALLEST_NORMAL;
  frexpView.setFloat64(0, subnormal ? x * TWO_POW_64 : x);
  const high = frexpView.getUint32(0);
  const biasedExponent = (high >>> 20) & 0x7ff;
  // Replace the exponent field with 1022 (2^-1), keeping sign and mantissa.
  frexpView.setUint32(0, ((high & 0x800fffff) | (1022 << 20)) >>> 0);
  return { fraction: frexpView.getFloat64(0), exponent: biasedExponent - 1022 - (subnormal ? 64 : 0) };
}

/**
 * TFLite QuantizeMultiplier (quantization_util.cc, non-emulated path): frexp, round the fraction to Q0.31
 * half away from zero, renormalise 2^31, flush multipliers below about 2^-31 to zero.
 */
export function quantizeMultiplier(realMultiplier: number): QuantizedMultiplier {
  if (realMultiplier === 0) return { multiplier: 0, shift: 0 };
  const { fraction, exponent } = frexp(realMultiplier);
  let fixed = roundHalfAwayFromZero(fraction * 2147483648);
  let shift = exponent;
  if (fixed === 2147483648) {
    fixed /= 2;
    shift += 1;
  }
  if (shift < -31) return { multiplier: 0, shift: 0 };
  return { multiplier: fixed, shift };
}
