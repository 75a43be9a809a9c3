import { roundHalfAwayFromZero } from '../interp/fixedPoint';
import { elementCount } from '../ir/graph';

const WEIGHT_QMAX = 127;
const INT32_MAX = 2147483647;

/** Symmetric int8 weights and their scales: one scale, or one per channel along the quantised dimension. */
export interface QuantizedWeights {
  data: Int8Array;
  scales: number[];
}

export interface QuantizedBias {
  data: Int32Array;
  scales: number[];
}

/**
 * Where the channel of each flat element is found: element i lies in channel ⌊i / stride⌋ mod count.
 * `dimension` undefined means per tensor (a single channel).
 */
function channelLayout(shape: readonly number[], dimension: number | undefined) {
  if (dimension === undefined) return { count: 1, stride: Math.max(1, elementCount(shape)) };
  return { count: shape[dimension], stride: elementCount(shape.slice(dimension + 1)) };
}

/** The largest |w| of each channel along `dimension` (one entry when per tensor), as float32 values. */
export function channelHalfRanges(
  values: Float32Array,
  shape: readonly number[],
  dimension: number | undefined,
): Float64Array {
  const { count, stride } = channelLayout(shape, dimension);
  const halfRanges = new Float64Array(count);
  for (let i = 0; i < values.length; i++) {
    const channel = Math.floor(i / stride) % count;
    halfRanges[channel] = Math.max(halfRanges[channel], Math.abs(values[i]));
  }
  return halfRanges;
}

/**
 * TFLite's AdjustWeightsForBiasScale (lite/tools/optimize): where a bias would need more than half of the
 * int32 range at scale input·weight, the weights' range is widened until it fits, so the bias never
 * saturates. This also gives a channel whose weights are all zero a usable scale when its bias is not zero.
 */
export function widenForBias(halfRanges: Float64Array, bias: Float32Array, inputScale: number): Float64Array {
  const widened = Float64Array.from(halfRanges);
  const needed = (b: number) => Math.fround(((2 * b) / INT32_MAX) * (WEIGHT_QMAX / inputScale));
  if (halfRanges.length === 1) {
    const biasHalfRange = bias.reduce((m, b) => Math.max(m, Math.abs(b)), 0);
    const weightScale = Math.fround(halfRanges[0] / WEIGHT_QMAX);
    if (biasHalfRange / INT32_MAX >= 0.5 * inputScale * weightScale) widened[0] = needed(biasHalfRange);
    return widened;
  }
  for (let c = 0; c < halfRanges.length; c++) {
    const weightScale = Math.fround(halfRanges[c] / WEIGHT_QMAX);
    if (Math.abs(bias[c]) >= 0.5 * inputScale * weightScale * INT32_MAX)
      widened[c] = needed(Math.abs(bias[c]));
  }
  return widened;
}

/**
 * Symmetric int8 weights as TFLite's post-training quantiser makes them (SymmetricPerChannelQuantization and
 * SymmetricQuantizeFloats, float32 arithmetic): scale = halfRange / 127, q = round(w · 127 / halfRange) half
 * away from zero, clamped to [−127, 127], zero point 0. A channel with a zero half range gets scale 1 (its
 * values are all 0), since kernels need a positive scale.
 */
export function quantizeSymmetric(
  values: Float32Array,
  shape: readonly number[],
  dimension: number | undefined,
  halfRanges: Float64Array,
): QuantizedWeights {
  const fround = Math.fround;
  const { count, stride } = channelLayout(shape, dimension);
  const scales: number[] = [];
  const inverses = new Float64Array(count);
  for (let c = 0; c < count; c++) {
    const halfRange = fround(halfRanges[c]);
    scales.push(halfRange === 0 ? 1 : fround(halfRange / WEIGHT_QMAX));
    inverses[c] = halfRange === 0 ? 0 : fround(WEIGHT_QMAX / halfRange);
  }
  const data = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const q = roundHalfAwayFromZero(fround(values[i] * inverses[Math.floor(i / stride) % count]));
    data[i] = Math.max(-WEIGHT_QMAX, Math.min(WEIGHT_QMAX, q));
  }
  return { data, scales };
}

/**
 * int32 bias with scale input·weight per channel (one scale when the weights are per tensor), zero point 0:
 * TFLite's SymmetricPerChannelBiasQuantize / SymmetricPerLayerBiasQuantize, q = round(b · (1 / scale)) in
 * float32, clamped to ±(2^31 − 1).
 */
export function quantizeBias(
  bias: Float32Array,
  inputScale: number,
  weightScales: readonly number[],
): QuantizedBias {
  const fround = Math.fround;
  const scales = weightScales.map((w) => fround(fround(inputScale) * fround(w)));
  const inverses = scales.map((s) => fround(1 / s));
  const data = new Int32Array(bias.length);
  for (let i = 0; i < bias.length; i++) {
    const q = roundHalfAwayFromZero(fround(bias[i] * inverses[scales.length === 1 ? 0 : i]));
    data[i] = Math.max(-INT32_MAX, Math.min(INT32_MAX, q));
  }
  return { data, scales };
}
