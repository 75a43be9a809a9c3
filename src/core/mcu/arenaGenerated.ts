/**
 * The arena of the studio's generated C build: no interpreter, so no persistent tail. Its buffers are those the
 * code generator gives the arena (codegen/model/modelBuffers.ts: the intermediate tensors only; the input and
 * the output stay in the caller's buffers, a RESHAPE output shares its input's bytes, and no kernel needs
 * scratch: MEAN keeps its int32 sum in a register), planned by TFLM's greedy planner. What the generated code
 * keeps besides is const and in flash: weights, biases, per-channel multipliers and shifts, shapes.
 */
import { modelBuffers } from '../codegen/model/modelBuffers';
import type { Graph } from '../ir/graph';
import type { ArenaFigure, PlannedBuffer } from './arena';
import { planGreedy } from './arenaGreedyPlanner';
import { tensorBytes } from './tensorLifetimes';

/** A buffer of a static arena, by tensor: size already rounded, lifetime in op indices (inclusive). */
export interface StaticBuffer {
  tensor: number;
  size: number;
  firstOp: number;
  lastOp: number;
}

/** The offsets of `buffers` by the greedy planner: the code generator's arena plan (generateModelC.ts). */
export function planStaticArena(buffers: readonly StaticBuffer[]): {
  size: number;
  offsets: Map<number, number>;
} {
  const plan = planGreedy(buffers.map((b) => ({ size: b.size, first: b.firstOp, last: b.lastOp })));
  return { size: plan.size, offsets: new Map(buffers.map((b, i) => [b.tensor, plan.offsets[i]])) };
}

export function generatedArena(graph: Graph): { buffers: PlannedBuffer[]; arena: ArenaFigure } {
  const arenaBuffers = modelBuffers(graph).arena;
  const plan = planStaticArena(arenaBuffers);
  const buffers = arenaBuffers.map((b) => ({
    kind: 'tensor' as const,
    tensor: b.tensor,
    name: graph.tensors[b.tensor].name,
    bytes: tensorBytes(graph.tensors[b.tensor]),
    size: b.size,
    offset: plan.offsets.get(b.tensor)!,
    firstOp: b.firstOp,
    lastOp: b.lastOp,
  }));
  return {
    buffers,
    arena: {
      bytes: plan.size,
      accuracy: 'exact',
      from:
        'the arena the code generator declares: its arena tensors (input and output in the caller’s buffers, ' +
        'RESHAPE in place) planned by planStaticArena; no tail, multipliers, shifts and shapes are const in flash',
    },
  };
}
