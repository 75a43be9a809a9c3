/**
 * What each TensorFlow Lite Micro kernel takes from the arena while AllocateTensors() prepares it: the builtin
 * options struct parsed from the flatbuffer, the op data its Init allocates, the persistent buffers its Prepare
 * allocates and the scratch buffers its Prepare requests (planned in the head, alive during the op only).
 * Two builds of TFLM 90b983c are modelled: the reference kernels (arenaReferenceKernels.ts) and the CMSIS-NN
 * kernels for Arm Cortex-M (arenaCmsisNnKernels.ts).
 */
import { StudioError } from '../errors';
import { type Graph, OMITTED, type Op, type Tensor } from '../ir/graph';
import type { TailStruct } from './arenaStructs';

export interface KernelArenaNeeds {
  /** The builtin options struct (flatbuffer_conversions.cc Parse*); null where the parser allocates none. */
  options: TailStruct | null;
  /** The op data of the kernel's Init (AllocatePersistentBuffer); null where the kernel has no Init. */
  opData: TailStruct | null;
  /** Prepare's AllocatePersistentBuffer calls, bytes each, in call order. */
  preparePersistent: number[];
  /** Prepare's RequestScratchBufferInArena calls, bytes each, in call order. */
  scratch: number[];
}

export type KernelNeedsOf = (graph: Graph, op: Op) => KernelArenaNeeds;

export const INT32_BYTES = 4;

/** Per-channel multiplier and shift arrays, int32 each (conv_common.cc, depthwise_conv_common.cc ConvPrepare). */
export function perChannelArrays(channels: number): number[] {
  return [channels * INT32_BYTES, channels * INT32_BYTES];
}

export function inputTensor(graph: Graph, op: Op, input: number): Tensor {
  const index = op.inputs[input] ?? OMITTED;
  if (index === OMITTED) {
    throw new StudioError(
      'arena-invalid-graph',
      `A ${op.kind} op has no input ${input}, which its kernel needs.`,
    );
  }
  return graph.tensors[index];
}

export function outputTensor(graph: Graph, op: Op): Tensor {
  return graph.tensors[op.outputs[0]];
}

/**
 * fully_connected_common.cc CalculateOpDataFullyConnected (both builds): per-channel arrays only for a quantised
 * FC whose weights have more than one scale; the studio writes per-tensor FC weights, models from outside may not.
 */
export function fullyConnectedArrays(graph: Graph, op: Op): number[] {
  const scales = inputTensor(graph, op, 1).quant?.scale.length ?? 0;
  return inputTensor(graph, op, 0).dtype !== 'float32' && scales > 1 ? perChannelArrays(scales) : [];
}

const none = (): number[] => [];

export function needs(
  options: TailStruct | null,
  opData: TailStruct | null,
  preparePersistent: (graph: Graph, op: Op) => number[] = none,
  scratch: (graph: Graph, op: Op) => number[] = none,
): KernelNeedsOf {
  return (graph, op) => ({
    options,
    opData,
    preparePersistent: preparePersistent(graph, op),
    scratch: scratch(graph, op),
  });
}

export function unknownKernel(op: Op, opIndex: number): never {
  throw new StudioError(
    'arena-unsupported-op',
    `Op ${opIndex} has the kind ${String(op.kind)}, which the arena planner does not know.`,
  );
}
