import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareInterpreter } from '../interp/interpreter';
import type { Graph } from '../ir/graph';
import { readTflite } from '../tflite';
import {
  checkableOps,
  int8Verdict,
  logitsGraph,
  measureAgreement,
  measureLayerAgreement,
  type Agreement,
  type LayerAgreement,
} from './runtimeAgreement';

/** input [1,2] → FC (identity weights) → SOFTMAX, float32. */
function softmaxNet(): Graph {
  return {
    tensors: [
      { name: 'input', shape: [1, 2], dtype: 'float32' },
      { name: 'w', shape: [2, 2], dtype: 'float32', data: Float32Array.of(1, 0, 0, 1) },
      { name: 'logits', shape: [1, 2], dtype: 'float32' },
      { name: 'output', shape: [1, 2], dtype: 'float32' },
    ],
    ops: [
      { kind: 'FULLY_CONNECTED', inputs: [0, 1, -1], outputs: [2], activation: 'NONE' },
      { kind: 'SOFTMAX', inputs: [2], outputs: [3], beta: 1 },
    ],
    inputs: [0],
    outputs: [3],
  };
}

describe('runtime agreement', () => {
  it('cuts a graph before its final softmax, and only then', () => {
    const cut = logitsGraph(softmaxNet())!;
    expect(cut.ops.map((o) => o.kind)).toEqual(['FULLY_CONNECTED']);
    expect(cut.outputs).toEqual([2]);
    expect(logitsGraph(cut)).toBeNull();
  });

  it('counts identical outputs and those beyond tolerance against another runtime', () => {
    const windows = [Float32Array.of(1, 2), Float32Array.of(0, 0)];
    const exact = measureAgreement(logitsGraph(softmaxNet())!, windows, (raw) => Float32Array.from(raw));
    expect(exact).toMatchObject({
      dtype: 'float32',
      inputs: 2,
      outputs: 4,
      equal: 4,
      beyondTolerance: 0,
      maxDiff: 0,
    });
    const off = measureAgreement(logitsGraph(softmaxNet())!, windows, (raw) =>
      Float32Array.from(raw, (v, i) => (i === 0 ? v * 1.001 + 1e-3 : v)),
    );
    expect(off.equal).toBe(2);
    expect(off.beyondTolerance).toBe(2);
  });

  it('measures a float32 difference against the largest output of the same input', () => {
    // A small output 2e-6 off is float round-off when its neighbour is 1 (within 1e-5), not 2e-6/1e-3 = 0.2 %.
    const near = measureAgreement(logitsGraph(softmaxNet())!, [Float32Array.of(1e-3, 1)], (raw) =>
      Float32Array.of(raw[0] + 2e-6, raw[1]),
    );
    expect(near).toMatchObject({ equal: 1, beyondTolerance: 0 });
    expect(near.maxDiff).toBeCloseTo(2e-6, 7);
  });
});

describe('layer-by-layer agreement', () => {
  const kws = readTflite(
    new Uint8Array(readFileSync(resolve('../shared/testdata/tflite/kws_ref_model.tflite'))),
    'kws_ref_model.tflite',
  );
  const windows = Array.from({ length: 3 }, (_, w) =>
    Float32Array.from({ length: 490 }, (_, i) => Math.sin(i * 0.37 + w) * 20),
  );

  it('checks every int8 arithmetic op of the KWS model, and not the byte-moving RESHAPE', () => {
    const kinds = checkableOps(kws).map((k) => kws.ops[k].kind);
    expect(kinds).toContain('CONV_2D');
    expect(kinds).toContain('DEPTHWISE_CONV_2D');
    expect(kinds).toContain('FULLY_CONNECTED');
    expect(kinds).toContain('SOFTMAX');
    expect(kinds).not.toContain('RESHAPE');
    expect(kinds.length).toBe(kws.ops.filter((o) => o.kind !== 'RESHAPE').length);
  });

  it('gives each op the input it saw in the whole graph, and blames only the op that differs', async () => {
    // The "other runtime" is our own interpreter, except that its depthwise kernel is 2 LSB off on one output.
    const layers = await measureLayerAgreement(kws, windows, async (single) => {
      const run = prepareInterpreter(single);
      const off = single.ops[0].kind === 'DEPTHWISE_CONV_2D';
      return (raw) => {
        const out = Array.from(run.invoke([raw])[0]);
        if (off) out[0] += 2;
        return out;
      };
    });
    expect(layers.map((l) => l.opIndex)).toEqual(checkableOps(kws));
    for (const { kind, agreement } of layers) {
      expect(agreement.inputs).toBe(3);
      if (kind === 'DEPTHWISE_CONV_2D') {
        expect(agreement).toMatchObject({ beyondTolerance: 3, maxDiff: 2 });
      } else {
        expect(agreement.beyondTolerance, kind).toBe(0);
        expect(agreement.equal).toBe(agreement.outputs);
      }
    }
  });
});

describe('int8Verdict', () => {
  const agreement = (beyondTolerance: number): Agreement => ({
    dtype: 'int8',
    inputs: 1,
    outputs: 4,
    equal: 4 - beyondTolerance,
    maxDiff: beyondTolerance ? 2 : 0,
    beyondTolerance,
  });
  const layer = (kind: LayerAgreement['kind'], beyond: number): LayerAgreement => ({
    opIndex: 0,
    kind,
    agreement: agreement(beyond),
  });

  it('agrees within 1 LSB whatever the kernels say', () => {
    expect(int8Verdict(agreement(0), undefined)).toBe('agrees');
  });

  it('calls a larger difference rounding only when every kernel but the softmax agrees on its own inputs', () => {
    const whole = agreement(2);
    expect(int8Verdict(whole, [layer('FULLY_CONNECTED', 0), layer('SOFTMAX', 3)])).toBe('rounding');
    expect(int8Verdict(whole, [layer('FULLY_CONNECTED', 1), layer('SOFTMAX', 0)])).toBe('differs');
    expect(int8Verdict(whole, [])).toBe('differs');
    expect(int8Verdict(whole, undefined)).toBe('differs');
  });
});
