/**
 * When each activation tensor of a model IR graph is alive, measured in ops, as TensorFlow Lite Micro's
 * AllocationInfoBuilder::MarkAllocationLifetimes marks it (micro_allocation_info.cc, TFLM 90b983c): graph inputs
 * are created before the first op, a tensor is created by the first op that writes it and lives until the last
 * op that reads it, graph outputs live until the last op. Constants (weights, biases, shape and axis operands)
 * are not in the arena, nor are tensors of 0 bytes (TFLM's `needs_allocating`).
 */
import { type DType, elementCount, type Graph, OMITTED, type Tensor } from '../ir/graph';

/** Op indices, both inclusive. A graph input starts at BEFORE_FIRST_OP: the caller writes it before op 0. */
export interface Lifetime {
  first: number;
  last: number;
}

export const BEFORE_FIRST_OP = -1;

/**
 * TFLM gives a tensor that is neither a graph input, nor an output, nor touched by any op its uninitialised
 * lifetime (scope −1, here one before BEFORE_FIRST_OP): it overlaps only other such tensors, yet takes space.
 */
export const NEVER_USED = -2;

const ELEMENT_BYTES: Record<DType, number> = { float32: 4, int8: 1, int32: 4 };

export function tensorBytes(tensor: Tensor): number {
  return elementCount(tensor.shape) * ELEMENT_BYTES[tensor.dtype];
}

/** TFLM's `needs_allocating`: no constant data and a size above 0 (the IR has no variable tensors). */
export function isArenaTensor(tensor: Tensor): boolean {
  return tensor.data === undefined && tensorBytes(tensor) > 0;
}

/**
 * The lifetime of every arena tensor, null for the others. TFLM counts allocation scopes: 0 for the graph
 * inputs, k + 1 for op k; the op indices here are those scopes minus one, so overlaps are the same.
 */
export function tensorLifetimes(graph: Graph): (Lifetime | null)[] {
  const lifetimes = graph.tensors.map(() => ({ first: NEVER_USED, last: NEVER_USED }));
  const created = (i: number, at: number) => {
    if (lifetimes[i].first === NEVER_USED) lifetimes[i].first = at;
  };
  const used = (i: number, at: number) => {
    lifetimes[i].last = at;
  };
  for (const i of graph.inputs) {
    created(i, BEFORE_FIRST_OP);
    // So that an input no op reads still has a lifetime, as in TFLM.
    used(i, BEFORE_FIRST_OP);
  }
  graph.ops.forEach((op, k) => {
    for (const i of op.outputs) created(i, k);
    for (const i of op.inputs) if (i !== OMITTED) used(i, k);
    for (const i of op.outputs) used(i, k);
  });
  const end = graph.ops.length - 1;
  for (const i of graph.outputs) {
    created(i, end);
    used(i, end);
  }
  return graph.tensors.map((t, i) => (isArenaTensor(t) ? lifetimes[i] : null));
}
