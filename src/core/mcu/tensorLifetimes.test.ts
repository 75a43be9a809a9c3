import { describe, expect, it } from 'vitest';
import type { Graph } from '../ir/graph';
import { activation, constant } from '../interp/testGraphs';
import { BEFORE_FIRST_OP, isArenaTensor, NEVER_USED, tensorBytes, tensorLifetimes } from './tensorLifetimes';

/**
 * in → op 0 (FC) → a → op 1 (FC) → b; op 2 (ADD) reads a and b → out. Tensor 2 holds weights, tensor 6 has no
 * elements, tensor 7 is touched by nothing.
 */
function branchyGraph(): Graph {
  return {
    tensors: [
      activation('in', [1, 4], 'float32'),
      activation('a', [1, 4], 'float32'),
      constant('w', [4, 4], new Float32Array(16)),
      activation('b', [1, 4], 'float32'),
      activation('out', [1, 4], 'float32'),
      constant('bias', [4], new Float32Array(4)),
      activation('empty', [1, 0], 'float32'),
      activation('orphan', [3], 'int8'),
    ],
    ops: [
      { kind: 'FULLY_CONNECTED', inputs: [0, 2, 5], outputs: [1], activation: 'NONE' },
      { kind: 'FULLY_CONNECTED', inputs: [1, 2, -1], outputs: [3], activation: 'NONE' },
      { kind: 'ADD', inputs: [1, 3], outputs: [4], activation: 'NONE' },
    ],
    inputs: [0],
    outputs: [4],
  };
}

describe('tensorLifetimes', () => {
  it('spans from the writing op to the last reading op; inputs start before op 0, outputs end at the last op', () => {
    expect(tensorLifetimes(branchyGraph())).toEqual([
      { first: BEFORE_FIRST_OP, last: 0 },
      // Read by op 1 and again by op 2: alive until op 2.
      { first: 0, last: 2 },
      null,
      { first: 1, last: 2 },
      { first: 2, last: 2 },
      null,
      null,
      { first: NEVER_USED, last: NEVER_USED },
    ]);
  });

  it('keeps a graph output alive to the last op even when an earlier op makes it', () => {
    const g = branchyGraph();
    g.outputs = [1, 4];
    expect(tensorLifetimes(g)[1]).toEqual({ first: 0, last: 2 });
  });

  it('gives an input that no op reads a lifetime before the first op', () => {
    const g = branchyGraph();
    g.inputs = [0, 7];
    expect(tensorLifetimes(g)[7]).toEqual({ first: BEFORE_FIRST_OP, last: BEFORE_FIRST_OP });
  });

  it('counts bytes by element type and leaves constants and empty tensors out of the arena', () => {
    const [input, , weights, , , , empty, orphan] = branchyGraph().tensors;
    expect([tensorBytes(input), tensorBytes(orphan), tensorBytes(empty)]).toEqual([16, 3, 0]);
    expect([input, weights, empty, orphan].map(isArenaTensor)).toEqual([true, false, false, true]);
  });
});
