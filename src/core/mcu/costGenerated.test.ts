import { describe, expect, it } from 'vitest';
import { generatedInt8Plan } from './costGenerated';
import { kwsGraph } from './costTestModels';
import type { Mix } from './costMix';
import { graphWork, type OpWork } from './opWork';

/** Instructions of a mix: every integer-class instruction and float operation counts one. */
function instructions(mix: Mix): number {
  const total = (r: Record<string, number | undefined> | undefined) =>
    Object.values(r ?? {}).reduce<number>((s, v) => s + (v ?? 0), 0);
  return total(mix.int) + total(mix.single) + total(mix.double);
}

const ops = graphWork(kwsGraph());
const first = (kind: string, depth?: number) =>
  ops.find((w) => w.kind === kind && (depth === undefined || w.tapDepth === depth)) as OpWork;

describe("the generated kernels' instruction counts", () => {
  it('take the dual-MAC path of tml_dot_int8 on DSP cores: fewer instructions per pointwise MAC', () => {
    const pointwise = first('CONV_2D', 64);
    const dsp = instructions(generatedInt8Plan(pointwise, true, 0).mix);
    const scalar = instructions(generatedInt8Plan(pointwise, false, 0).mix);
    expect(dsp).toBeLessThan(scalar * 0.7);
    // The SMLAD loop is 24 instructions per 4 MACs, the scalar one 11 per MAC; both add the same per-tap work.
    expect(scalar - dsp).toBeCloseTo(pointwise.macs * (11 - 24 / 4), 6);
  });

  it('charge a depth-1 convolution per window tap, where the index arithmetic is the work', () => {
    const conv = first('CONV_2D', 1);
    const perMac = instructions(generatedInt8Plan(conv, true, 0).mix) / conv.inBoundsMacs;
    expect(perMac).toBeGreaterThan(45);
    const pointwise = first('CONV_2D', 64);
    expect(instructions(generatedInt8Plan(pointwise, true, 0).mix) / pointwise.macs).toBeLessThan(10);
  });

  it('requantise every output through the requantize call, and cost taps on padding without a MAC', () => {
    const depthwise = first('DEPTHWISE_CONV_2D');
    const plan = generatedInt8Plan(depthwise, true, 0);
    expect(plan.path).toBe('tml_depthwise_conv_2d_int8');
    expect(plan.mix.int!.mul64).toBe(depthwise.outputElements);
    const unpadded = { ...depthwise, inBoundsMacs: depthwise.macs, paddingFraction: 0 };
    const full = generatedInt8Plan(unpadded, true, 0);
    expect(instructions(full.mix)).toBeGreaterThan(instructions(plan.mix));
  });

  it('count gemmlowp exp twice per softmax value', () => {
    const softmax = first('SOFTMAX');
    const srdhmPerValue = generatedInt8Plan(softmax, true, 0).mix.int!.mul64! / softmax.outputElements;
    expect(srdhmPerValue).toBeGreaterThan(2 * 8);
  });
});
