import { describe, expect, it } from 'vitest';
import {
  multiplyByQuantizedMultiplier,
  roundHalfAwayFromZero,
  roundingDivideByPot,
  saturatingRoundingDoublingHighMul,
  saturatingRoundingMultiplyByPot,
} from './fixedPoint';
import { expOnNegativeValues, oneOverOnePlusXForXIn01, reciprocalScale } from './fixedPointExp';
import { frexp, quantizeMultiplier } from './quantizeMultiplier';
import { meanMultiplier } from './kernels/mean';
import { seededRandom } from './testGraphs';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** gemmlowp's definition in 64-bit integers (BigInt division truncates toward zero, like C++). */
function srdhmReference(a: number, b: number): number {
  if (a === INT32_MIN && b === INT32_MIN) return INT32_MAX;
  const product = BigInt(a) * BigInt(b);
  const nudge = product >= 0n ? 1n << 30n : 1n - (1n << 30n);
  return Number((product + nudge) / (1n << 31n));
}

/** x / 2^exponent rounded to nearest, halves away from zero, in exact integers. */
function roundingDivideReference(x: number, exponent: number): number {
  const divisor = 1n << BigInt(exponent);
  const magnitude = BigInt(Math.abs(x));
  const rounded = (2n * magnitude + divisor) / (2n * divisor);
  return Number(x < 0 ? -rounded : rounded);
}

function randomInt32(random: () => number): number {
  return Math.floor(random() * 4294967296) - 2147483648;
}

const EDGE_VALUES = [
  0,
  1,
  -1,
  2,
  -2,
  3,
  1 << 15,
  -(1 << 15),
  65535,
  -65535,
  65536,
  -65536,
  1 << 30,
  -(1 << 30),
  INT32_MAX,
  INT32_MIN,
  INT32_MAX - 1,
  INT32_MIN + 1,
  1518500250,
  -1010580540,
  1895147668,
  123456789,
  -987654321,
];

describe('saturatingRoundingDoublingHighMul', () => {
  it('matches a BigInt reference on all pairs of edge values, INT32_MIN² saturating', () => {
    for (const a of EDGE_VALUES) {
      for (const b of EDGE_VALUES) expect(saturatingRoundingDoublingHighMul(a, b)).toBe(srdhmReference(a, b));
    }
    expect(saturatingRoundingDoublingHighMul(INT32_MIN, INT32_MIN)).toBe(INT32_MAX);
  });

  it('matches a BigInt reference on 200 000 random pairs of every magnitude', () => {
    const random = seededRandom(42);
    for (let i = 0; i < 200_000; i++) {
      const bits = 1 + Math.floor(random() * 32);
      const a = randomInt32(random) >> (32 - bits);
      const b = randomInt32(random);
      expect(saturatingRoundingDoublingHighMul(a, b)).toBe(srdhmReference(a, b));
    }
  });

  it('rounds products that are exact halves the gemmlowp way (up for positive, toward zero for negative)', () => {
    expect(saturatingRoundingDoublingHighMul(3, 1 << 30)).toBe(2); // 1.5
    expect(saturatingRoundingDoublingHighMul(-3, 1 << 30)).toBe(-1); // −1.5
  });
});

describe('roundingDivideByPot', () => {
  it('matches an exact round-half-away division for every exponent 0..31', () => {
    const random = seededRandom(7);
    for (let exponent = 0; exponent <= 31; exponent++) {
      for (const x of EDGE_VALUES)
        expect(roundingDivideByPot(x, exponent)).toBe(roundingDivideReference(x, exponent));
      for (let i = 0; i < 2000; i++) {
        const x = randomInt32(random);
        expect(roundingDivideByPot(x, exponent)).toBe(roundingDivideReference(x, exponent));
      }
    }
  });

  it('rounds ties away from zero', () => {
    expect(roundingDivideByPot(6, 2)).toBe(2); // 1.5
    expect(roundingDivideByPot(-6, 2)).toBe(-2);
    expect(roundingDivideByPot(5, 2)).toBe(1); // 1.25
    expect(roundingDivideByPot(-5, 2)).toBe(-1);
  });
});

describe('saturatingRoundingMultiplyByPot', () => {
  it('shifts left with saturation and right with rounding', () => {
    expect(saturatingRoundingMultiplyByPot(3, 4)).toBe(48);
    expect(saturatingRoundingMultiplyByPot(1 << 27, 4)).toBe(INT32_MAX);
    expect(saturatingRoundingMultiplyByPot(-(1 << 27), 4)).toBe(INT32_MIN);
    expect(saturatingRoundingMultiplyByPot(-(1 << 27) + 1, 4)).toBe((-(1 << 27) + 1) * 16);
    expect(saturatingRoundingMultiplyByPot(-6, -2)).toBe(-2);
    expect(saturatingRoundingMultiplyByPot(7, 0)).toBe(7);
  });
});

describe('multiplyByQuantizedMultiplier', () => {
  /** TFLite's double-rounding definition, in BigInt. */
  function reference(x: number, multiplier: number, shift: number): number {
    const left = shift > 0 ? shift : 0;
    const shifted = Number(BigInt.asIntN(32, BigInt(x) << BigInt(left)));
    return roundingDivideReference(srdhmReference(shifted, multiplier), shift > 0 ? 0 : -shift);
  }

  it('matches the reference for random accumulators, multipliers and shifts −31..7', () => {
    const random = seededRandom(99);
    for (let i = 0; i < 100_000; i++) {
      const x = randomInt32(random) >> Math.floor(random() * 31);
      const multiplier = (1 << 30) + Math.floor(random() * (1 << 30));
      const shift = Math.floor(random() * 39) - 31;
      expect(multiplyByQuantizedMultiplier(x, multiplier, shift)).toBe(reference(x, multiplier, shift));
    }
  });

  it('applies 0.75 · 2^−3 to 1000 as round(93.75) = 94', () => {
    const { multiplier, shift } = quantizeMultiplier(0.75 / 8);
    expect(multiplyByQuantizedMultiplier(1000, multiplier, shift)).toBe(94);
  });
});

describe('roundHalfAwayFromZero', () => {
  it('rounds like std::round', () => {
    expect(
      [0.5, 1.5, 2.5, -0.5, -1.5, 2.4999999, -2.5000001, 0.49999999999999994].map(roundHalfAwayFromZero),
    ).toEqual([1, 2, 3, -1, -2, 2, -3, 0]);
  });
});

describe('quantizeMultiplier', () => {
  it('splits like std::frexp, including subnormals', () => {
    for (const x of [1, 0.5, 0.75, 3, 1e-300, 5e-324, 123.456, 0.0032]) {
      const { fraction, exponent } = frexp(x);
      expect(fraction).toBeGreaterThanOrEqual(0.5);
      expect(fraction).toBeLessThan(1);
      expect(fraction * 2 ** exponent).toBe(x);
    }
  });

  it('gives TFLite’s Q0.31 multiplier and shift', () => {
    expect(quantizeMultiplier(0.5)).toEqual({ multiplier: 1 << 30, shift: 0 });
    expect(quantizeMultiplier(1)).toEqual({ multiplier: 1 << 30, shift: 1 });
    expect(quantizeMultiplier(0.75)).toEqual({ multiplier: 0x60000000, shift: 0 });
    expect(quantizeMultiplier(0)).toEqual({ multiplier: 0, shift: 0 });
    // A fraction that rounds up to 2^31 is renormalised to 2^30 with the shift bumped.
    expect(quantizeMultiplier(1 - 2 ** -40)).toEqual({ multiplier: 1 << 30, shift: 1 });
    // Below about 2^-31 the multiplier is flushed to zero.
    expect(quantizeMultiplier(2 ** -40)).toEqual({ multiplier: 0, shift: 0 });
  });

  it('reproduces the multiplier to within half a unit in the last place of Q0.31', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 1000; i++) {
      const real = Math.exp(random() * 20 - 14);
      const { multiplier, shift } = quantizeMultiplier(real);
      expect(multiplier).toBeGreaterThanOrEqual(1 << 30);
      expect(multiplier).toBeLessThanOrEqual(INT32_MAX);
      expect(Math.abs(multiplier * 2 ** (shift - 31) - real)).toBeLessThanOrEqual(2 ** (shift - 32));
    }
  });

  it('folds 1/count into the mean multiplier as 64-bit integer division', () => {
    // 1.0 = 2^30 · 2^(1−31); count 3: extra shift ⌊log2 3⌋ = 1, multiplier ⌊2^31 / 3⌋.
    expect(meanMultiplier(1, 3)).toEqual({ multiplier: 715827882, shift: 0 });
    // count 125 (a 25×5 mean): shift 6, ⌊2^30 · 2^6 / 125⌋.
    expect(meanMultiplier(1, 125)).toEqual({ multiplier: Math.floor(2 ** 36 / 125), shift: -5 });
  });
});

describe('gemmlowp fixed-point exp and reciprocal', () => {
  it('exp on Q5.26 negative values is within 3e-7 of Math.exp (its quartic on [−1/4, 0)) and exactly one at 0', () => {
    expect(expOnNegativeValues(0, 5)).toBe(INT32_MAX);
    for (let i = 0; i <= 2000; i++) {
      const real = -(i / 2000) * 31.9;
      const raw = Math.round(real * 2 ** 26);
      const result = expOnNegativeValues(raw, 5) / 2 ** 31;
      expect(Math.abs(result - Math.exp(raw / 2 ** 26))).toBeLessThan(3e-7);
    }
  });

  it('1/(1+x) on [0, 1) is within 5e-9', () => {
    for (let i = 0; i < 1000; i++) {
      const x = i / 1000;
      const raw = Math.round(x * 2 ** 31);
      expect(Math.abs(oneOverOnePlusXForXIn01(raw) / 2 ** 31 - 1 / (1 + raw / 2 ** 31))).toBeLessThan(5e-9);
    }
  });

  it('reciprocalScale normalises its input to [1, 2) before inverting', () => {
    // 3 in Q12.19 is 3·2^19; normalised it is 1.5, whose reciprocal is 2/3 in Q0.31.
    const scale = reciprocalScale(3 * 2 ** 19) / 2 ** 31;
    expect(Math.abs(scale - 2 / 3)).toBeLessThan(2e-9);
  });
});
