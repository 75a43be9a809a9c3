/**
 * Helpers for the interpreter's tests: building small graphs by hand, seeded pseudo-random data, and the
 * plain affine (de)quantisation that independent references use.
 */
import type { DType, Graph, Op, QuantParams, Tensor, TensorData } from '../ir/graph';

export function quant(
  scale: number | number[],
  zeroPoint: number | number[] = 0,
  quantizedDimension = 0,
): QuantParams {
  const scales = Array.isArray(scale) ? scale : [scale];
  const zeroPoints = Array.isArray(zeroPoint) ? zeroPoint : scales.map(() => zeroPoint);
  return { scale: scales, zeroPoint: zeroPoints, quantizedDimension };
}

export function activation(name: string, shape: number[], dtype: DType, q?: QuantParams): Tensor {
  return q === undefined ? { name, shape, dtype } : { name, shape, dtype, quant: q };
}

export function constant(name: string, shape: number[], data: TensorData, q?: QuantParams): Tensor {
  const dtype: DType =
    data instanceof Float32Array ? 'float32' : data instanceof Int8Array ? 'int8' : 'int32';
  return q === undefined ? { name, shape, dtype, data } : { name, shape, dtype, data, quant: q };
}

/** An op's kind and options, without its tensor indices. */
export type OpOptions = Op extends infer O ? (O extends Op ? Omit<O, 'inputs' | 'outputs'> : never) : never;

/** A one-op graph: tensor 0 is the input, the last tensor the output, constants in between. */
export function singleOpGraph(input: Tensor, constants: Tensor[], output: Tensor, op: OpOptions): Graph {
  const tensors = [input, ...constants, output];
  const inputs = [0, ...constants.map((_, i) => i + 1)];
  return {
    tensors,
    ops: [{ ...op, inputs, outputs: [tensors.length - 1] } as Op],
    inputs: [0],
    outputs: [tensors.length - 1],
  };
}

/** Deterministic values in [0, 1) (a 32-bit LCG), so failures reproduce. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

export function randomInt8(count: number, random: () => number, min = -128, max = 127): Int8Array {
  return Int8Array.from({ length: count }, () => min + Math.floor(random() * (max - min + 1)));
}

export function randomFloat32(count: number, random: () => number, amplitude = 1): Float32Array {
  return Float32Array.from({ length: count }, () => (random() * 2 - 1) * amplitude);
}

export function dequantize(values: ArrayLike<number>, scale: number, zeroPoint: number): number[] {
  return Array.from(values, (q) => scale * (q - zeroPoint));
}

/** Nearest int8 to real / scale + zero point, halves away from zero, saturated. */
export function quantizeValue(real: number, scale: number, zeroPoint: number): number {
  const scaled = real / scale;
  const rounded = Math.sign(scaled) * Math.floor(Math.abs(scaled) + 0.5);
  return Math.min(127, Math.max(-128, rounded + zeroPoint));
}

/** The largest |a[i] − b[i]|. */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}
