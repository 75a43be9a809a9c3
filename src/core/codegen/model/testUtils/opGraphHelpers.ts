/** What the op graphs for the generated-C tests share: the case type, seeded inputs and quantisation. */
import { elementCount, type Graph, type QuantParams, type TensorData } from '../../../ir/graph';
import { quant, randomFloat32, randomInt8 } from '../../../interp/testGraphs';

export interface OpCase {
  name: string;
  graph: Graph;
  inputs: TensorData[];
}

const INPUTS_PER_CASE = 5;
/** Standard deviation of a uniform int8 value. */
const INT8_SPREAD = 74;

export type Random = () => number;

export function count(shape: number[]): number {
  return elementCount(shape);
}

export function int8Inputs(shape: number[], random: Random): Int8Array[] {
  return Array.from({ length: INPUTS_PER_CASE }, () => randomInt8(count(shape), random));
}

export function floatInputs(shape: number[], random: Random, amplitude = 2): Float32Array[] {
  return Array.from({ length: INPUTS_PER_CASE }, () => randomFloat32(count(shape), random, amplitude));
}

/** Activation parameters with a float32 scale and a zero point in [−20, 20]. */
export function activationQuant(scale: number, random: Random): QuantParams {
  return quant(Math.fround(scale), Math.floor(random() * 41) - 20);
}

/** Output scale so that an int8 sum of `terms` products spreads over a good part of the int8 range. */
export function sumScale(inScale: number, weightScale: number, terms: number): number {
  return (inScale * weightScale * Math.sqrt(terms) * INT8_SPREAD * INT8_SPREAD) / 40;
}
