import { describe, expect, it } from 'vitest';
import { channelHalfRanges, quantizeBias, quantizeSymmetric, widenForBias } from './weights';

const fround = Math.fround;

function quantize(values: number[], shape: number[], dimension: number | undefined) {
  const data = Float32Array.from(values);
  return quantizeSymmetric(data, shape, dimension, channelHalfRanges(data, shape, dimension));
}

describe('symmetric weights', () => {
  it('per channel along dimension 0 (CONV_2D filters [O,H,W,I])', () => {
    // Channel 0: 0.5, −1 (scale 1/127); channel 1: 0.25, 0.1 (scale 0.25/127).
    const q = quantize([0.5, -1, 0.25, 0.1], [2, 1, 1, 2], 0);
    expect(q.scales).toEqual([fround(1 / 127), fround(0.25 / 127)]);
    // 0.5·127 = 63.5 rounds away from zero to 64; 0.1·508 = 50.8 → 51.
    expect(Array.from(q.data)).toEqual([64, -127, 127, 51]);
  });

  it('per channel along dimension 3 (DEPTHWISE_CONV_2D filters [1,H,W,O])', () => {
    const q = quantize([0.5, 0.25, -1, 0.1], [1, 1, 2, 2], 3);
    expect(q.scales).toEqual([fround(1 / 127), fround(0.25 / 127)]);
    expect(Array.from(q.data)).toEqual([64, 127, -127, 51]);
  });

  it('per tensor (FULLY_CONNECTED weights [out, in])', () => {
    const q = quantize([0.5, -2, -1, 1], [2, 2], undefined);
    expect(q.scales).toEqual([fround(2 / 127)]);
    // −1 · 127/2 = −63.5 rounds away from zero to −64, as std::round does (Math.round would give −63).
    expect(Array.from(q.data)).toEqual([32, -127, -64, 64]);
  });

  it('an all-zero channel gets scale 1 and zeros', () => {
    const q = quantize([0, 0, 3, -3], [2, 2], 0);
    expect(q.scales).toEqual([1, fround(3 / 127)]);
    expect(Array.from(q.data)).toEqual([0, 0, 127, -127]);
  });
});

describe('bias', () => {
  it('is int32 with scale input·weight per channel', () => {
    const inputScale = 0.05;
    const weightScales = [fround(1 / 127), fround(0.25 / 127)];
    const q = quantizeBias(Float32Array.from([0.1, -0.02]), inputScale, weightScales);
    const scales = weightScales.map((w) => fround(fround(inputScale) * w));
    expect(q.scales).toEqual(scales);
    expect(Array.from(q.data)).toEqual([Math.round(0.1 / scales[0]), -Math.round(0.02 / scales[1])]);
  });

  it('shares the single scale of per-tensor weights', () => {
    const q = quantizeBias(Float32Array.from([1, -1, 0.5]), 0.5, [0.01]);
    expect(q.scales).toEqual([fround(0.005)]);
    expect(Array.from(q.data)).toEqual([200, -200, 100]);
  });

  it('widens the weights where the bias would overflow half the int32 range (AdjustWeightsForBiasScale)', () => {
    const weights = Float32Array.from([1e-9, -1e-9, 0.5, 0.2, 0, 0]);
    const bias = Float32Array.from([100, 0.1, 1]);
    const inputScale = 1e-3;
    const halfRanges = widenForBias(channelHalfRanges(weights, [3, 2], 0), bias, inputScale);
    const q = quantizeSymmetric(weights, [3, 2], 0, halfRanges);
    const b = quantizeBias(bias, inputScale, q.scales);
    // Channel 0: tiny weights, big bias → widened so the bias lands at about 2^30; channel 1 untouched;
    // channel 2: zero weights but a bias, so it gets a scale that still carries the bias.
    expect(b.data[0]).toBeCloseTo(1073741824, -3);
    expect(q.scales[1]).toBe(fround(0.5 / 127));
    expect(b.data[2]).toBeCloseTo(1073741824, -3);
    expect(Math.abs(b.data[2] * b.scales[2] - 1)).toBeLessThan(1e-6);
    expect(Array.from(q.data)).toEqual([0, 0, 127, 51, 0, 0]);
  });
});
