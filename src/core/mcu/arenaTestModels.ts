/**
 * Small graphs for the arena tests that between them use every op kind of the IR and every CMSIS-NN scratch
 * path. Only their structure matters to the arena (shapes, types, quantisation channel counts, op order), so
 * their constants are zeros. TFLITE_MICRO_MEASURED holds what TensorFlow Lite Micro itself reported for them.
 */
import type { Conv2DOp, DepthwiseConv2DOp, Graph, QuantParams, Tensor } from '../ir/graph';
import { activation, constant, quant } from '../interp/testGraphs';

/** A graph under construction: tensors are appended and referred to by the index `add` returns. */
class GraphBuilder {
  readonly tensors: Tensor[] = [];
  add(tensor: Tensor): number {
    return this.tensors.push(tensor) - 1;
  }
  int8(name: string, shape: number[], scale = 0.1, zeroPoint = 0): number {
    return this.add(activation(name, shape, 'int8', quant(scale, zeroPoint)));
  }
  float(name: string, shape: number[]): number {
    return this.add(activation(name, shape, 'float32'));
  }
  weights(name: string, shape: number[], q: QuantParams): number {
    return this.add(constant(name, shape, new Int8Array(shape.reduce((a, b) => a * b, 1)), q));
  }
  bias(name: string, channels: number): number {
    return this.add(constant(name, [channels], new Int32Array(channels), perChannel(channels, 0)));
  }
  axes(name: string, values: number[]): number {
    return this.add(constant(name, [values.length], Int32Array.from(values)));
  }
}

function perChannel(channels: number, dimension: number): QuantParams {
  return quant(
    Array.from({ length: channels }, (_, i) => 0.01 + 0.001 * i),
    0,
    dimension,
  );
}

const window = { strideH: 1, strideW: 1, dilationH: 1, dilationW: 1 };

function conv(inputs: number[], output: number, padding: 'SAME' | 'VALID', stride = 1): Conv2DOp {
  return {
    kind: 'CONV_2D',
    inputs,
    outputs: [output],
    padding,
    ...window,
    strideH: stride,
    strideW: stride,
    activation: 'RELU',
  };
}

function depthwise(inputs: number[], output: number, depthMultiplier: number): DepthwiseConv2DOp {
  return {
    kind: 'DEPTHWISE_CONV_2D',
    inputs,
    outputs: [output],
    padding: 'SAME',
    ...window,
    depthMultiplier,
    activation: 'NONE',
  };
}

/**
 * float in → QUANTIZE → CONV 3×3 → DEPTHWISE 3×3 → ADD (of the conv's and the depthwise's outputs: the conv's is
 * read by two ops) → MAX_POOL → MEAN (int8: three scratch buffers) → RESHAPE → FC (per-channel) → SOFTMAX →
 * DEQUANTIZE → float out.
 */
export function mixedInt8Graph(): Graph {
  const g = new GraphBuilder();
  const input = g.float('in', [1, 8, 8, 3]);
  const in8 = g.int8('in8', [1, 8, 8, 3], 0.05, 3);
  const w1 = g.weights('w1', [8, 3, 3, 3], perChannel(8, 0));
  const b1 = g.bias('b1', 8);
  const a = g.int8('a', [1, 8, 8, 8], 0.1, -5);
  const w2 = g.weights('w2', [1, 3, 3, 8], perChannel(8, 3));
  const b2 = g.bias('b2', 8);
  const b = g.int8('b', [1, 8, 8, 8], 0.08, 2);
  const c = g.int8('c', [1, 8, 8, 8], 0.15, -1);
  const p = g.int8('p', [1, 4, 4, 8], 0.15, -1);
  const axes = g.axes('axes', [1, 2]);
  const m = g.int8('m', [1, 1, 1, 8], 0.12);
  const shape = g.axes('shape', [1, 8]);
  const r = g.int8('r', [1, 8], 0.12);
  const w3 = g.weights('w3', [5, 8], perChannel(5, 0));
  const b3 = g.bias('b3', 5);
  const fc = g.int8('fc', [1, 5], 0.2, 4);
  const sm = g.int8('sm', [1, 5], 1 / 256, -128);
  const output = g.float('out', [1, 5]);
  return {
    tensors: g.tensors,
    inputs: [input],
    outputs: [output],
    ops: [
      { kind: 'QUANTIZE', inputs: [input], outputs: [in8] },
      conv([in8, w1, b1], a, 'SAME'),
      depthwise([a, w2, b2], b, 1),
      { kind: 'ADD', inputs: [a, b], outputs: [c], activation: 'NONE' },
      {
        kind: 'MAX_POOL_2D',
        inputs: [c],
        outputs: [p],
        padding: 'VALID',
        strideH: 2,
        strideW: 2,
        filterH: 2,
        filterW: 2,
        activation: 'NONE',
      },
      { kind: 'MEAN', inputs: [p, axes], outputs: [m], keepDims: true },
      { kind: 'RESHAPE', inputs: [m, shape], outputs: [r], newShape: [1, 8] },
      { kind: 'FULLY_CONNECTED', inputs: [r, w3, b3], outputs: [fc], activation: 'NONE' },
      { kind: 'SOFTMAX', inputs: [fc], outputs: [sm], beta: 1 },
      { kind: 'DEQUANTIZE', inputs: [sm], outputs: [output] },
    ],
  };
}

/** float32 throughout: CONV (per-channel arrays even so, in the reference build) → MEAN (two scratch) → FC → SOFTMAX. */
export function float32Graph(): Graph {
  const g = new GraphBuilder();
  const input = g.float('in', [1, 6, 6, 2]);
  const w1 = g.add(constant('w1', [4, 3, 3, 2], new Float32Array(72)));
  const b1 = g.add(constant('b1', [4], new Float32Array(4)));
  const a = g.float('a', [1, 4, 4, 4]);
  const axes = g.axes('axes', [1, 2]);
  const m = g.float('m', [1, 4]);
  const w2 = g.add(constant('w2', [3, 4], new Float32Array(12)));
  const fc = g.float('fc', [1, 3]);
  const sm = g.float('sm', [1, 3]);
  return {
    tensors: g.tensors,
    inputs: [input],
    outputs: [sm],
    ops: [
      { ...conv([input, w1, b1], a, 'VALID'), activation: 'RELU6' },
      { kind: 'MEAN', inputs: [a, axes], outputs: [m], keepDims: false },
      { kind: 'FULLY_CONNECTED', inputs: [m, w2, -1], outputs: [fc], activation: 'NONE' },
      { kind: 'SOFTMAX', inputs: [fc], outputs: [sm], beta: 1 },
    ],
  };
}

/**
 * The CMSIS-NN scratch paths: DEPTHWISE 5×5 (a buffer with DSP only), CONV 1×1 (none), CONV 3×3 stride 2 (im2col),
 * DEPTHWISE with multiplier 2 (none), AVERAGE_POOL (a buffer with DSP only), FC with a rank-4 output and
 * per-tensor weights (per-channel copies), SOFTMAX.
 */
export function cmsisNnPathsGraph(): Graph {
  const g = new GraphBuilder();
  const x = g.int8('x', [1, 10, 10, 8], 0.05, 1);
  const wd = g.weights('wd', [1, 5, 5, 8], perChannel(8, 3));
  const bd = g.bias('bd', 8);
  const d = g.int8('d', [1, 10, 10, 8]);
  const w1 = g.weights('w1', [16, 1, 1, 8], perChannel(16, 0));
  const b1 = g.bias('b1', 16);
  const c1 = g.int8('c1', [1, 10, 10, 16], 0.1, -3);
  const w2 = g.weights('w2', [8, 3, 3, 16], perChannel(8, 0));
  const b2 = g.bias('b2', 8);
  const c2 = g.int8('c2', [1, 5, 5, 8], 0.2, 2);
  const wm = g.weights('wm', [1, 3, 3, 16], perChannel(16, 3));
  const bm = g.bias('bm', 16);
  const dm = g.int8('dm', [1, 5, 5, 16], 0.2);
  const p = g.int8('p', [1, 1, 1, 16], 0.2);
  const wf = g.weights('wf', [4, 16], quant(0.02));
  const bf = g.add(constant('bf', [4], new Int32Array(4), quant(0.004)));
  const f = g.int8('f', [1, 1, 1, 4], 0.3, 1);
  const sm = g.int8('sm', [1, 1, 1, 4], 1 / 256, -128);
  return {
    tensors: g.tensors,
    inputs: [x],
    outputs: [sm],
    ops: [
      { ...depthwise([x, wd, bd], d, 1) },
      conv([d, w1, b1], c1, 'VALID'),
      conv([c1, w2, b2], c2, 'SAME', 2),
      depthwise([c2, wm, bm], dm, 2),
      {
        kind: 'AVERAGE_POOL_2D',
        inputs: [dm],
        outputs: [p],
        padding: 'VALID',
        strideH: 5,
        strideW: 5,
        filterH: 5,
        filterW: 5,
        activation: 'NONE',
      },
      { kind: 'FULLY_CONNECTED', inputs: [p, wf, bf], outputs: [f], activation: 'NONE' },
      { kind: 'SOFTMAX', inputs: [f], outputs: [sm], beta: 1 },
    ],
  };
}

/** A conv1d as the studio builds it (1×5 over [1, 1, T, C]: CMSIS-NN's 1×N path), then AVERAGE_POOL 1×2. */
export function conv1dGraph(): Graph {
  const g = new GraphBuilder();
  const x = g.int8('x', [1, 1, 32, 4], 0.05, 1);
  const w = g.weights('w', [8, 1, 5, 4], perChannel(8, 0));
  const b = g.bias('b', 8);
  const y = g.int8('y', [1, 1, 28, 8]);
  const p = g.int8('p', [1, 1, 14, 8]);
  return {
    tensors: g.tensors,
    inputs: [x],
    outputs: [p],
    ops: [
      conv([x, w, b], y, 'VALID'),
      {
        kind: 'AVERAGE_POOL_2D',
        inputs: [y],
        outputs: [p],
        padding: 'VALID',
        strideH: 1,
        strideW: 2,
        filterH: 1,
        filterW: 2,
        activation: 'NONE',
      },
    ],
  };
}

export interface MeasuredArena {
  head: number;
  total: number;
}

/**
 * MicroInterpreter::arena_used_bytes() after AllocateTensors() and the head (GetNonPersistentUsedBytes of a
 * RecordingMicroInterpreter), measured for this change: TFLM 90b983c (CMSIS-NN 4ab83cc) built with
 * arm-none-eabi-g++ 12.2 -O1, -mcpu=cortex-m4 -mfloat-abi=hard (reference and CMSIS-NN with DSP, run on QEMU's
 * mps2-an386) and -mcpu=cortex-m3 (CMSIS-NN without DSP, mps2-an385), a 16-byte aligned 200000-byte arena, the
 * models written by the studio's writer. The same build on the x86-64 host reproduces tflm_arena.json exactly.
 */
export const TFLITE_MICRO_MEASURED: Record<
  string,
  {
    graph?: () => Graph;
    reference: MeasuredArena;
    cmsisNn: MeasuredArena;
    cmsisNnNoDsp: MeasuredArena;
    host64: number;
  }
> = {
  'hello_world_int8.tflite': {
    reference: { head: 32, total: 676 },
    cmsisNn: { head: 32, total: 772 },
    cmsisNnNoDsp: { head: 32, total: 772 },
    host64: 1184,
  },
  'kws_ref_model.tflite': {
    reference: { head: 16000, total: 22772 },
    cmsisNn: { head: 16000, total: 22820 },
    cmsisNnNoDsp: { head: 16000, total: 22820 },
    host64: 24000,
  },
  mixedInt8: {
    graph: mixedInt8Graph,
    reference: { head: 1536, total: 3104 },
    cmsisNn: { head: 1536, total: 3168 },
    cmsisNnNoDsp: { head: 1536, total: 3168 },
    host64: 3936,
  },
  float32: {
    graph: float32Graph,
    reference: { head: 544, total: 1296 },
    cmsisNn: { head: 544, total: 1312 },
    cmsisNnNoDsp: { head: 544, total: 1312 },
    host64: 1792,
  },
  cmsisNnPaths: {
    graph: cmsisNnPathsGraph,
    reference: { head: 2400, total: 4052 },
    cmsisNn: { head: 2400, total: 4116 },
    cmsisNnNoDsp: { head: 2400, total: 4100 },
    host64: 4800,
  },
  conv1d: {
    graph: conv1dGraph,
    reference: { head: 352, total: 964 },
    cmsisNn: { head: 432, total: 1060 },
    cmsisNnNoDsp: { head: 432, total: 1060 },
    host64: 1312,
  },
};
