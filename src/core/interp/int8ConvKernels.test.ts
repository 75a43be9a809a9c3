/**
 * int8 kernels on hand-built graphs. Exact expectations where they can be worked out by hand (they pin
 * TFLite Micro's rounding choices); elsewhere a real-valued reference on the dequantised operands, which
 * TFLite's double-rounding requantisation must match to within one LSB (and exactly for most values).
 */

import { describe, expect, it } from 'vitest';
import type { Activation, Padding } from '../ir/graph';
import { referenceConv2D, referenceDepthwiseConv2D, referenceFullyConnected } from './referenceKernels';
import {
  activation,
  constant,
  dequantize,
  quant,
  randomInt8,
  seededRandom,
  singleOpGraph,
} from './testGraphs';
import { expectWithinOneLsb, quantisedWeights, run, spanning } from './int8TestHelpers';

describe('int8 FULLY_CONNECTED', () => {
  it('computes a hand-checked example exactly (multiplier 1)', () => {
    // input scale 0.5 × weights 0.25 / output 0.125 = 1: the output is the raw accumulator plus 3.
    const graph = singleOpGraph(
      activation('x', [1, 3], 'int8', quant(0.5, 0)),
      [
        constant('w', [2, 3], Int8Array.from([1, 1, 1, 2, -1, 0]), quant(0.25)),
        constant('b', [2], Int32Array.from([4, -100]), quant(0.125)),
      ],
      activation('y', [1, 2], 'int8', quant(0.125, 3)),
      { kind: 'FULLY_CONNECTED', activation: 'NONE' },
    );
    expect(run(graph, Int8Array.from([1, 2, 3]))).toEqual([13, -97]);
  });

  it('multiplies input and weights scales in float32 (CONV_2D uses double), as TFLite Micro does', () => {
    // With these float32 scales the two products give multipliers 1656135927 vs 1656135913, which turn
    // the accumulator 36182 into 55 vs 54.
    const [sIn, sW, sOut] = [0.010049999691545963, 0.003005000064149499, 0.02005000039935112];
    const bias = Int32Array.from([36182]);
    const fc = singleOpGraph(
      activation('x', [1, 1], 'int8', quant(sIn, 0)),
      [constant('w', [1, 1], Int8Array.from([1]), quant(sW)), constant('b', [1], bias)],
      activation('y', [1, 1], 'int8', quant(sOut, 0)),
      { kind: 'FULLY_CONNECTED', activation: 'NONE' },
    );
    const conv = singleOpGraph(
      activation('x', [1, 1, 1, 1], 'int8', quant(sIn, 0)),
      [constant('w', [1, 1, 1, 1], Int8Array.from([1]), quant(sW)), constant('b', [1], bias)],
      activation('y', [1, 1, 1, 1], 'int8', quant(sOut, 0)),
      {
        kind: 'CONV_2D',
        padding: 'VALID',
        strideH: 1,
        strideW: 1,
        dilationH: 1,
        dilationW: 1,
        activation: 'NONE',
      },
    );
    expect(run(fc, Int8Array.from([0]))).toEqual([55]);
    expect(run(conv, Int8Array.from([0]))).toEqual([54]);
  });

  it.each<[Activation, boolean, number]>([
    ['NONE', false, 40],
    ['RELU', false, 40],
    ['RELU6', true, 40],
    ['NONE', true, 1100],
  ])('is within one LSB of the real result (%s, per-channel %s, depth %i)', (act, perChannel, depth) => {
    const random = seededRandom(11);
    const [batches, outputs] = [3, 10];
    const x = randomInt8(batches * depth, random);
    const w = randomInt8(outputs * depth, random, -127, 127);
    const inQ = { scale: 0.05, zeroPoint: -7 };
    const { scales, bias, realBiasQuantised } = quantisedWeights(
      random,
      outputs,
      Array(outputs).fill(0.3),
      inQ.scale,
    );
    const wScales = perChannel ? scales : [scales[0]];
    const wReal = Array.from(w, (q, i) => q * wScales[perChannel ? Math.floor(i / depth) : 0]);
    const biasReal = perChannel ? realBiasQuantised : Array.from(bias, (b) => b * inQ.scale * scales[0]);
    const real = referenceFullyConnected(
      dequantize(x, inQ.scale, inQ.zeroPoint),
      batches,
      wReal,
      outputs,
      biasReal,
    );
    const outQ = spanning(real);
    const graph = singleOpGraph(
      activation('x', [batches, depth], 'int8', quant(inQ.scale, inQ.zeroPoint)),
      [constant('w', [outputs, depth], w, quant(wScales)), constant('b', [outputs], bias)],
      activation('y', [batches, outputs], 'int8', quant(outQ.scale, outQ.zeroPoint)),
      { kind: 'FULLY_CONNECTED', activation: act },
    );
    const clamped = act === 'RELU6' ? real.map((r) => Math.min(6, r)) : real;
    expectWithinOneLsb(run(graph, x), clamped, outQ.scale, outQ.zeroPoint, act);
  });

  it.each([
    [1028, [-63, 64]],
    [1029, [-64, 64]],
  ])(
    'stays exact at extreme sums with rows of length %i (at and past the packing limit)',
    (depth, expected) => {
      // Input −128 with zero point 127 is −255; rows of 127 and −128 sum to −32 385·depth and 32 640·depth,
      // the second just under 2^25 at length 1028. Multiplier 2^−19: −63.499 → −63, −63.56 → −64, 63.99 → 64.
      const w = new Int8Array(2 * depth);
      w.fill(127, 0, depth).fill(-128, depth);
      const graph = singleOpGraph(
        activation('x', [1, depth], 'int8', quant(1, 127)),
        [constant('w', [2, depth], w, quant(1))],
        activation('y', [1, 2], 'int8', quant(2 ** 19, 0)),
        { kind: 'FULLY_CONNECTED', activation: 'NONE' },
      );
      expect(run(graph, new Int8Array(depth).fill(-128))).toEqual(expected);
    },
  );
});

describe('int8 CONV_2D and DEPTHWISE_CONV_2D', () => {
  const convCases: [string, number[], number[], Padding, number, number][] = [
    ['SAME, stride 2, per channel', [1, 9, 7, 3], [8, 3, 3, 3], 'SAME', 2, 1],
    ['VALID, dilation 2', [1, 9, 8, 4], [5, 3, 2, 4], 'VALID', 1, 2],
    ['grouped, SAME', [1, 6, 6, 4], [6, 3, 3, 2], 'SAME', 1, 1],
    ['conv1d 1×5', [1, 1, 30, 6], [7, 1, 5, 6], 'SAME', 1, 1],
  ];
  it.each(convCases)(
    'CONV_2D %s is within one LSB of the real result',
    (_n, inShape, fShape, padding, stride, dil) => {
      const random = seededRandom(12);
      const inQ = { scale: 0.04, zeroPoint: 9 };
      const x = randomInt8(
        inShape.reduce((a, b) => a * b),
        random,
      );
      const w = randomInt8(
        fShape.reduce((a, b) => a * b),
        random,
        -127,
        127,
      );
      const { scales, bias, realBiasQuantised } = quantisedWeights(
        random,
        fShape[0],
        Array(fShape[0]).fill(-0.2),
        inQ.scale,
      );
      const perOut = fShape[1] * fShape[2] * fShape[3];
      const wReal = Array.from(w, (q, i) => q * scales[Math.floor(i / perOut)]);
      const params = { padding, strideH: stride, strideW: stride, dilationH: dil, dilationW: dil };
      const ref = referenceConv2D(
        dequantize(x, inQ.scale, inQ.zeroPoint),
        inShape,
        wReal,
        fShape,
        realBiasQuantised,
        params,
      );
      const outQ = spanning(ref.output);
      const graph = singleOpGraph(
        activation('x', inShape, 'int8', quant(inQ.scale, inQ.zeroPoint)),
        [constant('w', fShape, w, quant(scales)), constant('b', [fShape[0]], bias)],
        activation('y', ref.shape, 'int8', quant(outQ.scale, outQ.zeroPoint)),
        { kind: 'CONV_2D', activation: 'RELU', ...params },
      );
      expectWithinOneLsb(run(graph, x), ref.output, outQ.scale, outQ.zeroPoint, 'RELU');
    },
  );

  it.each<[Padding, number, number, number]>([
    ['SAME', 1, 1, 1],
    ['SAME', 2, 1, 2],
    ['VALID', 1, 2, 3],
  ])(
    'DEPTHWISE_CONV_2D %s stride %i dilation %i multiplier %i is within one LSB',
    (padding, stride, dil, mult) => {
      const random = seededRandom(13);
      const inShape = [1, 8, 7, 4];
      const fShape = [1, 3, 3, 4 * mult];
      const inQ = { scale: 0.03, zeroPoint: -128 };
      const x = randomInt8(8 * 7 * 4, random);
      const w = randomInt8(9 * 4 * mult, random, -127, 127);
      const { scales, bias, realBiasQuantised } = quantisedWeights(
        random,
        4 * mult,
        Array(4 * mult).fill(0.1),
        inQ.scale,
      );
      const wReal = Array.from(w, (q, i) => q * scales[i % (4 * mult)]);
      const params = { padding, strideH: stride, strideW: stride, dilationH: dil, dilationW: dil };
      const ref = referenceDepthwiseConv2D(
        dequantize(x, inQ.scale, inQ.zeroPoint),
        inShape,
        wReal,
        fShape,
        realBiasQuantised,
        mult,
        params,
      );
      const outQ = spanning(ref.output);
      const graph = singleOpGraph(
        activation('x', inShape, 'int8', quant(inQ.scale, inQ.zeroPoint)),
        [constant('w', fShape, w, quant(scales, 0, 3)), constant('b', [4 * mult], bias)],
        activation('y', ref.shape, 'int8', quant(outQ.scale, outQ.zeroPoint)),
        { kind: 'DEPTHWISE_CONV_2D', activation: 'NONE', depthMultiplier: mult, ...params },
      );
      expectWithinOneLsb(run(graph, x), ref.output, outQ.scale, outQ.zeroPoint, 'NONE');
    },
  );

  it('treats padded cells as the input zero point (a constant input stays constant)', () => {
    // Every input equals the zero point (real 0), so with SAME padding every output is just the bias.
    const graph = singleOpGraph(
      activation('x', [1, 4, 4, 1], 'int8', quant(0.1, 20)),
      [
        constant('w', [1, 3, 3, 1], new Int8Array(9).fill(100), quant(0.01)),
        constant('b', [1], Int32Array.from([500])),
      ],
      activation('y', [1, 4, 4, 1], 'int8', quant(0.05, 0)),
      {
        kind: 'CONV_2D',
        padding: 'SAME',
        strideH: 1,
        strideW: 1,
        dilationH: 1,
        dilationW: 1,
        activation: 'NONE',
      },
    );
    // 500 · 0.1 · 0.01 / 0.05 = 10.
    expect(run(graph, new Int8Array(16).fill(20))).toEqual(new Array(16).fill(10));
  });
});
