/** ADD, MEAN, QUANTIZE and DEQUANTIZE: element-wise ops and reductions over flat row-major tensors. */
import { StudioError } from '../../errors';
import { type AddOp, elementCount, type MeanOp } from '../../ir/graph';
import { quantizedActivationRange } from '../../interp/activationRange';
import { meanMultiplier } from '../../interp/kernels/mean';
import { quantizeMultiplier } from '../../interp/quantizeMultiplier';
import { cFloat, cInt } from '../c/cLiterals';
import { type Field, floatRangeField, type LayerCode, type LayerContext } from './layerContext';

/** The rank limit of the C element-wise kernels (TML_MAX_RANK in tml_kernels.h). */
export const MAX_RANK = 6;
/** TFLite Micro's int8 ADD lifts both inputs by 2^20 before rescaling them. */
const ADD_LEFT_SHIFT = 20;

function padded(values: number[]): string {
  return `{${[...values, ...Array<number>(MAX_RANK - values.length).fill(0)].map(cInt).join(', ')}}`;
}

function expectRank(layer: LayerContext, rank: number): void {
  if (rank > MAX_RANK) {
    throw new StudioError(
      'codegen-unsupported',
      `Op ${layer.opIndex} (${layer.op.kind}): tensors of rank ${rank} are beyond the generated kernels' ${MAX_RANK}.`,
    );
  }
}

/** NumPy broadcasting of both inputs onto the output shape (validated by the interpreter). */
function broadcastField(layer: LayerContext, first: number[], second: number[], out: number[]): Field {
  const rank = out.length;
  expectRank(layer, Math.max(rank, first.length, second.length));
  const strides = (shape: number[]) => {
    const full = [...Array<number>(rank - shape.length).fill(1), ...shape];
    const result = new Array<number>(rank).fill(0);
    let stride = 1;
    for (let d = rank - 1; d >= 0; d--) {
      result[d] = full[d] === 1 ? 0 : stride;
      stride *= full[d];
    }
    return result;
  };
  return {
    value: [
      { value: cInt(rank), comment: 'rank' },
      { value: padded(out), comment: 'output shape' },
      { value: padded(strides(first)), comment: 'input 1 strides (0 repeats a dimension)' },
      { value: padded(strides(second)), comment: 'input 2 strides' },
    ],
    comment: 'broadcast',
  };
}

export function lowerAdd(layer: LayerContext): LayerCode {
  const op = layer.op as AddOp;
  const [a, b] = [layer.input(0), layer.input(1)];
  const output = layer.output();
  const outShape = layer.tensor(output).shape;
  const fields = [broadcastField(layer, layer.tensor(a).shape, layer.tensor(b).shape, outShape)];
  const int8 = layer.tensor(output).dtype === 'int8';
  if (int8) {
    // CalculateOpDataAdd, as the interpreter's prepareAdd.
    const q1 = layer.quant(a);
    const q2 = layer.quant(b);
    const outQ = layer.quant(output);
    const twiceMaxInputScale = 2 * Math.max(q1.scale, q2.scale);
    const m1 = quantizeMultiplier(q1.scale / twiceMaxInputScale);
    const m2 = quantizeMultiplier(q2.scale / twiceMaxInputScale);
    const mOut = quantizeMultiplier(twiceMaxInputScale / ((1 << ADD_LEFT_SHIFT) * outQ.scale));
    const { min, max } = quantizedActivationRange(op.activation, outQ.scale, outQ.zeroPoint);
    const named = (value: number, comment: string): Field => ({ value: cInt(value), comment });
    fields.push(
      named(-q1.zeroPoint, 'input 1 offset'),
      named(-q2.zeroPoint, 'input 2 offset'),
      named(ADD_LEFT_SHIFT, 'left shift'),
      named(m1.multiplier, 'input 1 multiplier'),
      named(m1.shift, 'input 1 shift'),
      named(m2.multiplier, 'input 2 multiplier'),
      named(m2.shift, 'input 2 shift'),
      named(mOut.multiplier, 'output multiplier'),
      named(mOut.shift, 'output shift'),
      named(outQ.zeroPoint, 'output offset'),
      named(min, 'activation min'),
      named(max, 'activation max'),
    );
  } else {
    fields.push(floatRangeField(op.activation));
  }
  const suffix = int8 ? 'int8' : 'f32';
  layer.params(`tml_add_${suffix}_t`, fields);
  return {
    comment: [
      layer.describe('input 1', a),
      layer.describe('input 2', b),
      layer.describe('output', output),
      `activation ${op.activation}`,
    ],
    call: layer.call(`tml_add_${suffix}`, [layer.ref(a), layer.ref(b), layer.ref(output)]),
  };
}

export function lowerMean(layer: LayerContext): LayerCode {
  const op = layer.op as MeanOp;
  const input = layer.input(0);
  const output = layer.output();
  const inShape = layer.tensor(input).shape;
  const rank = inShape.length;
  expectRank(layer, rank);
  const reduced = new Array<number>(rank).fill(0);
  for (const axis of layer.tensor(layer.input(1)).data!) reduced[axis < 0 ? axis + rank : axis] = 1;
  const count = inShape.reduce((n, d, i) => (reduced[i] ? n * d : n), 1);
  const fields: Field[] = [
    {
      value: [
        { value: cInt(rank), comment: 'rank' },
        { value: padded(inShape), comment: 'input shape' },
        { value: padded(reduced), comment: '1 for each reduced axis' },
      ],
      comment: 'reduction',
    },
  ];
  const int8 = layer.tensor(input).dtype === 'int8';
  if (int8) {
    const inQ = layer.quant(input);
    const outQ = layer.quant(output);
    const { multiplier, shift } = meanMultiplier(inQ.scale / outQ.scale, count);
    fields.push(
      { value: cInt(inQ.zeroPoint), comment: 'input zero point' },
      { value: cInt(multiplier), comment: `multiplier of input scale / output scale / ${count}` },
      { value: cInt(shift), comment: 'shift' },
      { value: cInt(outQ.zeroPoint), comment: 'output zero point' },
    );
  }
  const suffix = int8 ? 'int8' : 'f32';
  const axes = reduced.flatMap((r, i) => (r ? [i] : []));
  layer.params(`tml_mean_${suffix}_t`, fields);
  return {
    comment: [
      layer.describe('input', input),
      layer.describe('output', output),
      `mean over axes ${axes.join(', ')} (${count} values each)${op.keepDims ? ', dimensions kept' : ''}`,
    ],
    call: layer.call(`tml_mean_${suffix}`, [layer.ref(input), layer.ref(output)]),
  };
}

/** QUANTIZE (float32 → int8, or int8 → int8 requantisation) and DEQUANTIZE (int8 → float32). */
export function lowerQuantize(layer: LayerContext): LayerCode {
  const input = layer.input(0);
  const output = layer.output();
  const count = elementCount(layer.tensor(output).shape);
  const comment = [layer.describe('input', input), layer.describe('output', output)];
  const call = (kernel: string) => layer.call(kernel, [layer.ref(input), layer.ref(output)]);
  if (layer.op.kind === 'DEQUANTIZE') {
    const q = layer.quant(input);
    layer.params('tml_affine_t', affineFields(count, q.scale, q.zeroPoint, 'input'));
    return {
      comment,
      call: call('tml_dequantize_int8_to_f32'),
    };
  }
  const outQ = layer.quant(output);
  if (layer.tensor(input).dtype === 'float32') {
    layer.params('tml_affine_t', affineFields(count, outQ.scale, outQ.zeroPoint, 'output'));
    return {
      comment,
      call: call('tml_quantize_f32_to_int8'),
    };
  }
  const inQ = layer.quant(input);
  const { multiplier, shift } = quantizeMultiplier(inQ.scale / outQ.scale);
  layer.params('tml_requantize_int8_t', [
    { value: cInt(count), comment: 'values' },
    { value: cInt(inQ.zeroPoint), comment: 'input zero point' },
    { value: cInt(multiplier), comment: 'multiplier of input scale / output scale' },
    { value: cInt(shift), comment: 'shift' },
    { value: cInt(outQ.zeroPoint), comment: 'output zero point' },
  ]);
  return {
    comment,
    call: call('tml_requantize_int8'),
  };
}

export function affineFields(count: number, scale: number, zeroPoint: number, role: string): Field[] {
  return [
    { value: cInt(count), comment: 'values' },
    { value: cFloat(scale), comment: `${role} scale` },
    { value: cInt(zeroPoint), comment: `${role} zero point` },
  ];
}
