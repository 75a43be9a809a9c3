import { describe, expect, it } from 'vitest';
import type { Graph } from '../ir/graph';
import { logitsGraph, measureAgreement } from './runtimeAgreement';

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
});
