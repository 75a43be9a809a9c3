/**
 * int8 kernels on hand-built graphs. Exact expectations where they can be worked out by hand (they pin
 * TFLite Micro's rounding choices); elsewhere a real-valued reference on the dequantised operands, which
 * TFLite's double-rounding requantisation must match to within one LSB (and exactly for most values).
 */
import { describe, expect, it } from 'vitest';
import type { Activation, Graph, Padding, QuantParams, Tensor } from '../ir/graph';
import { quantizedActivationRange } from './activationRange';
import { prepareInterpreter } from './interpreter';
import {
  referenceBroadcastAdd,
  referenceConv2D,
  referenceDepthwiseConv2D,
  referenceFullyConnected,
  referenceMean,
  referenceSoftmax,
} from './referenceKernels';
import {
  activation,
  constant,
  dequantize,
  quant,
  quantizeValue,
  randomInt8,
  seededRandom,
  singleOpGraph,
} from './testGraphs';

function run(graph: Graph, input: Int8Array | Float32Array): number[] {
  return Array.from(prepareInterpreter(graph).invoke([input])[0]);
}

/** Output quantisation that spans the given real values. */
function spanning(values: number[]): { scale: number; zeroPoint: number } {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const scale = Math.fround((hi - lo) / 255);
  return { scale, zeroPoint: Math.round(-128 - lo / scale) };
}

/** Every value within one LSB of the rounded real result, and at least 80% exactly equal. */
function expectWithinOneLsb(
  actual: number[],
  real: number[],
  scale: number,
  zeroPoint: number,
  act: Activation,
) {
  const { min, max } = quantizedActivationRange(act, scale, zeroPoint);
  const expected = real.map((r) => Math.min(max, Math.max(min, quantizeValue(r, scale, zeroPoint))));
  expect(actual.length).toBe(expected.length);
  let exact = 0;
  actual.forEach((v, i) => {
    if (Math.abs(v - expected[i]) > 1) expect.fail(`element ${i}: got ${v}, expected ${expected[i]} ± 1`);
    if (v === expected[i]) exact++;
  });
  expect(exact / actual.length).toBeGreaterThan(0.8);
}

/** Per-channel symmetric filter scales and a bias quantised with scale input·filter. */
function quantisedWeights(random: () => number, channels: number, realBias: number[], inScale: number) {
  const scales = Array.from({ length: channels }, () => Math.fround(0.004 + 0.012 * random()));
  const bias = Int32Array.from(realBias, (b, c) => Math.round(b / (inScale * scales[c])));
  const realBiasQuantised = Array.from(bias, (b, c) => b * inScale * scales[c]);
  return { scales, bias, realBiasQuantised };
}

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

describe('int8 pooling', () => {
  function poolGraph(kind: 'MAX_POOL_2D' | 'AVERAGE_POOL_2D', act: Activation, q: QuantParams): Graph {
    return singleOpGraph(
      activation('x', [1, 4, 5, 2], 'int8', q),
      [],
      activation('y', [1, 2, 3, 2], 'int8', q),
      {
        kind,
        padding: 'SAME',
        strideH: 2,
        strideW: 2,
        filterH: 3,
        filterW: 3,
        activation: act,
      },
    );
  }

  /** The in-image window of output (oy, ox) channel c for the 4×5 input, 3×3 filter, SAME, stride 2. */
  function windowValues(x: Int8Array, oy: number, ox: number, c: number): number[] {
    // SAME with stride 2: rows pad 1 (total 3−4+2·1... = 1 → 0 before), columns total 2 → 1 before.
    const values: number[] = [];
    for (let y = oy * 2; y < oy * 2 + 3; y++) {
      for (let xx = ox * 2 - 1; xx < ox * 2 + 2; xx++) {
        if (y < 4 && xx >= 0 && xx < 5) values.push(x[(y * 5 + xx) * 2 + c]);
      }
    }
    return values;
  }

  it('max pool takes the window maximum, then the fused activation clamp', () => {
    const x = randomInt8(40, seededRandom(14));
    const q = quant(0.1, -10);
    const { min } = quantizedActivationRange('RELU', 0.1, -10);
    const expected = [0, 1].flatMap((oy) =>
      [0, 1, 2].flatMap((ox) => [0, 1].map((c) => Math.max(min, ...windowValues(x, oy, ox, c)))),
    );
    expect(run(poolGraph('MAX_POOL_2D', 'RELU', q), x)).toEqual(expected);
  });

  it('average pool rounds exact halves away from zero (hand-checked: 1.5 → 2, −1.5 → −2)', () => {
    const q = quant(0.1, 0);
    const graph = singleOpGraph(
      activation('x', [1, 1, 4, 1], 'int8', q),
      [],
      activation('y', [1, 1, 2, 1], 'int8', q),
      {
        kind: 'AVERAGE_POOL_2D',
        padding: 'VALID',
        strideH: 1,
        strideW: 2,
        filterH: 1,
        filterW: 2,
        activation: 'NONE',
      },
    );
    expect(run(graph, Int8Array.from([1, 2, -1, -2]))).toEqual([2, -2]);
  });

  it('average pool divides by the in-image count, rounding halves away from zero', () => {
    const x = randomInt8(40, seededRandom(15));
    const expected = [0, 1].flatMap((oy) =>
      [0, 1, 2].flatMap((ox) =>
        [0, 1].map((c) => {
          const cells = windowValues(x, oy, ox, c);
          const sum = cells.reduce((s, v) => s + v, 0);
          const magnitude = Math.floor((2 * Math.abs(sum) + cells.length) / (2 * cells.length));
          return sum < 0 ? -magnitude : magnitude;
        }),
      ),
    );
    expect(run(poolGraph('AVERAGE_POOL_2D', 'NONE', quant(0.1, -10)), x)).toEqual(expected);
  });
});

describe('int8 SOFTMAX', () => {
  it('is within one LSB of the real softmax at scale 1/256, zero point −128', () => {
    const random = seededRandom(16);
    const x = randomInt8(4 * 12, random);
    for (const [scale, beta] of [
      [0.1, 1],
      [0.05, 2],
      [0.3, 1],
    ]) {
      const graph = singleOpGraph(
        activation('x', [4, 12], 'int8', quant(scale, 3)),
        [],
        activation('y', [4, 12], 'int8', quant(1 / 256, -128)),
        { kind: 'SOFTMAX', beta },
      );
      const real = referenceSoftmax(dequantize(x, scale, 3), 12, beta);
      expectWithinOneLsb(run(graph, x), real, 1 / 256, -128, 'NONE');
    }
  });

  it('gives equal logits equal shares and far-below-max logits the minimum', () => {
    const graph = singleOpGraph(
      activation('x', [1, 5], 'int8', quant(0.5, 0)),
      [],
      activation('y', [1, 5], 'int8', quant(1 / 256, -128)),
      { kind: 'SOFTMAX', beta: 1 },
    );
    // Four equal logits at 127 share 256 (64 each → 64 − 128 = −64); −128 is 127.5 below: exp ≈ 0.
    expect(run(graph, Int8Array.from([127, 127, 127, 127, -128]))).toEqual([-64, -64, -64, -64, -128]);
  });
});

describe('int8 ADD', () => {
  it('rounds an exact half away from zero (hand-checked)', () => {
    // Scales 0.5, 0.5 → 1: (3 + 4)·0.5 = 3.5 → 4, (−3 − 4)·0.5 = −3.5 → −4.
    const graph = singleOpGraph(
      activation('a', [2], 'int8', quant(0.5, 0)),
      [constant('b', [2], Int8Array.from([4, -4]), quant(0.5, 0))],
      activation('y', [2], 'int8', quant(1, 0)),
      { kind: 'ADD', activation: 'NONE' },
    );
    expect(run(graph, Int8Array.from([3, -3]))).toEqual([4, -4]);
  });

  it.each<[number[], number[], number[]]>([
    [
      [1, 3, 4, 5],
      [1, 3, 4, 5],
      [1, 3, 4, 5],
    ],
    [
      [1, 3, 4, 5],
      [1, 1, 1, 5],
      [1, 3, 4, 5],
    ],
    [
      [2, 1, 5],
      [3, 1],
      [2, 3, 5],
    ],
  ])('broadcasts %j + %j within one LSB', (aShape, bShape, outShape) => {
    const random = seededRandom(17);
    const a = randomInt8(
      aShape.reduce((x, y) => x * y),
      random,
    );
    const b = randomInt8(
      bShape.reduce((x, y) => x * y),
      random,
    );
    const [qa, qb] = [
      { scale: 0.04, zeroPoint: -3 },
      { scale: 0.07, zeroPoint: 10 },
    ];
    const real = referenceBroadcastAdd(
      dequantize(a, qa.scale, qa.zeroPoint),
      aShape,
      dequantize(b, qb.scale, qb.zeroPoint),
      bShape,
      outShape,
    );
    const outQ = spanning(real);
    const graph = singleOpGraph(
      activation('a', aShape, 'int8', quant(qa.scale, qa.zeroPoint)),
      [constant('b', bShape, b, quant(qb.scale, qb.zeroPoint))],
      activation('y', outShape, 'int8', quant(outQ.scale, outQ.zeroPoint)),
      { kind: 'ADD', activation: 'RELU6' },
    );
    expectWithinOneLsb(
      run(graph, a),
      real.map((r) => Math.min(6, r)),
      outQ.scale,
      outQ.zeroPoint,
      'RELU6',
    );
  });
});

describe('int8 MEAN', () => {
  it('rounds like TFLite Micro: (1 + 2)/2 → 2 but (−1 − 2)/2 → −1 (the high-mul rounds halves up)', () => {
    const graph = singleOpGraph(
      activation('x', [2, 2], 'int8', quant(1, 0)),
      [constant('axes', [1], Int32Array.from([1]))],
      activation('y', [2], 'int8', quant(1, 0)),
      { kind: 'MEAN', keepDims: false },
    );
    expect(run(graph, Int8Array.from([1, 2, -1, -2]))).toEqual([2, -1]);
  });

  it.each<[number[], number[], boolean, number[]]>([
    [[1, 5, 5, 8], [1, 2], true, [1, 1, 1, 8]],
    [[1, 25, 5, 4], [2, 1], false, [1, 4]],
    [[3, 4, 6], [-1], false, [3, 4]],
  ])('mean of %j over %j is within one LSB', (shape, axes, keepDims, outShape) => {
    const x = randomInt8(
      shape.reduce((a, b) => a * b),
      seededRandom(18),
    );
    const inQ = { scale: 0.05, zeroPoint: -20 };
    const positive = axes.map((a) => (a < 0 ? a + shape.length : a));
    const real = referenceMean(dequantize(x, inQ.scale, inQ.zeroPoint), shape, positive);
    const outQ = spanning(real);
    const graph = singleOpGraph(
      activation('x', shape, 'int8', quant(inQ.scale, inQ.zeroPoint)),
      [constant('axes', [axes.length], Int32Array.from(axes))],
      activation('y', outShape, 'int8', quant(outQ.scale, outQ.zeroPoint)),
      { kind: 'MEAN', keepDims },
    );
    expectWithinOneLsb(run(graph, x), real, outQ.scale, outQ.zeroPoint, 'NONE');
  });
});

describe('QUANTIZE, DEQUANTIZE and a chained graph', () => {
  function unary(kind: 'QUANTIZE' | 'DEQUANTIZE', input: Tensor, output: Tensor): Graph {
    return singleOpGraph(input, [], output, { kind });
  }

  it('quantizes float32 with round-half-away and saturation (hand-checked)', () => {
    const graph = unary(
      'QUANTIZE',
      activation('x', [6], 'float32'),
      activation('y', [6], 'int8', quant(0.5, 3)),
    );
    expect(run(graph, Float32Array.from([0.25, -0.25, 0.75, 100, -100, 1]))).toEqual([4, 2, 5, 127, -128, 5]);
  });

  it('requantizes int8 → int8 with TFLite’s multiplier (1.5 → 2, −1.5 → −1)', () => {
    const graph = unary(
      'QUANTIZE',
      activation('x', [4], 'int8', quant(1, 0)),
      activation('y', [4], 'int8', quant(2, 0)),
    );
    expect(run(graph, Int8Array.from([3, -3, 127, -128]))).toEqual([2, -1, 64, -64]);
  });

  it('requantizes with two roundings: −129 · 3/7 = −55.29 becomes −56, not −55', () => {
    // Multiplier 3/7 = 0.857… · 2^−1: the high-mul rounds −110.57 to −111, then halving rounds −55.5 away.
    const graph = unary(
      'QUANTIZE',
      activation('x', [1], 'int8', quant(0.03, 5)),
      activation('y', [1], 'int8', quant(0.07, 0)),
    );
    expect(run(graph, Int8Array.from([-124]))).toEqual([-56]);
  });

  it('requantizes random values within one LSB', () => {
    const x = randomInt8(256, seededRandom(19));
    const graph = unary(
      'QUANTIZE',
      activation('x', [256], 'int8', quant(0.05, 5)),
      activation('y', [256], 'int8', quant(0.07, -9)),
    );
    expectWithinOneLsb(run(graph, x), dequantize(x, 0.05, 5), 0.07, -9, 'NONE');
  });

  it('dequantizes to scale·(q − zero point) in float32', () => {
    const x = Int8Array.from([-128, -1, 0, 7, 127]);
    const graph = unary(
      'DEQUANTIZE',
      activation('x', [5], 'int8', quant(0.1, 7)),
      activation('y', [5], 'float32'),
    );
    expect(run(graph, x)).toEqual(Array.from(Float32Array.from(dequantize(x, Math.fround(0.1), 7))));
  });

  it('runs quantize → FC → reshape → dequantize, observing each op output in order', () => {
    const graph: Graph = {
      tensors: [
        activation('x', [1, 4], 'float32'),
        activation('xq', [1, 4], 'int8', quant(0.02, 0)),
        constant('w', [2, 4], Int8Array.from([50, -50, 25, 0, 10, 20, 30, 40]), quant(0.01)),
        activation('h', [1, 2], 'int8', quant(0.01, -5)),
        activation('hr', [2], 'int8', quant(0.01, -5)),
        activation('y', [2], 'float32'),
      ],
      ops: [
        { kind: 'QUANTIZE', inputs: [0], outputs: [1] },
        { kind: 'FULLY_CONNECTED', inputs: [1, 2, -1], outputs: [3], activation: 'NONE' },
        { kind: 'RESHAPE', inputs: [3], outputs: [4], newShape: [2] },
        { kind: 'DEQUANTIZE', inputs: [4], outputs: [5] },
      ],
      inputs: [0],
      outputs: [5],
    };
    const seen: number[] = [];
    const interpreter = prepareInterpreter(graph);
    const x = Float32Array.from([0.5, -0.3, 0.2, 0.9]);
    const [y] = interpreter.invoke([x], { observe: (index, data) => seen.push(index, data.length) });
    expect(seen).toEqual([1, 4, 3, 2, 4, 2, 5, 2]);
    // Real result: [0.5·0.5 + 0.3·0.5 + 0.2·0.25, 0.5·0.1 − 0.3·0.2 + 0.2·0.3 + 0.9·0.4] = [0.45, 0.41].
    expect(Math.abs(y[0] - 0.45)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(y[1] - 0.41)).toBeLessThanOrEqual(0.01);
    // Outputs are copies: changing one does not change the next invoke's result.
    y[0] = 99;
    expect(interpreter.invoke([x])[0][0]).not.toBe(99);
  });
});

describe('quantizedActivationRange', () => {
  it('quantizes the fused activation bounds with the output parameters', () => {
    expect(quantizedActivationRange('NONE', 0.1, 5)).toEqual({ min: -128, max: 127 });
    expect(quantizedActivationRange('RELU', 0.1, 5)).toEqual({ min: 5, max: 127 });
    expect(quantizedActivationRange('RELU6', 0.1, 5)).toEqual({ min: 5, max: 65 });
    expect(quantizedActivationRange('RELU6', 0.01, -128)).toEqual({ min: -128, max: 127 });
    expect(quantizedActivationRange('RELU_N1_TO_1', 0.02, 0)).toEqual({ min: -50, max: 50 });
  });
});
