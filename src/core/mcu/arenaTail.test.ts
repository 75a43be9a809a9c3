import { describe, expect, it } from 'vitest';
import type { Graph } from '../ir/graph';
import { activation, constant, quant } from '../interp/testGraphs';
import { referenceKernelNeeds } from './arenaReferenceKernels';
import { CORTEX_M_32, HOST_64 } from './arenaStructs';
import { tfliteMicroTail } from './arenaTail';

/** hello_world's structure: int8 [1,1] → FC 16 → FC 16 → FC 1, per-tensor quantisation, 10 tensors. */
function helloWorld(): Graph {
  const q = quant(0.1);
  const tensors = [
    activation('in', [1, 1], 'int8', q),
    constant('b3', [1], new Int32Array(1), q),
    constant('w3', [1, 16], new Int8Array(16), q),
    constant('b2', [16], new Int32Array(16), q),
    constant('w2', [16, 16], new Int8Array(256), q),
    constant('b1', [16], new Int32Array(16), q),
    constant('w1', [16, 1], new Int8Array(16), q),
    activation('h1', [1, 16], 'int8', q),
    activation('h2', [1, 16], 'int8', q),
    activation('out', [1, 1], 'int8', q),
  ];
  return {
    tensors,
    ops: [
      { kind: 'FULLY_CONNECTED', inputs: [0, 6, 5], outputs: [7], activation: 'RELU' },
      { kind: 'FULLY_CONNECTED', inputs: [7, 4, 3], outputs: [8], activation: 'RELU' },
      { kind: 'FULLY_CONNECTED', inputs: [8, 2, 1], outputs: [9], activation: 'NONE' },
    ],
    inputs: [0],
    outputs: [9],
  };
}

const tailOf = (graph: Graph, abi = CORTEX_M_32) =>
  tfliteMicroTail(
    graph,
    graph.ops.map((op, i) => referenceKernelNeeds(graph, op, i)),
    abi,
  );

describe('tfliteMicroTail', () => {
  it('replays hello_world on a Cortex-M allocation by allocation (hand-computed)', () => {
    // Used bytes after each step; an allocation of s bytes aligned to a takes used → AlignUp(used + s, a).
    //   allocator 36, planner 44, MicroAllocator 36, builtin-data allocator 8, SubgraphAllocations 8 → 132
    //   10 TfLiteEvalTensor × 12 → 252; 3 NodeAndRegistration × 32 → 348
    //   3 TfLiteFullyConnectedParams × 5 (alignment 1) → 363
    //   3 OpDataFullyConnected × 48, 16-aligned: 363 → 416 → 464 → 512
    //   input pointer array 4, 16-aligned → 528; TfLiteTensor 32 → 560; quantisation 12 + zero points 8 → 580
    //   output pointer array 4 → 592; TfLiteTensor 32 → 624; quantisation 12 + 8 → 644
    const tail = tailOf(helloWorld());
    expect(tail.bytes).toBe(644);
    expect(tail.parts).toEqual({
      allocatorObjects: 132,
      evalTensors: 120,
      nodesAndRegistrations: 96,
      builtinOptions: 15,
      persistentBuffers: 53 + 48 + 48 + 16 + 12,
      ioTensors: 64,
      ioQuantization: 40,
      scratchHandles: 0,
    });
  });

  it('needs more on a 64-bit host, where pointers and the structs holding them are twice as wide', () => {
    expect(tailOf(helloWorld(), HOST_64).bytes).toBe(1152);
  });

  it('grows by 8 bytes of per-channel multiplier and shift per output channel of a convolution', () => {
    const conv = (channels: number): Graph => ({
      tensors: [
        activation('in', [1, 4, 4, 2], 'int8', quant(0.1)),
        constant(
          'w',
          [channels, 1, 1, 2],
          new Int8Array(channels * 2),
          quant(new Array<number>(channels).fill(0.01)),
        ),
        activation('out', [1, 4, 4, channels], 'int8', quant(0.1)),
      ],
      ops: [
        {
          kind: 'CONV_2D',
          inputs: [0, 1],
          outputs: [2],
          padding: 'VALID',
          strideH: 1,
          strideW: 1,
          dilationH: 1,
          dilationW: 1,
          activation: 'NONE',
        },
      ],
      inputs: [0],
      outputs: [2],
    });
    // 64 and 128 channels: two arrays of 4 bytes per channel, already multiples of 16.
    expect(tailOf(conv(128)).bytes - tailOf(conv(64)).bytes).toBe(64 * 8);
  });

  it('adds the scratch buffer handles only when a kernel requests scratch', () => {
    const graph: Graph = {
      tensors: [
        activation('in', [1, 4, 4, 2], 'float32'),
        constant('axes', [2], Int32Array.from([1, 2])),
        activation('out', [1, 2], 'float32'),
      ],
      ops: [{ kind: 'MEAN', inputs: [0, 1], outputs: [2], keepDims: false }],
      inputs: [0],
      outputs: [2],
    };
    // float MEAN: the iteration-index and resolved-axes scratch, one 4-byte handle each.
    expect(tailOf(graph).parts.scratchHandles).toBe(8);
    expect(tailOf(helloWorld()).parts.scratchHandles).toBe(0);
  });
});
