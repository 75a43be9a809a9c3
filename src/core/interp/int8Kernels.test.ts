/**
 * int8 kernels on hand-built graphs. Exact expectations where they can be worked out by hand (they pin
 * TFLite Micro's rounding choices); elsewhere a real-valued reference on the dequantised operands, which
 * TFLite's double-rounding requantisation must match to within one LSB (and exactly for most values).
 */

import { describe, expect, it } from 'vitest';
import type { Activation, Graph, QuantParams, Tensor } from '../ir/graph';
import { quantizedActivationRange } from './activationRange';
import { prepareInterpreter } from './interpreter';
import { referenceBroadcastAdd, referenceMean, referenceSoftmax } from './referenceKernels';
import {
  activation,
  constant,
  dequantize,
  quant,
  randomInt8,
  seededRandom,
  singleOpGraph,
} from './testGraphs';
import { expectWithinOneLsb, run, spanning } from './int8TestHelpers';

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
