/**
 * gemmlowp's fixed-point transcendental helpers that TFLite's int8 softmax uses (fixedpoint.h:
 * exp_on_negative_values, one_over_one_plus_x_for_x_in_0_1; TFLite common.h: GetReciprocal). Raw int32
 * values; "Fn" below means a Q(n).(31−n) fixed-point number. `*` of two fixed-point numbers is
 * SaturatingRoundingDoublingHighMul, `+`/`−` wrap as int32.
 */
import {
  roundingDivideByPot,
  saturatingRoundingDoublingHighMul as mul,
  saturatingRoundingMultiplyByPot,
} from './fixedPoint';

const INT32_MAX = 2147483647;

/** exp(x) for x in [−1/4, 0), x and result in F0. */
function expOnIntervalBetweenNegativeOneQuarterAnd0Excl(a: number): number {
  const constantTerm = 1895147668; // exp(−1/8)
  const constantOneOverThree = 715827883;
  const x = (a + (1 << 28)) | 0; // a + 1/8
  const x2 = mul(x, x);
  const x3 = mul(x2, x);
  const x4 = mul(x2, x2);
  const x4Over4 = roundingDivideByPot(x4, 2);
  const polynomial = roundingDivideByPot((mul((x4Over4 + x3) | 0, constantOneOverThree) + x2) | 0, 1);
  return (constantTerm + mul(constantTerm, (x + polynomial) | 0)) | 0;
}

/** exp(n)·2^k barrel-shifter multipliers for the remainder bits 2^−2 … 2^4, as F0 raw values. */
const BARREL_MULTIPLIERS = [1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242];

/**
 * gemmlowp exp_on_negative_values for an input with `integerBits` integer bits (≤ 5, the softmax case,
 * so the −32 clamp of wider formats never applies); returns exp(a) in F0.
 */
export function expOnNegativeValues(a: number, integerBits: number): number {
  const fractionalBits = 31 - integerBits;
  const oneQuarter = 1 << (fractionalBits - 2);
  const aModQuarterMinusOneQuarter = ((a & (oneQuarter - 1)) - oneQuarter) | 0;
  let result = expOnIntervalBetweenNegativeOneQuarterAnd0Excl(
    saturatingRoundingMultiplyByPot(aModQuarterMinusOneQuarter, integerBits),
  );
  const remainder = (aModQuarterMinusOneQuarter - a) | 0;
  for (let exponent = -2; exponent <= 4; exponent++) {
    if (integerBits > exponent && (remainder & (1 << (fractionalBits + exponent))) !== 0) {
      result = mul(result, BARREL_MULTIPLIERS[exponent + 2]);
    }
  }
  return a === 0 ? INT32_MAX : result;
}

/** gemmlowp RoundingHalfSum<int32>: (a + b) / 2 rounded half away from zero, in 64-bit. */
function roundingHalfSum(a: number, b: number): number {
  const sum = a + b;
  return Math.trunc((sum + (sum >= 0 ? 1 : -1)) / 2);
}

/** 1 / (1 + x) for x in [0, 1), x in F0, result in F0 (Newton–Raphson, three iterations). */
export function oneOverOnePlusXForXIn01(a: number): number {
  const halfDenominator = roundingHalfSum(a, INT32_MAX);
  const constant48Over17 = 1515870810; // F2
  const constantNeg32Over17 = -1010580540; // F2
  const oneF2 = 1 << 29;
  let x = (constant48Over17 + mul(halfDenominator, constantNeg32Over17)) | 0;
  for (let i = 0; i < 3; i++) {
    const halfDenominatorTimesX = mul(halfDenominator, x);
    const oneMinusHalfDenominatorTimesX = (oneF2 - halfDenominatorTimesX) | 0;
    // F2 · F2 is an F4 value; Rescale<2> multiplies it by 2^2 with saturation.
    x = (x + saturatingRoundingMultiplyByPot(mul(x, oneMinusHalfDenominatorTimesX), 2)) | 0;
  }
  // ExactMulByPot<−1> turns the F2 raw value into F1; Rescale<0> from F1 doubles it.
  return saturatingRoundingMultiplyByPot(x, 1);
}

/**
 * TFLite GetReciprocal's scale: 1/x for a positive x, as F0 after normalising x to [1, 2). The caller shifts
 * by the bits x has above one: integer bits − Math.clz32(x).
 */
export function reciprocalScale(x: number): number {
  return oneOverOnePlusXForXIn01((((x << Math.clz32(x)) >>> 0) - 2147483648) | 0);
}
