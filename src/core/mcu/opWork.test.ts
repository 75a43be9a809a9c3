import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import type { Graph } from '../ir/graph';
import { anomalyDetectionGraph, gestureClassifierGraph } from './calibrationModels';
import { graphWork, inBoundsTaps, opWork, totalWork } from './opWork';
import { kwsGraph } from './costTestModels';

/** In-bounds taps by brute force: every output position and tap, with TFLite's leading padding. */
function bruteTaps(inSize: number, outSize: number, kernel: number, stride: number, lead: number): number {
  let n = 0;
  for (let o = 0; o < outSize; o++)
    for (let k = 0; k < kernel; k++) {
      const at = o * stride - lead + k;
      if (at >= 0 && at < inSize) n++;
    }
  return n;
}

describe('opWork', () => {
  it('counts the KWS DS-CNN read from the real file: 2 656 768 MACs (≈ 2.66 M)', () => {
    const work = graphWork(kwsGraph());
    expect(work.map((w) => w.family)).toEqual([
      'conv',
      ...Array.from({ length: 4 }, () => ['depthwise', 'conv']).flat(),
      'pool',
      'reshape',
      'fullyConnected',
      'softmax',
    ]);
    // conv 10×4×1 → 25×5×64; 4 × (depthwise 3×3×64 + pointwise 64×64) on 25×5; FC 64 → 12.
    expect(work[0].macs).toBe(25 * 5 * 64 * 10 * 4);
    expect(work[1].macs).toBe(25 * 5 * 64 * 9);
    expect(work[2].macs).toBe(25 * 5 * 64 * 64);
    expect(work[11].macs).toBe(64 * 12);
    expect(totalWork(work).macs).toBe(320_000 + 4 * (72_000 + 512_000) + 768);
  });

  it('separates the taps on SAME padding from the ones on the image', () => {
    const [conv, depthwise, pointwise] = graphWork(kwsGraph());
    // Depthwise 3×3 SAME over 25×5: rows 25·3 − 2 edge taps, columns 5·3 − 2.
    expect(depthwise.inBoundsMacs).toBe((25 * 3 - 2) * (5 * 3 - 2) * 64);
    expect(depthwise.paddingFraction).toBeCloseTo(1 - (73 * 13) / (75 * 15), 12);
    expect(pointwise.paddingFraction).toBe(0);
    expect(conv.kernelH).toBe(10);
    expect(conv.kernelW).toBe(4);
    expect(conv.tapDepth).toBe(1);
    expect(conv.inBoundsMacs).toBeLessThan(conv.macs);
  });

  it('matches a brute-force count of in-bounds taps for SAME and VALID windows', () => {
    for (const [inSize, kernel, stride] of [
      [49, 10, 2],
      [10, 4, 2],
      [7, 3, 1],
      [8, 5, 3],
    ]) {
      const sameOut = Math.ceil(inSize / stride);
      const total = Math.max(0, (sameOut - 1) * stride + kernel - inSize);
      expect(inBoundsTaps('SAME', inSize, sameOut, kernel, stride, 1)).toBe(
        bruteTaps(inSize, sameOut, kernel, stride, Math.floor(total / 2)),
      );
      const validOut = Math.floor((inSize - kernel) / stride) + 1;
      expect(inBoundsTaps('VALID', inSize, validOut, kernel, stride, 1)).toBe(validOut * kernel);
    }
  });

  it('gives the dense models their published sizes and weight bytes', () => {
    const ad = totalWork(graphWork(anomalyDetectionGraph()));
    expect(ad.macs).toBe(640 * 128 + 3 * 128 * 128 + 128 * 8 + 8 * 128 + 3 * 128 * 128 + 128 * 640);
    expect(ad.macs).toBe(264_192);
    expect(ad.constantBytes).toBe(264_192 + 4 * (8 * 128 + 8 + 640));
    expect(totalWork(graphWork(gestureClassifierGraph())).macs).toBe(33 * 20 + 20 * 10 + 10 * 4);
  });

  it('counts pooling reads, channels and activations', () => {
    const work = graphWork(kwsGraph());
    const pool = work[9];
    expect(pool.windowReads).toBe(25 * 5 * 64);
    expect(pool.outputChannels).toBe(64);
    expect(work[2].outputPixels).toBe(125);
    expect(work[2].activationReads).toBe(25 * 5 * 64);
    expect(work[2].arithmetic).toBe('int8');
  });

  it('says which op has a shape its kernel cannot take', () => {
    const graph: Graph = {
      tensors: [
        { name: 'x', shape: [1, 10, 4], dtype: 'int8' },
        { name: 'w', shape: [2, 3, 3, 4], dtype: 'int8', data: new Int8Array(72) },
        { name: 'y', shape: [1, 10, 2], dtype: 'int8' },
      ],
      ops: [
        {
          kind: 'CONV_2D',
          padding: 'SAME',
          strideH: 1,
          strideW: 1,
          dilationH: 1,
          dilationW: 1,
          activation: 'NONE',
          inputs: [0, 1],
          outputs: [2],
        },
      ],
      inputs: [0],
      outputs: [2],
    };
    expect(() => opWork(graph, 0)).toThrow(StudioError);
    expect(() => opWork(graph, 0)).toThrow(/Op 0 \(CONV_2D\): the input must be NHWC/);
  });
});
