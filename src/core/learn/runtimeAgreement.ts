import type { Graph } from '../ir/graph';
import { prepareInterpreter } from '../interp/interpreter';
import { quantizeInput } from './modelRunner';

/** How our interpreter's raw outputs compare with another runtime's on the same inputs. */
export interface Agreement {
  dtype: 'int8' | 'float32';
  inputs: number;
  outputs: number;
  /** Outputs exactly equal. */
  equal: number;
  /** Largest difference: in LSB for int8, relative (|a − b| / max(1e-6, |b|)) for float32. */
  maxDiff: number;
  /** int8: outputs more than 1 LSB apart; float32: outputs beyond 1e-5 relative. Must be 0 to agree. */
  beyondTolerance: number;
}

/** The raw input our interpreter and the other runtime both take for a feature window (int8 quantised if the model's input is int8). */
export function rawInput(graph: Graph, features: Float32Array): Int8Array | Float32Array {
  const input = graph.tensors[graph.inputs[0]];
  return input.dtype === 'int8' ? quantizeInput(input, features) : features;
}

/**
 * Runs every window through our interpreter and `other` (e.g. the official TFLite runtime) and compares raw
 * outputs: int8 must agree within 1 LSB, float32 within 1e-5 relative (DESIGN.md §6 oracles).
 */
export function measureAgreement(
  graph: Graph,
  windows: readonly Float32Array[],
  other: (raw: Int8Array | Float32Array) => ArrayLike<number>,
): Agreement {
  const interp = prepareInterpreter(graph);
  const dtype = interp.outputTensors[0].dtype === 'int8' ? 'int8' : 'float32';
  const result: Agreement = {
    dtype,
    inputs: windows.length,
    outputs: 0,
    equal: 0,
    maxDiff: 0,
    beyondTolerance: 0,
  };
  for (const w of windows) {
    const raw = rawInput(graph, w);
    const ours = interp.invoke([raw])[0];
    const theirs = other(raw);
    for (let i = 0; i < ours.length; i++) {
      const a = ours[i];
      const b = theirs[i];
      result.outputs++;
      if (a === b) result.equal++;
      const diff = dtype === 'int8' ? Math.abs(a - b) : Math.abs(a - b) / Math.max(1e-6, Math.abs(b));
      result.maxDiff = Math.max(result.maxDiff, diff);
      if (dtype === 'int8' ? diff > 1 : diff > 1e-5) result.beyondTolerance++;
    }
  }
  return result;
}

/**
 * The graph cut before a final SOFTMAX (outputs = its input, the logits), or null when it does not end in one.
 * Comparing logits separates the convolution and dense arithmetic from the softmax kernel, where TFLite Micro
 * (fixed-point exp) and full TFLite (its own int8 softmax kernel) are known to round differently.
 */
export function logitsGraph(graph: Graph): Graph | null {
  const last = graph.ops[graph.ops.length - 1];
  if (!last || last.kind !== 'SOFTMAX' || last.outputs[0] !== graph.outputs[0]) return null;
  return { ...graph, ops: graph.ops.slice(0, -1), outputs: [last.inputs[0]] };
}
