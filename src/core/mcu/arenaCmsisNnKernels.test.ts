import { describe, expect, it } from 'vitest';
import type { Graph } from '../ir/graph';
import { cmsisNnKernelNeeds } from './arenaCmsisNnKernels';
import { referenceKernelNeeds } from './arenaReferenceKernels';
import { cmsisNnPathsGraph, conv1dGraph, float32Graph, mixedInt8Graph } from './arenaTestModels';

const scratchOf = (graph: Graph, dsp: boolean) =>
  graph.ops.map((op, i) => cmsisNnKernelNeeds(graph, op, i, dsp).scratch);

describe('CMSIS-NN scratch requests (hand-computed from CMSIS-NN’s get_buffer_size functions)', () => {
  it('follows each kernel’s path in cmsisNnPathsGraph, with and without the DSP extension', () => {
    expect(scratchOf(cmsisNnPathsGraph(), true)).toEqual([
      [8 * 5 * 5 * 2], // depthwise 5×5, multiplier 1: arm_depthwise_conv_s8_opt, Cin·kH·kW int16
      [], // 1×1 unpadded conv: arm_convolve_1x1_s8_fast, no buffer under GCC
      [2 * 144 * 2], // 3×3 conv over 16 channels: two im2col columns of 144 int16
      [], // depth multiplier 2: the generic depthwise kernel, no buffer
      [16 * 4], // average pool: one int32 per channel
      [4 * 4 * 2], // FC with a rank-4 output, depth 16 and per-tensor weights: multiplier + shift per output
      [],
    ]);
    expect(scratchOf(cmsisNnPathsGraph(), false)).toEqual([[], [], [2 * 144 * 2], [], [], [4 * 4 * 2], []]);
  });

  it('takes the 1×N path of a conv1d: im2col columns of align4(5 · 4) = 20', () => {
    expect(scratchOf(conv1dGraph(), true)[0]).toEqual([2 * 20 * 2]);
  });

  it('lets a 3×3 depthwise with padding 1 run without a buffer (the dedicated 3×3 kernel)', () => {
    expect(scratchOf(mixedInt8Graph(), true)[2]).toEqual([]);
  });

  it('keeps float kernels on the reference path: no per-channel arrays, no scratch', () => {
    const graph = float32Graph();
    const cmsis = cmsisNnKernelNeeds(graph, graph.ops[0], 0, true);
    expect(cmsis.preparePersistent).toEqual([]);
    expect(cmsis.scratch).toEqual([]);
    // The reference conv allocates the arrays whatever the type (conv.cc ConvPrepare).
    expect(referenceKernelNeeds(graph, graph.ops[0], 0).preparePersistent).toEqual([16, 16]);
  });

  it('uses the reference MEAN, RESHAPE, QUANTIZE and DEQUANTIZE kernels', () => {
    const graph = mixedInt8Graph();
    for (const i of [0, 5, 6, 9]) {
      expect(cmsisNnKernelNeeds(graph, graph.ops[i], i, true)).toEqual(
        referenceKernelNeeds(graph, graph.ops[i], i),
      );
    }
  });
});
