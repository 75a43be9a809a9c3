/**
 * TensorFlow Lite Micro's persistent tail, replayed allocation by allocation. The tail grows down from the
 * arena's end (SingleArenaBufferAllocator::AllocatePersistentBuffer: tail = AlignDown(tail − size, alignment)),
 * so each allocation also costs the padding its alignment needs after the ones before it. The order and the
 * sizes are those of MicroInterpreter::AllocateTensors() in TFLM 90b983c; the arena's end is assumed 16-byte
 * aligned (a 16-aligned `tensor_arena` whose size is a multiple of 16).
 */
import type { Graph, Tensor } from '../ir/graph';
import { alignUp, MICRO_ARENA_ALIGNMENT } from './arenaGreedyPlanner';
import type { KernelArenaNeeds } from './arenaKernels';
import type { TailAbi, TailStruct } from './arenaStructs';

/**
 * The tail's parts. All but two are the categories of TFLM's RecordingMicroAllocator (and of tail_breakdown in
 * tflm_arena.json); `builtinOptions` and `scratchHandles` are what that allocator leaves unattributed.
 */
export interface TailParts {
  /** SingleArenaBufferAllocator, GreedyMemoryPlanner, MicroAllocator, MicroBuiltinDataAllocator, SubgraphAllocations. */
  allocatorObjects: number;
  /** One TfLiteEvalTensor per tensor of the graph, constants included. */
  evalTensors: number;
  /** One NodeAndRegistration (TfLiteNode + registration pointer) per op. */
  nodesAndRegistrations: number;
  /** Each op's builtin options struct, parsed from the flatbuffer. */
  builtinOptions: number;
  /** Kernel op data and Prepare's buffers (per-channel multipliers and shifts), and the I/O tensor pointer arrays. */
  persistentBuffers: number;
  /** A persistent TfLiteTensor per graph input and output. */
  ioTensors: number;
  /** Their TfLiteAffineQuantization and zero-point array. */
  ioQuantization: number;
  /** One ScratchBufferHandle per scratch buffer request, when there is any. */
  scratchHandles: number;
}

export interface TailModel {
  bytes: number;
  parts: TailParts;
}

class TailAllocator {
  used = 0;
  readonly parts: TailParts = {
    allocatorObjects: 0,
    evalTensors: 0,
    nodesAndRegistrations: 0,
    builtinOptions: 0,
    persistentBuffers: 0,
    ioTensors: 0,
    ioQuantization: 0,
    scratchHandles: 0,
  };

  constructor(private readonly abi: TailAbi) {}

  /** With the end aligned to 16, AlignDown(end − used − size, a) = end − AlignUp(used + size, a) for a ≤ 16. */
  allocate(part: keyof TailParts, size: number, align: number): void {
    const before = this.used;
    this.used = alignUp(this.used + size, align);
    this.parts[part] += this.used - before;
  }

  allocateStruct(part: keyof TailParts, struct: TailStruct, count = 1): void {
    const layout = this.abi.structs[struct];
    this.allocate(part, layout.size * count, layout.align);
  }

  /** MicroAllocator::AllocatePersistentBuffer, which kernels and the interpreter call: 16-byte aligned. */
  allocateBuffer(size: number): void {
    this.allocate('persistentBuffers', size, MICRO_ARENA_ALIGNMENT);
  }

  /** AllocatePersistentTfLiteTensor: the tensor, then its quantisation (InitializeTfLiteTensorFromFlatbuffer). */
  allocateIoTensor(tensor: Tensor): void {
    this.allocateStruct('ioTensors', 'TfLiteTensor');
    if (tensor.quant === undefined) return;
    this.allocateStruct('ioQuantization', 'TfLiteAffineQuantization');
    // TfLiteIntArrayGetSizeInBytes(channels): the int size field, then one int per zero point.
    this.allocate('ioQuantization', 4 + 4 * tensor.quant.scale.length, 4);
  }
}

/** The tail AllocateTensors() leaves for `graph` with the given kernels' needs (one entry per op). */
export function tfliteMicroTail(graph: Graph, kernels: readonly KernelArenaNeeds[], abi: TailAbi): TailModel {
  const tail = new TailAllocator(abi);
  // MicroAllocator::Create: the buffer allocator, the planner, the allocator itself.
  tail.allocateStruct('allocatorObjects', 'SingleArenaBufferAllocator');
  tail.allocateStruct('allocatorObjects', 'GreedyMemoryPlanner');
  tail.allocateStruct('allocatorObjects', 'MicroAllocator');
  // StartModelAllocation: builtin-data allocator, one SubgraphAllocations, eval tensors, nodes.
  tail.allocateStruct('allocatorObjects', 'MicroBuiltinDataAllocator');
  tail.allocateStruct('allocatorObjects', 'SubgraphAllocations');
  tail.allocateStruct('evalTensors', 'TfLiteEvalTensor', graph.tensors.length);
  tail.allocateStruct('nodesAndRegistrations', 'NodeAndRegistration', graph.ops.length);
  // PrepareNodeAndRegistrationDataFromFlatbuffer, then InitSubgraphs, then PrepareSubgraphs: op by op each.
  for (const k of kernels) if (k.options !== null) tail.allocateStruct('builtinOptions', k.options);
  for (const k of kernels) if (k.opData !== null) tail.allocateBuffer(abi.structs[k.opData].size);
  for (const k of kernels) for (const bytes of k.preparePersistent) tail.allocateBuffer(bytes);
  // FinishModelAllocation: the scratch buffer handles, only when some kernel asked for scratch.
  const scratchCount = kernels.reduce((n, k) => n + k.scratch.length, 0);
  if (scratchCount > 0) tail.allocateStruct('scratchHandles', 'ScratchBufferHandle', scratchCount);
  // The interpreter's input and output TfLiteTensor pointer arrays and the tensors they point to.
  for (const indices of [graph.inputs, graph.outputs]) {
    tail.allocateBuffer(abi.structs.pointer.size * indices.length);
    for (const i of indices) tail.allocateIoTensor(graph.tensors[i]);
  }
  return { bytes: tail.used, parts: tail.parts };
}
