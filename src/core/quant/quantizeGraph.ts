import { StudioError } from '../errors';
import { type Graph, type Op, type Tensor } from '../ir/graph';
import { asymmetricParams } from './activationParams';
import { type QuantizationState, quantizeOp, setActivation } from './quantizeOps';
import type { ActivationRanges, ValueRange } from './ranges';

export interface QuantizeOptions {
  /** 'float32' keeps a float model input and quantises it with a QUANTIZE op, as the TFLite converter does. */
  inputType: 'int8' | 'float32';
  /** 'float32' gives a float model output through a DEQUANTIZE op. */
  outputType: 'int8' | 'float32';
}

/**
 * The int8 version of a float graph by TFLite's quantisation spec (DESIGN.md §6), from calibrated activation
 * ranges. Pure: the float graph is left untouched. Every tensor keeps its index and name; with float32 input
 * or output, the graph's interface tensors stay float32 and their int8 twins are appended as "<name>_int8".
 */
export function quantizeGraph(graph: Graph, ranges: ActivationRanges, options: QuantizeOptions): Graph {
  checkFloat(graph);
  const state: QuantizationState = {
    tensors: graph.tensors.map(copyTensor),
    activations: new Map(),
    usedConstants: new Set(),
    calibratedRange: (index) => calibratedRange(graph, ranges, index),
  };
  for (const index of graph.inputs) {
    const t = graph.tensors[index] as Tensor | undefined;
    if (t === undefined || t.data !== undefined || state.activations.has(index)) {
      throw new StudioError(
        'quant-invalid-graph',
        `Graph input tensor ${index} does not exist, is a constant or is listed twice.`,
      );
    }
    setActivation(state, index, asymmetricParams(state.calibratedRange(index)));
  }
  graph.ops.forEach((op, opIndex) => quantizeOp(state, op, opIndex));
  const computed = new Set(graph.ops.map((op) => op.outputs[0]));
  for (const index of graph.outputs) {
    if (!computed.has(index)) {
      throw new StudioError('quant-invalid-graph', `Graph output tensor ${index} is not computed by any op.`);
    }
  }

  const tensors = state.tensors;
  let ops: Op[] = graph.ops.map((op) => ({ ...op, inputs: [...op.inputs], outputs: [...op.outputs] }));
  if (options.inputType === 'float32') {
    const quantizes = graph.inputs.map((index) => {
      const twin = addInt8Twin(tensors, graph.tensors[index], index);
      ops.forEach((op) => replaceAll(op.inputs, index, twin));
      return { kind: 'QUANTIZE', inputs: [index], outputs: [twin] } as Op;
    });
    ops = [...quantizes, ...ops];
  }
  if (options.outputType === 'float32') {
    const dequantizes = graph.outputs.map((index) => {
      const twin = addInt8Twin(tensors, graph.tensors[index], index);
      ops.forEach((op) => {
        replaceAll(op.inputs, index, twin);
        replaceAll(op.outputs, index, twin);
      });
      return { kind: 'DEQUANTIZE', inputs: [twin], outputs: [index] } as Op;
    });
    ops = [...ops, ...dequantizes];
  }
  const result: Graph = { tensors, ops, inputs: [...graph.inputs], outputs: [...graph.outputs] };
  if (graph.description !== undefined) result.description = graph.description;
  // The int8 model takes the same standardised features; only its input tensor quantises them further.
  if (graph.standardization !== undefined) result.standardization = graph.standardization;
  return result;
}

/** Moves the int8 tensor at `index` to a new "<name>_int8" tensor and puts the float one back at `index`. */
function addInt8Twin(tensors: Tensor[], float: Tensor, index: number): number {
  const twin = tensors.push({ ...tensors[index], name: `${float.name}_int8` }) - 1;
  tensors[index] = copyTensor(float);
  return twin;
}

function replaceAll(indices: number[], from: number, to: number): void {
  indices.forEach((v, k) => {
    if (v === from) indices[k] = to;
  });
}

function copyTensor(t: Tensor): Tensor {
  return t.data === undefined
    ? { name: t.name, shape: [...t.shape], dtype: t.dtype }
    : { name: t.name, shape: [...t.shape], dtype: t.dtype, data: t.data.slice() };
}

/** Only float32 activations and weights, and int32 constants (RESHAPE's shape), can be quantised. */
function checkFloat(graph: Graph): void {
  graph.tensors.forEach((t, index) => {
    const allowed = t.dtype === 'float32' || (t.dtype === 'int32' && t.data !== undefined);
    if (!allowed || t.quant !== undefined) {
      throw new StudioError(
        'quant-not-float',
        `Tensor ${index} ("${t.name}") is ${t.dtype}${t.quant ? ' and quantised' : ''}; quantisation needs the ` +
          'float32 model.',
      );
    }
  });
}

function calibratedRange(graph: Graph, ranges: ActivationRanges, index: number): ValueRange {
  const name = graph.tensors[index]?.name ?? '?';
  const range = ranges.get(index);
  if (range === undefined) {
    throw new StudioError(
      'quant-missing-range',
      `No calibrated range for tensor ${index} ("${name}"); calibrate the float model before quantising it.`,
    );
  }
  if (!(Number.isFinite(range.min) && Number.isFinite(range.max) && range.min <= range.max)) {
    throw new StudioError(
      'quant-bad-range',
      `The calibrated range of tensor ${index} ("${name}") is [${range.min}, ${range.max}]; the calibration ` +
        'windows probably hold infinite or NaN values.',
    );
  }
  return range;
}
