import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import type { Activation, Graph, Op, QuantParams, Tensor } from '../ir/graph';
import { elementCount } from '../ir/graph';
import { calibrate } from './calibrate';
import { quantizeGraph } from './quantizeGraph';
import type { ValueRange } from './ranges';
import { conv1dNet, randomWindows } from './testModels';

const INT8_IO = { inputType: 'int8', outputType: 'int8' } as const;
const fround = Math.fround;

function setup(classes = 4) {
  const float = conv1dNet(11, 32, 3, classes);
  const ranges = calibrate(float, randomWindows(200, 96, 12), { method: 'minmax' });
  return { float, ranges, int8: quantizeGraph(float, ranges, INT8_IO) };
}

function only(q: QuantParams | undefined): { scale: number; zeroPoint: number } {
  expect(q).toBeDefined();
  expect(q!.scale).toHaveLength(1);
  expect(q!.zeroPoint).toHaveLength(1);
  return { scale: q!.scale[0], zeroPoint: q!.zeroPoint[0] };
}

/** Spec for an activation: int8, one scale, 0 exactly representable, scale = (max − min)/255 of the widened range. */
function expectActivationFromRange(t: Tensor, range: ValueRange) {
  expect(t.dtype).toBe('int8');
  expect(t.data).toBeUndefined();
  const { scale, zeroPoint } = only(t.quant);
  const min = Math.min(range.min, 0);
  const max = Math.max(range.max, 0);
  expect(scale).toBe(fround(fround(max - min) / 255));
  expect(Number.isInteger(zeroPoint) && zeroPoint >= -128 && zeroPoint <= 127).toBe(true);
  // The nudged grid still covers the range to within half a step at each end.
  expect(scale * (-128 - zeroPoint)).toBeLessThanOrEqual(min + scale / 2);
  expect(scale * (127 - zeroPoint)).toBeGreaterThanOrEqual(max - scale / 2);
}

/** Symmetric int8 weights: zero points 0, values in [−127, 127], a ±127 in every channel, error ≤ scale/2. */
function expectSymmetricWeights(q: Tensor, f: Tensor, dimension: number | undefined) {
  expect(q.dtype).toBe('int8');
  const data = q.data as Int8Array;
  const channels = dimension === undefined ? 1 : f.shape[dimension];
  const stride = dimension === undefined ? data.length : elementCount(f.shape.slice(dimension + 1));
  expect(q.quant!.scale).toHaveLength(channels);
  expect(q.quant!.zeroPoint).toEqual(new Array(channels).fill(0));
  expect(q.quant!.quantizedDimension).toBe(dimension ?? 0);
  const peak = new Array<number>(channels).fill(0);
  data.forEach((v, i) => {
    const c = Math.floor(i / stride) % channels;
    const scale = q.quant!.scale[c];
    expect(v).toBeGreaterThanOrEqual(-127);
    expect(v).toBeLessThanOrEqual(127);
    expect(Math.abs(v * scale - (f.data as Float32Array)[i])).toBeLessThanOrEqual(scale / 2 + 1e-9);
    peak[c] = Math.max(peak[c], Math.abs(v));
  });
  expect(peak).toEqual(new Array(channels).fill(127));
}

/** int32 bias, scale = input scale · weight scale per channel, zero point 0, error ≤ scale/2. */
function expectBias(q: Tensor, f: Tensor, inputScale: number, weightScales: number[]) {
  expect(q.dtype).toBe('int32');
  expect(q.quant!.scale).toEqual(weightScales.map((w) => fround(inputScale * w)));
  expect(q.quant!.zeroPoint).toEqual(weightScales.map(() => 0));
  Array.from(q.data as Int32Array).forEach((v, i) => {
    const scale = q.quant!.scale[weightScales.length === 1 ? 0 : i];
    expect(Math.abs(v * scale - (f.data as Float32Array)[i])).toBeLessThanOrEqual(scale / 2 + 1e-9);
  });
}

describe('quantizeGraph: TFLite int8 spec on a graph with every op kind', () => {
  it('gives every tensor the dtype and params the spec asks for', () => {
    const { float, ranges, int8 } = setup();
    expect(int8.ops.map((op) => op.kind)).toEqual(float.ops.map((op) => op.kind));
    expect(new Set(float.ops.map((op) => op.kind))).toEqual(
      new Set([
        'RESHAPE',
        'CONV_2D',
        'MAX_POOL_2D',
        'DEPTHWISE_CONV_2D',
        'AVERAGE_POOL_2D',
        'FULLY_CONNECTED',
        'SOFTMAX',
      ]),
    );
    expect(int8.tensors.map((t) => t.name)).toEqual(float.tensors.map((t) => t.name));
    expectActivationFromRange(int8.tensors[0], ranges.get(0)!);

    for (const op of float.ops) {
      const [input, weights, bias] = op.inputs;
      const output = op.outputs[0];
      const inQ = only(int8.tensors[input].quant);
      const out = int8.tensors[output];
      switch (op.kind) {
        case 'CONV_2D':
        case 'DEPTHWISE_CONV_2D':
        case 'FULLY_CONNECTED': {
          const dimension = op.kind === 'CONV_2D' ? 0 : op.kind === 'DEPTHWISE_CONV_2D' ? 3 : undefined;
          expectSymmetricWeights(int8.tensors[weights], float.tensors[weights], dimension);
          expectBias(int8.tensors[bias], float.tensors[bias], inQ.scale, int8.tensors[weights].quant!.scale);
          expectActivationFromRange(out, ranges.get(output)!);
          if (op.activation === 'RELU' || op.activation === 'RELU6')
            expect(only(out.quant).zeroPoint).toBe(-128);
          break;
        }
        case 'MAX_POOL_2D':
        case 'AVERAGE_POOL_2D':
        case 'RESHAPE':
          expect(out.dtype).toBe('int8');
          expect(only(out.quant)).toEqual(inQ);
          if (op.kind === 'RESHAPE') expect(int8.tensors[op.inputs[1]]).toEqual(float.tensors[op.inputs[1]]);
          break;
        case 'SOFTMAX':
          expect(out.dtype).toBe('int8');
          expect(only(out.quant)).toEqual({ scale: 1 / 256, zeroPoint: -128 });
          break;
        default:
          throw new Error(`unexpected op ${op.kind}`);
      }
    }
  });

  it('a regression head ends in an int8 linear FULLY_CONNECTED with calibrated params', () => {
    const { float, ranges, int8 } = setup(0);
    const last = int8.ops[int8.ops.length - 1];
    expect(last.kind).toBe('FULLY_CONNECTED');
    expect(int8.outputs).toEqual(float.outputs);
    expectActivationFromRange(int8.tensors[int8.outputs[0]], ranges.get(float.outputs[0])!);
  });

  it('a fused activation tightens the output range', () => {
    const { float, ranges } = setup();
    const paramsFor = (activation: Activation, range: ValueRange) => {
      const op = float.ops.find((o) => o.kind === 'DEPTHWISE_CONV_2D')!;
      const graph: Graph = {
        ...float,
        ops: float.ops.map((o) => (o === op ? ({ ...o, activation } as Op) : o)),
      };
      const wide = new Map(ranges).set(op.outputs[0], range);
      return only(quantizeGraph(graph, wide, INT8_IO).tensors[op.outputs[0]].quant);
    };
    const scaleOf = (min: number, max: number) => fround(fround(max - min) / 255);
    expect(paramsFor('RELU6', { min: -3, max: 50 })).toEqual({ scale: scaleOf(0, 6), zeroPoint: -128 });
    expect(paramsFor('RELU', { min: -3, max: 50 })).toEqual({ scale: scaleOf(0, 50), zeroPoint: -128 });
    expect(paramsFor('RELU_N1_TO_1', { min: -3, max: 50 })).toEqual({ scale: scaleOf(-1, 1), zeroPoint: -1 });
    expect(paramsFor('NONE', { min: -3, max: 50 }).scale).toBe(scaleOf(-3, 50));
  });

  it('float32 input/output adds QUANTIZE first and DEQUANTIZE last, keeping the interface tensors float', () => {
    const { float, ranges, int8 } = setup();
    const io = quantizeGraph(float, ranges, { inputType: 'float32', outputType: 'float32' });
    const [first, last] = [io.ops[0], io.ops[io.ops.length - 1]];
    expect(io.ops.map((op) => op.kind)).toEqual([
      'QUANTIZE',
      ...float.ops.map((op) => op.kind),
      'DEQUANTIZE',
    ]);
    expect(io.inputs).toEqual(float.inputs);
    expect(io.outputs).toEqual(float.outputs);
    expect(first.inputs).toEqual(float.inputs);
    expect(last.outputs).toEqual(float.outputs);
    expect(io.tensors[float.inputs[0]]).toEqual(float.tensors[float.inputs[0]]);
    expect(io.tensors[float.outputs[0]]).toEqual(float.tensors[float.outputs[0]]);
    const inputTwin = io.tensors[first.outputs[0]];
    const outputTwin = io.tensors[last.inputs[0]];
    expect(inputTwin).toEqual({ ...int8.tensors[float.inputs[0]], name: 'input_int8' });
    expect(outputTwin).toEqual({ ...int8.tensors[float.outputs[0]], name: 'output_int8' });
    expect(io.ops[1].inputs[0]).toBe(first.outputs[0]);
    expect(io.ops[io.ops.length - 2].outputs[0]).toBe(last.inputs[0]);
  });

  it('leaves the float graph untouched and keeps its description', () => {
    const float = conv1dNet(11);
    const before = structuredClone(float);
    const ranges = calibrate(float, randomWindows(20, 96, 12), { method: 'minmax' });
    const int8 = quantizeGraph(float, ranges, { inputType: 'float32', outputType: 'float32' });
    expect(float).toEqual(before);
    expect(int8.description).toBe(float.description);
  });
});

describe('quantizeGraph errors', () => {
  function codeOf(f: () => unknown): string {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(StudioError);
      return (e as StudioError).code;
    }
    throw new Error('expected a StudioError');
  }

  it('rejects ops outside the int8 set, missing or broken ranges, and models already quantised', () => {
    const { float, ranges, int8 } = setup();
    const withAdd: Graph = {
      ...float,
      ops: [
        ...float.ops,
        {
          kind: 'ADD',
          activation: 'NONE',
          inputs: [float.outputs[0], float.outputs[0]],
          outputs: [float.tensors.length],
        },
      ],
      tensors: [...float.tensors, { name: 'sum', shape: [1, 4], dtype: 'float32' }],
    };
    expect(codeOf(() => quantizeGraph(withAdd, ranges, INT8_IO))).toBe('quant-unsupported-op');

    const dense = float.ops.find((op) => op.kind === 'FULLY_CONNECTED')!.outputs[0];
    const missing = new Map(ranges);
    missing.delete(dense);
    expect(codeOf(() => quantizeGraph(float, missing, INT8_IO))).toBe('quant-missing-range');
    expect(
      codeOf(() => quantizeGraph(float, new Map(ranges).set(dense, { min: 0, max: Infinity }), INT8_IO)),
    ).toBe('quant-bad-range');
    expect(codeOf(() => quantizeGraph(int8, ranges, INT8_IO))).toBe('quant-not-float');
  });
});
