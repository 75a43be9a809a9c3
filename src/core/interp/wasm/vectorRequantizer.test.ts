/**
 * The engine's SIMD requantisation against the reference MultiplyByQuantizedMultiplier (fixedPoint.ts, itself
 * checked against BigInt there) and a BigInt model of TFLite's definition: edge values, rounding ties and
 * millions of random accumulators, multipliers and shifts. A probe module runs the same emitted code
 * (VectorRequantizer) on int32 inputs and stores the unclamped int32 results.
 */
import { describe, expect, it } from 'vitest';
import { multiplyByQuantizedMultiplier } from '../fixedPoint';
import { requantizationRecords } from '../kernels/simd/int8Requantization';
import { seededRandom } from '../testGraphs';
import { assembleModule, FunctionBuilder, Simd } from './assembler';
import { REQUANTIZATION_GROUP_BYTES, VectorRequantizer } from './int8Module';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const BATCH = 4096;

/** probe(acc, groups, records, out, zeroPoint, min, max): out[i] = requantised acc[i] for 4·groups values. */
function probeModule(): Uint8Array<ArrayBuffer> {
  const f = new FunctionBuilder('probe', 7);
  const [acc, groups, records, out, zeroPoint, min, max] = [0, 1, 2, 3, 4, 5, 6];
  const g = f.local('i32');
  const v = f.local('v128');
  const requantizer = new VectorRequantizer(f, { zeroPoint, min, max });
  requantizer.prologue();
  f.i32(0).set(g);
  f.doWhile(g, 1, groups, () => {
    f.get(out).get(acc).simdMemory(Simd.v128Load, 4).set(v);
    requantizer.emit(v, records, 0);
    f.simdMemory(Simd.v128Store, 4);
    f.increment(acc, 16).increment(records, REQUANTIZATION_GROUP_BYTES).increment(out, 16);
  });
  return assembleModule([f]);
}

const memory = new WebAssembly.Memory({ initial: 2 + Math.ceil((BATCH * 40) / 65536) });
const probe = (
  new WebAssembly.Instance(new WebAssembly.Module(probeModule()), { env: { memory } }).exports as {
    probe: (...args: number[]) => void;
  }
).probe;
const heap32 = new Int32Array(memory.buffer);
const ACC = 0;
const OUT = BATCH * 4;
const RECORDS = BATCH * 8;

/** The engine's results for accumulators, multipliers and shifts (one channel each; length a multiple of 4). */
function engineRequantize(acc: Int32Array, multipliers: Int32Array, shifts: Int32Array): Int32Array {
  heap32.set(acc, ACC / 4);
  const records = requantizationRecords(
    { multipliers, shifts, outputOffset: 0, min: -128, max: 127 },
    acc.length,
  );
  heap32.set(records, RECORDS / 4);
  probe(ACC, acc.length / 4, RECORDS, OUT, 0, INT32_MIN, INT32_MAX);
  return heap32.slice(OUT / 4, OUT / 4 + acc.length);
}

/** TFLite's definition in BigInt: wrapping left shift, SaturatingRoundingDoublingHighMul, RoundingDivideByPOT. */
function bigIntReference(x: number, multiplier: number, shift: number): number {
  const shifted = BigInt(Math.imul(x, 1 << Math.max(shift, 0)));
  const product = shifted * BigInt(multiplier);
  const nudge = product >= 0n ? 1n << 30n : 1n - (1n << 30n);
  const high = (product + nudge) / (1n << 31n); // BigInt division truncates toward zero, like C++
  const exponent = BigInt(Math.max(-shift, 0));
  const mask = (1n << exponent) - 1n;
  const threshold = (mask >> 1n) + (high < 0n ? 1n : 0n);
  return Number((high >> exponent) + ((high & mask) > threshold ? 1n : 0n));
}

function expectAgreement(acc: number[], multipliers: number[], shifts: number[], bigInt = false): void {
  for (let start = 0; start < acc.length; start += BATCH) {
    const end = Math.min(acc.length, start + BATCH);
    const padded = Math.ceil((end - start) / 4) * 4;
    const a = new Int32Array(padded);
    const m = new Int32Array(padded);
    const s = new Int32Array(padded);
    a.set(acc.slice(start, end));
    m.set(multipliers.slice(start, end));
    s.set(shifts.slice(start, end));
    const got = engineRequantize(a, m, s);
    for (let i = 0; i < end - start; i++) {
      const expected = multiplyByQuantizedMultiplier(a[i], m[i], s[i]);
      if (got[i] !== expected || (bigInt && expected !== bigIntReference(a[i], m[i], s[i]))) {
        expect.fail(
          `acc ${a[i]}, multiplier ${m[i]}, shift ${s[i]}: engine ${got[i]}, reference ${expected}`,
        );
      }
    }
  }
}

const EDGE_ACCUMULATORS = [
  0,
  1,
  -1,
  2,
  -2,
  3,
  -3,
  127,
  -128,
  1 << 15,
  -(1 << 15),
  1 << 30,
  -(1 << 30),
  (1 << 30) + 1,
  -(1 << 30) - 1,
  INT32_MAX,
  INT32_MIN,
  INT32_MAX - 1,
  INT32_MIN + 1,
  123456789,
  -987654321,
];
const EDGE_MULTIPLIERS = [0, 1, 2, 1 << 30, (1 << 30) + 1, INT32_MAX, INT32_MAX - 1, 1518500250, 1073741823];

describe('VectorRequantizer (the engine’s MultiplyByQuantizedMultiplier)', () => {
  it('matches the reference and BigInt on every edge accumulator × multiplier × shift −31…31', () => {
    const acc: number[] = [];
    const multipliers: number[] = [];
    const shifts: number[] = [];
    for (const a of EDGE_ACCUMULATORS) {
      for (const m of EDGE_MULTIPLIERS) {
        for (let shift = -31; shift <= 31; shift++) {
          acc.push(a);
          multipliers.push(m);
          shifts.push(shift);
        }
      }
    }
    expectAgreement(acc, multipliers, shifts, true);
  });

  it('rounds ties in both steps as TFLite does (halves up in the high multiply, away from zero after)', () => {
    const acc: number[] = [];
    const multipliers: number[] = [];
    const shifts: number[] = [];
    for (let e = 0; e <= 31; e++) {
      for (let k = -40; k <= 40; k++) {
        // multiplier 2^30 halves: an odd accumulator is a tie of the high multiply …
        acc.push(2 * k + 1);
        multipliers.push(1 << 30);
        shifts.push(-e);
        // … and 2·(k·2^e + 2^(e−1)) halves exactly to a tie of the rounding division by 2^e.
        const tie = e === 0 ? k : k * 2 ** e + 2 ** (e - 1);
        if (Math.abs(2 * tie) <= INT32_MAX) {
          acc.push(2 * tie);
          multipliers.push(1 << 30);
          shifts.push(-e);
        }
      }
    }
    expectAgreement(acc, multipliers, shifts, true);
  });

  it('matches the reference on 2 000 000 random accumulators, multipliers and shifts', () => {
    const random = seededRandom(2024);
    const count = 2_000_000;
    const acc: number[] = [];
    const multipliers: number[] = [];
    const shifts: number[] = [];
    for (let i = 0; i < count; i++) {
      const bits = 1 + Math.floor(random() * 32);
      acc.push((Math.floor(random() * 4294967296) - 2147483648) >> (32 - bits));
      // QuantizeMultiplier's range [2^30, 2^31) most of the time, anything non-negative otherwise.
      multipliers.push(
        random() < 0.8 ? (1 << 30) + Math.floor(random() * (1 << 30)) : Math.floor(random() * 2 ** 31),
      );
      shifts.push(random() < 0.8 ? -Math.floor(random() * 16) : Math.floor(random() * 63) - 31);
    }
    expectAgreement(acc, multipliers, shifts);
    // A BigInt spot check of the same distribution.
    expectAgreement(acc.slice(0, 20_000), multipliers.slice(0, 20_000), shifts.slice(0, 20_000), true);
  });

  it('adds the zero point and clamps after requantising', () => {
    const acc = Int32Array.from([1000, -1000, 40, -40]);
    const multipliers = new Int32Array(4).fill(1 << 30); // × 0.5
    heap32.set(acc, ACC / 4);
    heap32.set(
      requantizationRecords({ multipliers, shifts: new Int32Array(4), outputOffset: 0, min: 0, max: 0 }, 4),
      RECORDS / 4,
    );
    probe(ACC, 1, RECORDS, OUT, 3, -20, 100);
    expect(Array.from(heap32.subarray(OUT / 4, OUT / 4 + 4))).toEqual([100, -20, 23, -17]);
  });
});
