/** Running and checking int8 kernels on hand-built graphs, for the int8 kernel tests. */
import { expect } from 'vitest';
import type { Activation, Graph } from '../ir/graph';
import { quantizedActivationRange } from './activationRange';
import { prepareInterpreter } from './interpreter';
import { quantizeValue } from './testGraphs';

export function run(graph: Graph, input: Int8Array | Float32Array): number[] {
  return Array.from(prepareInterpreter(graph).invoke([input])[0]);
}

/** Output quantisation that spans the given real values. */
export function spanning(values: number[]): { scale: number; zeroPoint: number } {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const scale = Math.fround((hi - lo) / 255);
  return { scale, zeroPoint: Math.round(-128 - lo / scale) };
}

/** Every value within one LSB of the rounded real result, and at least 80% exactly equal. */
export function expectWithinOneLsb(
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
export function quantisedWeights(
  random: () => number,
  channels: number,
  realBias: number[],
  inScale: number,
) {
  const scales = Array.from({ length: channels }, () => Math.fround(0.004 + 0.012 * random()));
  const bias = Int32Array.from(realBias, (b, c) => Math.round(b / (inScale * scales[c])));
  const realBiasQuantised = Array.from(bias, (b, c) => b * inScale * scales[c]);
  return { scales, bias, realBiasQuantised };
}
