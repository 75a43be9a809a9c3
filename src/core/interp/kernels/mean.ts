import { elementCount, type MeanOp } from '../../ir/graph';
import { multiplyByQuantizedMultiplier } from '../fixedPoint';
import type { Kernel, OpContext } from '../opContext';
import { quantizeMultiplier } from '../quantizeMultiplier';

/**
 * MEAN over constant axes: TFLite reference_ops::Mean (float32 sums in input order, then one division)
 * and reference_ops::QuantizedMeanOrSum (int8, as TFLite Micro runs it for every axis set): an int32 sum,
 * then one requantisation whose multiplier already includes 1/count.
 */
export function prepareMean(ctx: OpContext): Kernel {
  const op = ctx.op as MeanOp;
  ctx.expectInputCount(2, 2);
  const input = ctx.input(0, 'input');
  const axesIndex = ctx.input(1, 'axes');
  const output = ctx.output();
  ctx.expectDtype(axesIndex, 'axes', 'int32');
  const axesData = ctx.expectConstant(axesIndex, 'axes');
  const inShape = ctx.tensor(input).shape;
  const rank = inShape.length;

  const reduced = new Array<boolean>(rank).fill(false);
  for (const axis of axesData) {
    const resolved = axis < 0 ? axis + rank : axis;
    if (!Number.isInteger(resolved) || resolved < 0 || resolved >= rank) {
      ctx.fail('interp-invalid-graph', `axis ${axis} is outside the input's ${rank} dimensions.`);
    }
    reduced[resolved] = true;
  }
  const keptShape = inShape.map((d, i) => (reduced[i] ? 1 : d));
  const expectedShape = op.keepDims ? keptShape : inShape.filter((_, i) => !reduced[i]);
  const outShape = ctx.tensor(output).shape;
  if (elementCount(outShape) !== elementCount(expectedShape)) {
    ctx.shapeMismatch(
      `the output has shape [${outShape.join(', ')}]; expected [${expectedShape.join(', ')}].`,
    );
  }
  const outputIndex = reductionTargets(inShape, reduced);
  const count = inShape.reduce((n, d, i) => (reduced[i] ? n * d : n), 1);
  const inCount = outputIndex.length;

  if (ctx.tensor(input).dtype === 'float32') {
    ctx.expectDtype(output, 'output', 'float32');
    const x = ctx.buffers[input] as Float32Array;
    const y = ctx.allocateOutput() as Float32Array;
    const fround = Math.fround;
    return () => {
      y.fill(0);
      for (let i = 0; i < inCount; i++) y[outputIndex[i]] = fround(y[outputIndex[i]] + x[i]);
      if (count > 0) for (let o = 0; o < y.length; o++) y[o] = fround(y[o] / count);
    };
  }

  ctx.expectDtype(input, 'input', 'int8');
  ctx.expectDtype(output, 'output', 'int8');
  const inQ = ctx.quant(input, 'input');
  const outQ = ctx.quant(output, 'output');
  const { multiplier, shift } = meanMultiplier(inQ.scale / outQ.scale, count);
  const x = ctx.buffers[input] as Int8Array;
  const y = ctx.allocateOutput() as Int8Array;
  const sums = new Int32Array(y.length);
  const zeroPointTotal = Math.imul(inQ.zeroPoint, count);
  return () => {
    sums.fill(0);
    for (let i = 0; i < inCount; i++) sums[outputIndex[i]] += x[i];
    if (count === 0) {
      y.fill(0);
      return;
    }
    for (let o = 0; o < y.length; o++) {
      const v =
        multiplyByQuantizedMultiplier((sums[o] - zeroPointTotal) | 0, multiplier, shift) + outQ.zeroPoint;
      y[o] = v < -128 ? -128 : v > 127 ? 127 : v;
    }
  };
}

/** For every input element (row-major), the index of the output element it is reduced into. */
function reductionTargets(shape: number[], reduced: boolean[]): Int32Array {
  const rank = shape.length;
  const strides = new Array<number>(rank).fill(0);
  let stride = 1;
  for (let d = rank - 1; d >= 0; d--) {
    if (!reduced[d]) {
      strides[d] = stride;
      stride *= shape[d];
    }
  }
  const targets = new Int32Array(elementCount(shape));
  const position = new Array<number>(rank).fill(0);
  for (let i = 0; i < targets.length; i++) {
    let target = 0;
    for (let d = 0; d < rank; d++) target += position[d] * strides[d];
    targets[i] = target;
    for (let d = rank - 1; d >= 0; d--) {
      if (++position[d] < shape[d]) break;
      position[d] = 0;
    }
  }
  return targets;
}

/**
 * QuantizeMultiplier(input/output scale) with 1/count folded in as QuantizedMeanOrSum does:
 * multiplier·2^s / count in 64-bit integers, s = min(⌊log2 count⌋, 32, 31 + shift).
 */
export function meanMultiplier(realMultiplier: number, count: number): { multiplier: number; shift: number } {
  const base = quantizeMultiplier(realMultiplier);
  if (count === 0) return base;
  const extraShift = Math.min(31 - Math.clz32(count), 32, 31 + base.shift);
  return {
    multiplier: Number((BigInt(base.multiplier) << BigInt(extraShift)) / BigInt(count)),
    shift: base.shift - extraShift,
  };
}
