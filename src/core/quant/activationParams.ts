import { roundHalfAwayFromZero } from '../interp/fixedPoint';
import type { Activation } from '../ir/graph';
import type { AffineParams, ValueRange } from './ranges';

const QMIN = -128;
const QMAX = 127;

/** TFLite's int8 softmax output is fixed: scale 1/256, zero point −128 (the quantisation spec). */
export const SOFTMAX_OUTPUT_PARAMS: AffineParams = { scale: 1 / 256, zeroPoint: -128 };

/** A fused activation bounds what its op can output, so the calibrated range is cut to those bounds. */
export function tightenForActivation(range: ValueRange, activation: Activation): ValueRange {
  switch (activation) {
    case 'NONE':
      return range;
    case 'RELU':
      return { min: Math.max(range.min, 0), max: Math.max(range.max, 0) };
    case 'RELU6':
      return { min: clamp(range.min, 0, 6), max: clamp(range.max, 0, 6) };
    case 'RELU_N1_TO_1':
      return { min: clamp(range.min, -1, 1), max: clamp(range.max, -1, 1) };
  }
}

/**
 * int8 asymmetric parameters for a calibrated range, in float32 as TFLite's post-training quantiser does it
 * (lite/tools/optimize GetAsymmetricQuantizationParams): the range is widened to contain 0, scale =
 * (max − min) / 255, and the zero point −128 − min / scale is rounded half away from zero and clamped to
 * [−128, 127], so that real 0 is exactly representable. A range of exactly 0 (say a dead ReLU layer) would
 * give scale 0, which no kernel accepts; it gets scale 1 instead, and every value quantises to 0 either way.
 */
export function asymmetricParams(range: ValueRange): AffineParams {
  const fround = Math.fround;
  const min = fround(Math.min(range.min, 0));
  const max = fround(Math.max(range.max, 0));
  const scale = fround(fround(max - min) / (QMAX - QMIN));
  if (scale === 0) return { scale: 1, zeroPoint: QMIN };
  const zeroPointFromMin = fround(QMIN - fround(min / scale));
  const zeroPoint =
    zeroPointFromMin < QMIN ? QMIN : zeroPointFromMin > QMAX ? QMAX : roundHalfAwayFromZero(zeroPointFromMin);
  return { scale, zeroPoint };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
