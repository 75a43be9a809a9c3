import { StudioError } from '../errors';
import {
  type DType,
  elementCount,
  type Graph,
  OMITTED,
  type OpKind,
  type Tensor,
  type TensorData,
} from '../ir/graph';
import { prepareAdd } from './kernels/add';
import { prepareConv2D } from './kernels/conv2d';
import { prepareDepthwiseConv2D } from './kernels/depthwiseConv2d';
import { prepareDequantize } from './kernels/dequantize';
import { prepareFullyConnected } from './kernels/fullyConnected';
import { prepareMean } from './kernels/mean';
import { preparePool2D } from './kernels/pool2d';
import { prepareQuantize } from './kernels/quantize';
import { prepareReshape } from './kernels/reshape';
import { prepareSoftmax } from './kernels/softmax';
import { allocateTensorData, type Kernel, OpContext } from './opContext';
import { Int8Engine } from './wasm/int8Engine';

export interface InvokeOptions {
  /**
   * Called after each op with each of its output tensors. `data` is the interpreter's own buffer: read it
   * during the call, do not keep or modify it.
   */
  observe?: (tensorIndex: number, data: TensorData) => void;
}

export interface PrepareOptions {
  /**
   * 'simd' (the default): int8 convolutions and matrix products run as WebAssembly SIMD kernels where the
   * engine supports them; 'reference': the plain TypeScript kernels. Both give the same bits.
   */
  int8Kernels?: 'simd' | 'reference';
}

export interface Interpreter {
  /** Runs the graph on one input per graph input (in order); returns copies of the graph outputs. */
  invoke(inputs: TensorData[], options?: InvokeOptions): TensorData[];
  readonly inputTensors: Tensor[];
  readonly outputTensors: Tensor[];
}

const KERNELS: Record<OpKind, (ctx: OpContext) => Kernel> = {
  FULLY_CONNECTED: prepareFullyConnected,
  CONV_2D: prepareConv2D,
  DEPTHWISE_CONV_2D: prepareDepthwiseConv2D,
  MAX_POOL_2D: preparePool2D,
  AVERAGE_POOL_2D: preparePool2D,
  RESHAPE: prepareReshape,
  SOFTMAX: prepareSoftmax,
  QUANTIZE: prepareQuantize,
  DEQUANTIZE: prepareDequantize,
  ADD: prepareAdd,
  MEAN: prepareMean,
};

/**
 * Validates a graph, precomputes every kernel's plan (multipliers, padded weights, offsets folded into the
 * biases) and allocates every activation buffer and the WebAssembly memory once. int8 results are bit-exact
 * with TFLite Micro's reference kernels on either int8 path; float32 follows TFLite's reference float
 * kernels with float32 accumulation.
 */
export function prepareInterpreter(graph: Graph, options?: PrepareOptions): Interpreter {
  validateTensors(graph);
  const int8Engine = options?.int8Kernels === 'reference' ? null : Int8Engine.create();
  const buffers: TensorData[] = new Array<TensorData>(graph.tensors.length);
  const available = new Array<boolean>(graph.tensors.length).fill(false);
  graph.tensors.forEach((t, i) => {
    if (t.data !== undefined) {
      buffers[i] = t.data;
      available[i] = true;
    }
  });
  for (const i of graph.inputs) {
    checkIndex(graph, i, 'graph input');
    if (available[i]) fail('interp-invalid-graph', `Graph input tensor ${i} is a constant.`);
    buffers[i] = allocateTensorData(graph.tensors[i].dtype, elementCount(graph.tensors[i].shape));
    available[i] = true;
  }

  const steps = graph.ops.map((op, opIndex) => {
    const ctx = new OpContext(graph, buffers, opIndex, op, int8Engine);
    const prepare = KERNELS[op.kind] as ((ctx: OpContext) => Kernel) | undefined;
    if (prepare === undefined) {
      fail('interp-unsupported-op', `Op ${opIndex} has unsupported kind ${op.kind}.`);
    }
    for (const i of op.inputs) {
      if (i === OMITTED) continue;
      checkIndex(graph, i, `input of op ${opIndex} (${op.kind})`);
      if (!available[i]) {
        ctx.fail('interp-invalid-graph', `input ${ctx.describe(i)} is not computed by an earlier op.`);
      }
    }
    if (op.outputs.length !== 1) {
      ctx.fail('interp-invalid-graph', `expected 1 output, got ${op.outputs.length}.`);
    }
    const output = op.outputs[0];
    checkIndex(graph, output, `output of op ${opIndex} (${op.kind})`);
    if (available[output]) {
      ctx.fail(
        'interp-invalid-graph',
        `output ${ctx.describe(output)} is a constant, a graph input or already computed.`,
      );
    }
    const run = prepare(ctx);
    available[output] = true;
    return { run, output };
  });

  for (const i of graph.outputs) {
    checkIndex(graph, i, 'graph output');
    if (!available[i]) fail('interp-invalid-graph', `Graph output tensor ${i} is never computed.`);
  }
  int8Engine?.finalize();

  const inputTensors = graph.inputs.map((i) => graph.tensors[i]);
  const outputTensors = graph.outputs.map((i) => graph.tensors[i]);

  return {
    inputTensors,
    outputTensors,
    invoke(inputs, options) {
      if (inputs.length !== graph.inputs.length) {
        fail('interp-bad-input', `The model takes ${graph.inputs.length} input(s); got ${inputs.length}.`);
      }
      inputs.forEach((data, k) => {
        const index = graph.inputs[k];
        const tensor = graph.tensors[index];
        if (dtypeOf(data) !== tensor.dtype) {
          fail(
            'interp-bad-input',
            `Input ${k} ("${tensor.name}") must be ${tensor.dtype}; got ${dtypeOf(data)}.`,
          );
        }
        if (data.length !== buffers[index].length) {
          fail(
            'interp-bad-input',
            `Input ${k} ("${tensor.name}") must have ${buffers[index].length} values (shape ` +
              `[${tensor.shape.join(', ')}]); got ${data.length}.`,
          );
        }
        buffers[index].set(data);
      });
      const observe = options?.observe;
      if (observe === undefined) {
        for (const step of steps) step.run();
      } else {
        for (const step of steps) {
          step.run();
          observe(step.output, buffers[step.output]);
        }
      }
      return graph.outputs.map((i) => buffers[i].slice());
    },
  };
}

function fail(code: string, message: string): never {
  throw new StudioError(code, message);
}

function checkIndex(graph: Graph, index: number, role: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= graph.tensors.length) {
    fail('interp-invalid-graph', `The ${role} refers to tensor ${index}, which does not exist.`);
  }
}

function dtypeOf(data: TensorData): DType | 'unknown' {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Int8Array) return 'int8';
  if (data instanceof Int32Array) return 'int32';
  return 'unknown';
}

/** Shapes are non-negative integers and constant data matches its tensor's dtype and size. */
function validateTensors(graph: Graph): void {
  graph.tensors.forEach((t, i) => {
    if (!t.shape.every((d) => Number.isInteger(d) && d >= 0)) {
      fail('interp-invalid-graph', `Tensor ${i} ("${t.name}") has an invalid shape [${t.shape.join(', ')}].`);
    }
    if (t.data === undefined) return;
    if (dtypeOf(t.data) !== t.dtype) {
      fail(
        'interp-invalid-graph',
        `Tensor ${i} ("${t.name}") is ${t.dtype} but holds ${dtypeOf(t.data)} data.`,
      );
    }
    if (t.data.length !== elementCount(t.shape)) {
      fail(
        'interp-invalid-graph',
        `Tensor ${i} ("${t.name}") has ${t.data.length} values for shape [${t.shape.join(', ')}].`,
      );
    }
  });
}
