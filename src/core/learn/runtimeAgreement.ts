import { OMITTED, type Graph, type OpKind, type TensorData } from '../ir/graph';
import { opGraph } from '../ir/opGraph';
import { prepareInterpreter } from '../interp/interpreter';
import { standardizeInput } from '../ir/standardize';
import { quantizeInput } from './modelRunner';

/** How our interpreter's raw outputs compare with another runtime's on the same inputs. */
export interface Agreement {
  dtype: 'int8' | 'float32';
  inputs: number;
  outputs: number;
  /** Outputs exactly equal. */
  equal: number;
  /**
   * Largest difference: in LSB for int8; for float32 relative to the largest output of the same input
   * (|a − b| / max(1e-6, max |b|)), since float round-off scales with the values summed, not with each result.
   */
  maxDiff: number;
  /** int8: outputs more than 1 LSB apart; float32: beyond 1e-5 of the largest output. Must be 0 to agree. */
  beyondTolerance: number;
}

/**
 * The raw input our interpreter and the other runtime both take for a feature window: standardised as the model
 * expects, then int8 quantised if the model's input is int8.
 */
export function rawInput(graph: Graph, features: Float32Array): Int8Array | Float32Array {
  const input = graph.tensors[graph.inputs[0]];
  const standardized = standardizeInput(graph, features);
  return input.dtype === 'int8' ? quantizeInput(input, standardized) : standardized;
}

/**
 * Runs every window through our interpreter and `other` (e.g. the official TFLite runtime) and compares raw
 * outputs: int8 must agree within 1 LSB, float32 within 1e-5 of the largest output.
 */
export function measureAgreement(
  graph: Graph,
  windows: readonly Float32Array[],
  other: (raw: Int8Array | Float32Array) => ArrayLike<number>,
): Agreement {
  const interp = prepareInterpreter(graph);
  const result = emptyAgreement(interp.outputTensors[0].dtype === 'int8' ? 'int8' : 'float32');
  for (const w of windows) {
    const raw = rawInput(graph, w);
    compareOutputs(result, interp.invoke([raw])[0], other(raw));
  }
  return result;
}

/** One op of an int8 graph checked on its own: both runtimes given exactly the input it saw in the whole graph. */
export interface LayerAgreement {
  opIndex: number;
  kind: OpKind;
  agreement: Agreement;
}

/**
 * The ops a kernel-by-kernel check covers: arithmetic from one int8 activation to int8 (RESHAPE only moves bytes;
 * QUANTIZE and DEQUANTIZE have a float side, checked by the whole-model comparison).
 */
export function checkableOps(graph: Graph): number[] {
  const activation = (i: number) => i !== OMITTED && graph.tensors[i].data === undefined;
  return graph.ops.flatMap((op, k) =>
    op.kind !== 'RESHAPE' &&
    op.inputs.filter(activation).length === 1 &&
    graph.tensors[op.inputs[0]].dtype === 'int8' &&
    graph.tensors[op.outputs[0]].dtype === 'int8'
      ? [k]
      : [],
  );
}

/**
 * Each checkable op alone (`opGraph`), on the int8 input it received when our interpreter ran every window
 * through the whole graph, in our interpreter and in `load(graph)`'s runtime. Differences that accumulate
 * through a network (a hidden value 1 LSB apart moves the next layer's accumulator) cancel out here: each
 * kernel's own arithmetic must agree within 1 LSB.
 */
export async function measureLayerAgreement(
  graph: Graph,
  windows: readonly Float32Array[],
  /** The other runtime for one op's graph, told the inputs it will be given (in order). */
  load: (single: Graph, inputs: readonly Int8Array[]) => Promise<(raw: Int8Array) => ArrayLike<number>>,
): Promise<LayerAgreement[]> {
  const ops = checkableOps(graph);
  const seen = ops.map(() => [] as Int8Array[]);
  const inputOf = ops.map((k) => graph.ops[k].inputs[0]);
  const interp = prepareInterpreter(graph);
  for (const w of windows) {
    const raw = rawInput(graph, w);
    const values = new Map<number, TensorData>([[graph.inputs[0], raw]]);
    interp.invoke([raw], { observe: (t, data) => values.set(t, data.slice()) });
    inputOf.forEach((t, j) => seen[j].push(values.get(t) as Int8Array));
  }
  const layers: LayerAgreement[] = [];
  for (const [j, k] of ops.entries()) {
    const single = opGraph(graph, k);
    const ours = prepareInterpreter(single);
    const theirs = await load(single, seen[j]);
    const agreement = emptyAgreement('int8');
    for (const input of seen[j]) compareOutputs(agreement, ours.invoke([input])[0], theirs(input));
    layers.push({ opIndex: k, kind: graph.ops[k].kind, agreement });
  }
  return layers;
}

function emptyAgreement(dtype: Agreement['dtype']): Agreement {
  return { dtype, inputs: 0, outputs: 0, equal: 0, maxDiff: 0, beyondTolerance: 0 };
}

/** Adds one input's outputs to `result`: int8 within 1 LSB, float32 within 1e-5 of the largest output. */
function compareOutputs(result: Agreement, ours: ArrayLike<number>, theirs: ArrayLike<number>): void {
  result.inputs++;
  let largest = 1e-6;
  for (let i = 0; i < theirs.length; i++) largest = Math.max(largest, Math.abs(theirs[i]));
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i];
    const b = theirs[i];
    result.outputs++;
    if (a === b) result.equal++;
    const diff = result.dtype === 'int8' ? Math.abs(a - b) : Math.abs(a - b) / largest;
    result.maxDiff = Math.max(result.maxDiff, diff);
    if (result.dtype === 'int8' ? diff > 1 : diff > 1e-5) result.beyondTolerance++;
  }
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

/**
 * How a whole-model int8 comparison reads next to the kernel-by-kernel one: 'agrees' within 1 LSB; 'rounding'
 * when it does not, but every kernel except the softmax agrees on its own inputs, so the difference is each
 * kernel's ±1 LSB carried through the layers (plus full TFLite's own int8 softmax, which rounds differently from
 * TFLite Micro's reference); otherwise 'differs'.
 */
export function int8Verdict(whole: Agreement, layers: readonly LayerAgreement[] | undefined): Int8Verdict {
  if (whole.beyondTolerance === 0) return 'agrees';
  const kernelsAgree =
    layers !== undefined &&
    layers.length > 0 &&
    layers.every((l) => l.kind === 'SOFTMAX' || l.agreement.beyondTolerance === 0);
  return kernelsAgree ? 'rounding' : 'differs';
}

export type Int8Verdict = 'agrees' | 'rounding' | 'differs';
