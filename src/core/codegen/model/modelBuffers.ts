import { StudioError } from '../../errors';
import { elementCount, type Graph, OMITTED } from '../../ir/graph';

/** Activation bytes are placed on 16-byte boundaries, as TFLite Micro's arena does. */
export const ARENA_ALIGNMENT = 16;

/** An intermediate tensor that needs bytes in the arena, live from the op that writes it to its last reader. */
export interface ArenaBuffer {
  tensor: number;
  /** Bytes, rounded up to ARENA_ALIGNMENT. */
  size: number;
  firstOp: number;
  lastOp: number;
}

/**
 * Where every tensor's values live in the generated code. RESHAPE only renames a buffer, so a tensor is
 * stored where its `root` is: the caller's input, the caller's output, a constant array or an arena buffer.
 */
export interface ModelBuffers {
  /** For every tensor, the tensor whose storage it shares (itself unless it is a RESHAPE output). */
  root: number[];
  inputRoot: number;
  /** The tensor written straight into the caller's output buffer, or −1 when the output must be copied there. */
  outputRoot: number;
  arena: ArenaBuffer[];
}

const BYTES = { int8: 1, float32: 4, int32: 4 } as const;

export function alignedSize(bytes: number): number {
  return Math.ceil(bytes / ARENA_ALIGNMENT) * ARENA_ALIGNMENT;
}

/** Storage and lifetimes for a graph the interpreter accepts, with one input and one output. */
export function modelBuffers(graph: Graph): ModelBuffers {
  const root = graph.tensors.map((_, i) => i);
  const producer = new Array<number>(graph.tensors.length).fill(OMITTED);
  graph.ops.forEach((op, index) => {
    const output = op.outputs[0];
    if (op.kind === 'RESHAPE') root[output] = root[op.inputs[0]];
    else producer[output] = index;
  });
  const lastRead = new Array<number>(graph.tensors.length).fill(OMITTED);
  graph.ops.forEach((op, index) => {
    for (const input of op.inputs) if (input !== OMITTED) lastRead[root[input]] = index;
  });

  const inputRoot = graph.inputs[0];
  const written = root[graph.outputs[0]];
  const outputRoot = producer[written] === OMITTED ? OMITTED : written;

  const arena: ArenaBuffer[] = [];
  graph.tensors.forEach((tensor, i) => {
    if (producer[i] === OMITTED || i === outputRoot) return;
    const bytes = elementCount(tensor.shape) * BYTES[tensor.dtype];
    arena.push({
      tensor: i,
      size: alignedSize(bytes),
      firstOp: producer[i],
      lastOp: Math.max(producer[i], lastRead[i]),
    });
  });
  return { root, inputRoot, outputRoot, arena };
}

/** Fails unless every tensor the generated code touches has at least one value (C has no empty arrays). */
export function expectNonEmptyTensors(graph: Graph): void {
  graph.tensors.forEach((tensor, i) => {
    if (elementCount(tensor.shape) === 0) {
      throw new StudioError(
        'codegen-empty-tensor',
        `Tensor ${i} ("${tensor.name}") has no values (shape [${tensor.shape.join(', ')}]); generated C cannot hold it.`,
      );
    }
  });
}
