import { describe, expect, it } from 'vitest';
import type { Graph } from '../../ir/graph';
import { activation, constant, quant } from '../../interp/testGraphs';
import { planStaticArena } from '../../mcu/arenaGenerated';
import { checkArenaPlan } from './arenaPlan';
import { generateModelC } from './generateModelC';
import { type ArenaBuffer, modelBuffers } from './modelBuffers';
import { loadSharedModel } from './testUtils/sharedModels';

const buffer = (tensor: number, size: number, firstOp: number, lastOp: number): ArenaBuffer => ({
  tensor,
  size,
  firstOp,
  lastOp,
});

describe('the default plan', () => {
  it('is TFLite Micro’s greedy planner over the arena buffers, and passes the check', () => {
    const graph = loadSharedModel('kws_ref_model').graph;
    const buffers = modelBuffers(graph).arena;
    const plan = planStaticArena(buffers);
    expect(() => checkArenaPlan(plan, buffers)).not.toThrow();
    expect(generateModelC(graph, undefined, { prefix: 'kws' }).arenaSize).toBe(plan.size);
    // The nine 8000-byte activations alternate between two slots; the pooled and dense outputs reuse them.
    expect(new Set(plan.offsets.values())).toEqual(new Set([0, 8000]));
  });
});

describe('checkArenaPlan', () => {
  const buffers = [buffer(1, 32, 0, 1), buffer(2, 32, 1, 2)];
  it.each([
    [
      'a size that is not a byte count',
      {
        size: 64.5,
        offsets: new Map([
          [1, 0],
          [2, 32],
        ]),
      },
      /not a byte count/,
    ],
    ['a missing offset', { size: 64, offsets: new Map([[1, 0]]) }, /tensor 2 has no offset/],
    [
      'an unaligned offset',
      {
        size: 64,
        offsets: new Map([
          [1, 0],
          [2, 40],
        ]),
      },
      /multiple of 16/,
    ],
    [
      'a buffer past the end',
      {
        size: 48,
        offsets: new Map([
          [1, 0],
          [2, 32],
        ]),
      },
      /beyond the 48-byte arena/,
    ],
    [
      'live buffers sharing bytes',
      {
        size: 64,
        offsets: new Map([
          [1, 0],
          [2, 16],
        ]),
      },
      /share bytes/,
    ],
  ])('refuses %s', (_what, plan, message) => {
    expect(() => checkArenaPlan(plan, buffers)).toThrow(message);
  });
});

describe('modelBuffers', () => {
  it('keeps input and output in the caller’s buffers and a reshaped tensor in its source’s', () => {
    const q = quant(0.1);
    const graph: Graph = {
      tensors: [
        activation('x', [1, 4], 'int8', q),
        constant('w', [4, 4], new Int8Array(16), q),
        activation('h', [1, 4], 'int8', q),
        activation('h2', [4], 'int8', q),
        activation('y', [4], 'int8', q),
      ],
      ops: [
        { kind: 'FULLY_CONNECTED', inputs: [0, 1], outputs: [2], activation: 'NONE' },
        { kind: 'RESHAPE', inputs: [2], outputs: [3], newShape: [4] },
        { kind: 'QUANTIZE', inputs: [3], outputs: [4] },
      ],
      inputs: [0],
      outputs: [4],
    };
    const b = modelBuffers(graph);
    expect(b.root).toEqual([0, 1, 2, 2, 4]);
    expect(b.inputRoot).toBe(0);
    expect(b.outputRoot).toBe(4);
    expect(b.arena).toEqual([{ tensor: 2, size: 16, firstOp: 0, lastOp: 2 }]);
  });
});
