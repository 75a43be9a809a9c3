import { type AddOp, elementCount } from '../../ir/graph';
import { floatActivationRange, quantizedActivationRange } from '../activationRange';
import { multiplyByQuantizedMultiplierSmallerThanOneExp as scaleDown } from '../fixedPoint';
import type { Kernel, OpContext } from '../opContext';
import { quantizeMultiplier } from '../quantizeMultiplier';

/** TFLite Micro's int8 ADD lifts both inputs by 2^20 before rescaling them to a common scale. */
const INT8_LEFT_SHIFT = 20;

/**
 * ADD with NumPy-style broadcasting: TFLite reference_ops::Add (float) and reference_integer_ops::AddFunc
 * (int8) with TFLite Micro's CalculateOpDataAdd multipliers.
 */
export function prepareAdd(ctx: OpContext): Kernel {
  const op = ctx.op as AddOp;
  ctx.expectInputCount(2, 2);
  const a = ctx.input(0, 'first input');
  const b = ctx.input(1, 'second input');
  const output = ctx.output();
  const outShape = ctx.tensor(output).shape;
  const broadcast = broadcastIndices(ctx, ctx.tensor(a).shape, ctx.tensor(b).shape, outShape);
  const count = elementCount(outShape);

  if (ctx.tensor(output).dtype === 'float32') {
    ctx.expectDtype(a, 'first input', 'float32');
    ctx.expectDtype(b, 'second input', 'float32');
    const { min, max } = floatActivationRange(op.activation);
    const x1 = ctx.buffers[a] as Float32Array;
    const x2 = ctx.buffers[b] as Float32Array;
    const y = ctx.allocateOutput() as Float32Array;
    const fround = Math.fround;
    return () => {
      for (let i = 0; i < count; i++) {
        const v = fround(
          x1[broadcast === null ? i : broadcast.first[i]] + x2[broadcast === null ? i : broadcast.second[i]],
        );
        y[i] = v < min ? min : v > max ? max : v;
      }
    };
  }

  ctx.expectDtype(a, 'first input', 'int8');
  ctx.expectDtype(b, 'second input', 'int8');
  ctx.expectDtype(output, 'output', 'int8');
  const q1 = ctx.quant(a, 'first input');
  const q2 = ctx.quant(b, 'second input');
  const outQ = ctx.quant(output, 'output');
  const twiceMaxInputScale = 2 * Math.max(q1.scale, q2.scale);
  const m1 = quantizeMultiplier(q1.scale / twiceMaxInputScale);
  const m2 = quantizeMultiplier(q2.scale / twiceMaxInputScale);
  const realOutputMultiplier = twiceMaxInputScale / ((1 << INT8_LEFT_SHIFT) * outQ.scale);
  if (!(realOutputMultiplier < 1)) {
    ctx.fail('interp-bad-quantization', 'the output scale is too small for the input scales (TFLite ADD).');
  }
  const mOut = quantizeMultiplier(realOutputMultiplier);
  const { min, max } = quantizedActivationRange(op.activation, outQ.scale, outQ.zeroPoint);
  const x1 = ctx.buffers[a] as Int8Array;
  const x2 = ctx.buffers[b] as Int8Array;
  const y = ctx.allocateOutput() as Int8Array;
  const offset1 = -q1.zeroPoint;
  const offset2 = -q2.zeroPoint;
  const lift = 1 << INT8_LEFT_SHIFT;

  return () => {
    for (let i = 0; i < count; i++) {
      const v1 = (x1[broadcast === null ? i : broadcast.first[i]] + offset1) * lift;
      const v2 = (x2[broadcast === null ? i : broadcast.second[i]] + offset2) * lift;
      const sum = (scaleDown(v1, m1.multiplier, m1.shift) + scaleDown(v2, m2.multiplier, m2.shift)) | 0;
      let v = scaleDown(sum, mOut.multiplier, mOut.shift) + outQ.zeroPoint;
      v = v < min ? min : v > max ? max : v;
      y[i] = v;
    }
  };
}

/**
 * For each output element, the element of each input it reads under NumPy broadcasting; null when both
 * inputs already have the output's shape.
 */
function broadcastIndices(
  ctx: OpContext,
  first: number[],
  second: number[],
  out: number[],
): { first: Int32Array; second: Int32Array } | null {
  const rank = Math.max(first.length, second.length);
  const a = [...Array<number>(rank - first.length).fill(1), ...first];
  const b = [...Array<number>(rank - second.length).fill(1), ...second];
  const expected = a.map((d, i) => (d === b[i] ? d : d === 1 ? b[i] : b[i] === 1 ? d : -1));
  if (expected.includes(-1) || expected.join() !== out.join()) {
    ctx.shapeMismatch(
      `shapes [${first.join(', ')}] and [${second.join(', ')}] do not broadcast to [${out.join(', ')}].`,
    );
  }
  if (first.join() === out.join() && second.join() === out.join()) return null;

  const count = elementCount(out);
  const firstIndex = new Int32Array(count);
  const secondIndex = new Int32Array(count);
  const stridesOf = (shape: number[]) => {
    const strides = new Array<number>(rank).fill(0);
    let stride = 1;
    for (let d = rank - 1; d >= 0; d--) {
      strides[d] = shape[d] === 1 ? 0 : stride;
      stride *= shape[d];
    }
    return strides;
  };
  const aStrides = stridesOf(a);
  const bStrides = stridesOf(b);
  const position = new Array<number>(rank).fill(0);
  for (let i = 0; i < count; i++) {
    let ai = 0;
    let bi = 0;
    for (let d = 0; d < rank; d++) {
      ai += position[d] * aStrides[d];
      bi += position[d] * bStrides[d];
    }
    firstIndex[i] = ai;
    secondIndex[i] = bi;
    for (let d = rank - 1; d >= 0; d--) {
      if (++position[d] < out[d]) break;
      position[d] = 0;
    }
  }
  return { first: firstIndex, second: secondIndex };
}
