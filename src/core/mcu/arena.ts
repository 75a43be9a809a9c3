/**
 * The tensor arena of a model IR graph: TensorFlow Lite Micro's (greedy-planned head of activations and kernel
 * scratch, plus the persistent tail) for a 32-bit Cortex-M and for a 64-bit host, and the arena of the studio's
 * generated C build (no interpreter, statically planned). Every figure says whether it is exact and from what.
 */
import { StudioError } from '../errors';
import { type Graph, OMITTED } from '../ir/graph';
import { alignUp, MICRO_ARENA_ALIGNMENT, planGreedy } from './arenaGreedyPlanner';
import { cmsisNnKernelNeeds } from './arenaCmsisNnKernels';
import { generatedArena } from './arenaGenerated';
import type { KernelArenaNeeds } from './arenaKernels';
import { referenceKernelNeeds } from './arenaReferenceKernels';
import { CORTEX_M_32, HOST_64, type TailAbi } from './arenaStructs';
import { type TailParts, tfliteMicroTail } from './arenaTail';
import { tensorBytes, tensorLifetimes } from './tensorLifetimes';

export interface ArenaFigure {
  bytes: number;
  accuracy: 'exact' | 'estimated';
  /** What the figure rests on, in a few words. */
  from: string;
}

/** One buffer of a plan: a tensor, or a scratch buffer a kernel asked for during its op. */
export interface PlannedBuffer {
  kind: 'tensor' | 'scratch';
  /** The tensor's index (kind 'tensor'); null for scratch. */
  tensor: number | null;
  name: string;
  /** What the buffer holds, unrounded. */
  bytes: number;
  /** What the plan gives it: bytes rounded up to 16. */
  size: number;
  offset: number;
  /** Op indices, inclusive; see tensorLifetimes.ts for BEFORE_FIRST_OP (graph inputs) and NEVER_USED. */
  firstOp: number;
  lastOp: number;
}

/**
 * Which TFLM kernels: the reference ones, or CMSIS-NN on a Cortex-M with the DSP extension (M4, M7, M33 with
 * DSP) or without it (M0+, M3, M23). A Helium core or another vendor's kernels are not modelled.
 */
export type TfliteMicroKernels = 'reference' | 'cmsis-nn' | 'cmsis-nn-no-dsp';

export interface TfliteMicroArena {
  target: string;
  kernels: TfliteMicroKernels;
  /** The head's plan: tensors then scratch buffers, in TFLM's AllocationInfo order. */
  buffers: PlannedBuffer[];
  /** Planned activations and scratch: GetNonPersistentUsedBytes() after AllocateTensors(). */
  head: ArenaFigure;
  /** GetPersistentUsedBytes(): the allocator's objects and everything the kernels keep. */
  tail: ArenaFigure;
  /** arena_used_bytes() = head + tail, for a 16-byte aligned arena whose size is a multiple of 16. */
  total: ArenaFigure;
  tailParts: TailParts;
}

export interface ArenaReport {
  tfliteMicro: {
    /** The MCU figure, with the kernels asked for. */
    mcu32: TfliteMicroArena;
    /** Reference kernels on a 64-bit host: the build ../shared/testdata/tflite/tflm_arena.json measured. */
    host64: TfliteMicroArena;
  };
  generated: { buffers: PlannedBuffer[]; arena: ArenaFigure };
}

export interface ArenaOptions {
  /** The kernels of the 32-bit TFLM build (default 'reference'). */
  mcuKernels?: TfliteMicroKernels;
}

const KERNEL_NAMES: Record<TfliteMicroKernels, string> = {
  reference: 'reference kernels',
  'cmsis-nn': 'CMSIS-NN kernels with the DSP extension',
  'cmsis-nn-no-dsp': 'CMSIS-NN kernels without the DSP extension',
};

function kernelNeeds(graph: Graph, kernels: TfliteMicroKernels): KernelArenaNeeds[] {
  return graph.ops.map((op, i) =>
    kernels === 'reference'
      ? referenceKernelNeeds(graph, op, i)
      : cmsisNnKernelNeeds(graph, op, i, kernels === 'cmsis-nn'),
  );
}

/** A scratch request of one op, to be planned with the tensors. */
interface ScratchRequest {
  op: number;
  bytes: number;
}

/** Tensors first, in index order, then scratch in request order: TFLM's AllocationInfo order. */
function tfliteMicroPlan(
  graph: Graph,
  scratch: readonly ScratchRequest[],
): { buffers: PlannedBuffer[]; size: number } {
  const buffers: Omit<PlannedBuffer, 'offset'>[] = [];
  tensorLifetimes(graph).forEach((lifetime, i) => {
    if (lifetime === null) return;
    const bytes = tensorBytes(graph.tensors[i]);
    buffers.push({
      kind: 'tensor',
      tensor: i,
      name: graph.tensors[i].name,
      bytes,
      size: alignUp(bytes, MICRO_ARENA_ALIGNMENT),
      firstOp: lifetime.first,
      lastOp: lifetime.last,
    });
  });
  for (const s of scratch) {
    buffers.push({
      kind: 'scratch',
      tensor: null,
      name: `scratch of op ${s.op} (${graph.ops[s.op].kind})`,
      bytes: s.bytes,
      size: alignUp(s.bytes, MICRO_ARENA_ALIGNMENT),
      firstOp: s.op,
      lastOp: s.op,
    });
  }
  const plan = planGreedy(buffers.map((b) => ({ size: b.size, first: b.firstOp, last: b.lastOp })));
  return { buffers: buffers.map((b, i) => ({ ...b, offset: plan.offsets[i] })), size: plan.size };
}

function tfliteMicroArena(
  graph: Graph,
  kernels: TfliteMicroKernels,
  abi: TailAbi,
  checked: string,
): TfliteMicroArena {
  const needs = kernelNeeds(graph, kernels);
  const scratch = needs.flatMap((k, op) => k.scratch.map((bytes) => ({ op, bytes })));
  const { buffers, size: head } = tfliteMicroPlan(graph, scratch);
  const tail = tfliteMicroTail(graph, needs, abi);
  const build = `TFLite Micro 90b983c, ${KERNEL_NAMES[kernels]}, ${abi.name}`;
  return {
    target: abi.name,
    kernels,
    buffers,
    head: {
      bytes: head,
      accuracy: 'exact',
      from: `TFLM's greedy planner over the activations and scratch (${build})`,
    },
    tail: {
      bytes: tail.bytes,
      accuracy: 'exact',
      from: `TFLM's persistent allocations replayed (${build}; ${checked})`,
    },
    total: { bytes: head + tail.bytes, accuracy: 'exact', from: `head + tail (${build})` },
    tailParts: tail.parts,
  };
}

export function planArena(graph: Graph, options: ArenaOptions = {}): ArenaReport {
  checkGraph(graph);
  return {
    tfliteMicro: {
      mcu32: tfliteMicroArena(graph, options.mcuKernels ?? 'reference', CORTEX_M_32, 'checked in QEMU'),
      host64: tfliteMicroArena(graph, 'reference', HOST_64, 'checked against tflm_arena.json'),
    },
    generated: generatedArena(graph),
  };
}

function checkGraph(graph: Graph): void {
  const valid = (i: number) => Number.isInteger(i) && i >= 0 && i < graph.tensors.length;
  const fail = (where: string, i: number): never => {
    throw new StudioError('arena-invalid-graph', `The ${where} refers to tensor ${i}, which does not exist.`);
  };
  graph.ops.forEach((op, k) => {
    for (const i of op.inputs) if (i !== OMITTED && !valid(i)) fail(`input of op ${k} (${op.kind})`, i);
    if (op.outputs.length === 0) {
      throw new StudioError('arena-invalid-graph', `Op ${k} (${op.kind}) has no output.`);
    }
    for (const i of op.outputs) if (!valid(i)) fail(`output of op ${k} (${op.kind})`, i);
  });
  for (const i of graph.inputs) if (!valid(i)) fail('graph input', i);
  for (const i of graph.outputs) if (!valid(i)) fail('graph output', i);
  graph.tensors.forEach((t, i) => {
    if (!t.shape.every((d) => Number.isInteger(d) && d >= 0)) {
      throw new StudioError(
        'arena-invalid-graph',
        `Tensor ${i} ("${t.name}") has the invalid shape [${t.shape.join(', ')}].`,
      );
    }
  });
}
