import type { Activation } from '../ir/graph';
import { roundHalfAwayFromZero } from './fixedPoint';

export interface Range {
  min: number;
  max: number;
}

const FLOAT32_MAX = 3.4028234663852886e38;

/** TFLite CalculateActivationRange for float kernels; NONE clamps to ±FLT_MAX (so ±∞ become ±FLT_MAX). */
export function floatActivationRange(activation: Activation): Range {
  switch (activation) {
    case 'NONE':
      return { min: -FLOAT32_MAX, max: FLOAT32_MAX };
    case 'RELU':
      return { min: 0, max: FLOAT32_MAX };
    case 'RELU6':
      return { min: 0, max: 6 };
    case 'RELU_N1_TO_1':
      return { min: -1, max: 1 };
  }
}

/** TFLite's Quantize helper in kernel_util.cc: round(f / scale) in float32, plus the zero point. */
function quantizeForRange(value: number, scale: number, zeroPoint: number): number {
  return zeroPoint + roundHalfAwayFromZero(Math.fround(value / scale));
}

/**
 * TFLite CalculateActivationRangeQuantized for an int8 output: the fused activation's real bounds
 * quantised with the output's (float32) scale and zero point, intersected with [−128, 127].
 */
export function quantizedActivationRange(activation: Activation, scale: number, zeroPoint: number): Range {
  const qmin = -128;
  const qmax = 127;
  switch (activation) {
    case 'NONE':
      return { min: qmin, max: qmax };
    case 'RELU':
      return { min: Math.max(qmin, quantizeForRange(0, scale, zeroPoint)), max: qmax };
    case 'RELU6':
      return {
        min: Math.max(qmin, quantizeForRange(0, scale, zeroPoint)),
        max: Math.min(qmax, quantizeForRange(6, scale, zeroPoint)),
      };
    case 'RELU_N1_TO_1':
      return {
        min: Math.max(qmin, quantizeForRange(-1, scale, zeroPoint)),
        max: Math.min(qmax, quantizeForRange(1, scale, zeroPoint)),
      };
  }
}
