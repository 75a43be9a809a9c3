/**
 * The shape of a kernel's cost (costKernels.ts, costFloatKernels.ts, costGenerated.ts): which loop runs an op, its
 * instruction mix for one inference, and the constant bytes it reads from flash.
 */
import type { Mix } from './costMix';
import { sumMixes } from './costMix';
import type { OpWork } from './opWork';

export type Runtime = 'tflm-reference' | 'tflm-cmsis-nn' | 'studio-generated';

export interface KernelPlan {
  /** The library routine or loop that runs the op. */
  path: string;
  /** 'window' for convolutions (im2col and window bookkeeping), 'matrix' for FC, 'other' for the rest. */
  group: 'window' | 'matrix' | 'other';
  mix: Mix;
  /** Bytes of constant data read from flash in one inference, re-reads included. */
  constantReads: number;
}

export function plan(
  path: string,
  group: KernelPlan['group'],
  terms: ReadonlyArray<readonly [Mix, number]>,
  reads: number,
): KernelPlan {
  return { path, group, mix: sumMixes(terms), constantReads: reads };
}

function weightBytes(w: OpWork): number {
  return w.constantBytes - w.biasElements * 4;
}

/** Weight bytes read per inference when the weights are re-read once per `pixelsPerPass` outputs, unless cached. */
export function constantReads(w: OpWork, passes: number, dataCacheBytes: number): number {
  const weights = weightBytes(w);
  return weights * (weights <= dataCacheBytes ? 1 : passes) + w.biasElements * 4;
}

/** Per window tap of a reference convolution: the is-inside-image test and the row/column index set-up. */
export const REFERENCE_TAP: Mix = { int: { alu: 6, branch: 1 } };

/** Window taps of a convolution: one per output element and kernel cell, padding included. */
export const taps = (w: OpWork) => w.outputElements * w.kernelH * w.kernelW;
