/**
 * The WebAssembly SIMD int8 kernels against the reference TypeScript kernels (the interpreter's previous
 * path, which tfliteMicroCases.test.ts pins to TFLite Micro's outputs): random graphs of every op kind the
 * engine runs, and chains of them sharing the engine's scratch memory, must give the same bits.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Graph } from '../ir/graph';
import { type Interpreter, prepareInterpreter } from './interpreter';
import {
  addConv2D,
  addDepthwiseConv2D,
  addFullyConnected,
  addImageInput,
  GraphBuilder,
  randomInt,
} from './randomInt8Graphs';
import { activation, constant, quant, randomInt8, seededRandom } from './testGraphs';
import { Int8Engine } from './wasm/int8Engine';

const INPUTS_PER_GRAPH = 4;

/** Every op's output, in order, for one input. */
function allOutputs(interpreter: Interpreter, x: Int8Array): number[][] {
  const outputs: number[][] = [];
  interpreter.invoke([x], { observe: (_, data) => outputs.push(Array.from(data)) });
  return outputs;
}

/**
 * Runs both paths on random inputs and compares every op's output; returns how many kernels the SIMD
 * interpreter put on the engine.
 */
function expectSamePaths(graph: Graph, seed: number): number {
  const kernel = vi.spyOn(Int8Engine.prototype, 'kernel');
  const simd = prepareInterpreter(graph);
  const onEngine = kernel.mock.calls.length;
  kernel.mockRestore();
  const reference = prepareInterpreter(graph, { int8Kernels: 'reference' });
  const random = seededRandom(seed);
  const size = graph.tensors[graph.inputs[0]].shape.reduce((a, b) => a * b, 1);
  for (let i = 0; i < INPUTS_PER_GRAPH; i++) {
    const x = randomInt8(size, random);
    expect(allOutputs(simd, x)).toEqual(allOutputs(reference, x));
  }
  return onEngine;
}

afterEach(() => vi.restoreAllMocks());

describe('int8 SIMD kernels give the reference kernels’ bits', () => {
  it('runs on WebAssembly SIMD here (Node has it), so the comparisons below compare two paths', () => {
    expect(Int8Engine.create()).not.toBeNull();
  });

  it('falls back to the reference kernels where WebAssembly SIMD is missing', async () => {
    vi.resetModules();
    vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    const fresh = await import('./wasm/int8Engine');
    expect(fresh.Int8Engine.create()).toBeNull();
    const { prepareInterpreter: prepareWithoutSimd } = await import('./interpreter');
    const b = new GraphBuilder(seededRandom(7));
    const input = addImageInput(b);
    const graph = b.graph(input, addConv2D(b, input, 8));
    const x = randomInt8(
      b.tensors[input].shape.reduce((p, d) => p * d, 1),
      seededRandom(8),
    );
    expect(Array.from(prepareWithoutSimd(graph).invoke([x])[0])).toEqual(
      Array.from(prepareInterpreter(graph).invoke([x])[0]),
    );
  });

  it('CONV_2D: 150 random graphs (strides, dilations, padding, 1–20 channels, per-channel scales)', () => {
    for (let seed = 0; seed < 150; seed++) {
      const b = new GraphBuilder(seededRandom(1000 + seed));
      const input = addImageInput(b);
      const output = addConv2D(b, input, randomInt(b.random, 1, 20));
      expect(expectSamePaths(b.graph(input, output), seed)).toBe(1);
    }
  });

  it('CONV_2D 1×1 (the direct pointwise path), with and without 8-multiple depths', () => {
    for (let seed = 0; seed < 60; seed++) {
      const b = new GraphBuilder(seededRandom(2000 + seed));
      const input = b.activation([
        1,
        randomInt(b.random, 1, 6),
        randomInt(b.random, 1, 6),
        8 * (1 + (seed % 4)) + (seed % 2),
      ]);
      const output = addConv2D(b, input, randomInt(b.random, 1, 24), true);
      expect(expectSamePaths(b.graph(input, output), seed)).toBe(1);
    }
  });

  it('DEPTHWISE_CONV_2D: 150 random graphs, depth multipliers 1–3', () => {
    for (let seed = 0; seed < 150; seed++) {
      const b = new GraphBuilder(seededRandom(3000 + seed));
      const input = addImageInput(b);
      const output = addDepthwiseConv2D(b, input, 1 + (seed % 3));
      expect(expectSamePaths(b.graph(input, output), seed)).toBe(1);
    }
  });

  it('FULLY_CONNECTED: 100 random graphs, 1–3 batches, depth 1–300', () => {
    for (let seed = 0; seed < 100; seed++) {
      const b = new GraphBuilder(seededRandom(4000 + seed));
      const input = b.activation([randomInt(b.random, 1, 3), randomInt(b.random, 1, seed < 80 ? 40 : 300)]);
      const output = addFullyConnected(b, input, randomInt(b.random, 1, 20));
      expect(expectSamePaths(b.graph(input, output), seed)).toBe(1);
    }
  });

  it('chains conv → depthwise → pointwise → pool → reshape → fully connected → softmax (shared scratch)', () => {
    for (let seed = 0; seed < 40; seed++) {
      const b = new GraphBuilder(seededRandom(5000 + seed));
      const input = addImageInput(b);
      let x = addConv2D(b, input, randomInt(b.random, 4, 24));
      x = addDepthwiseConv2D(b, x, 1);
      x = addConv2D(b, x, randomInt(b.random, 4, 24), true);
      const [n, h, w, c] = b.tensors[x].shape;
      const pooled = b.add({ ...b.tensors[x], name: 'pooled', shape: [n, 1, 1, c] });
      b.op({
        kind: 'AVERAGE_POOL_2D',
        padding: 'VALID',
        strideH: 1,
        strideW: 1,
        filterH: h,
        filterW: w,
        activation: 'NONE',
        inputs: [x],
        outputs: [pooled],
      });
      const flat = b.add({ ...b.tensors[pooled], name: 'flat', shape: [n, c] });
      b.op({ kind: 'RESHAPE', newShape: [n, c], inputs: [pooled], outputs: [flat] });
      const logits = addFullyConnected(b, flat, randomInt(b.random, 2, 12));
      const probabilities = b.add(activation('p', b.tensors[logits].shape, 'int8', quant(1 / 256, -128)));
      // TFLite's int8 softmax needs beta · input scale > 2^−26.
      const beta = Math.max(1, 2 ** -24 / b.scaleOf(logits));
      b.op({ kind: 'SOFTMAX', beta, inputs: [logits], outputs: [probabilities] });
      expect(expectSamePaths(b.graph(input, probabilities), seed)).toBe(4);
    }
  });

  it('leaves grouped convolutions and out-of-range shifts to the reference kernels', () => {
    const grouped: Graph = {
      tensors: [
        activation('x', [1, 4, 4, 4], 'int8', quant(0.05, 3)),
        constant('w', [6, 3, 3, 2], randomInt8(108, seededRandom(1), -127, 127), quant(0.01)),
        activation('y', [1, 4, 4, 6], 'int8', quant(0.02, -5)),
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
    expect(expectSamePaths(grouped, 1)).toBe(0);
    // Output scale 2^−40 of the product scale: a real multiplier of 2^40, shift 41.
    const huge: Graph = {
      tensors: [
        activation('x', [1, 3], 'int8', quant(1, 0)),
        constant('w', [2, 3], Int8Array.from([1, 0, -1, 0, 1, 0]), quant(1)),
        activation('y', [1, 2], 'int8', quant(2 ** -40, 0)),
      ],
      ops: [{ kind: 'FULLY_CONNECTED', activation: 'NONE', inputs: [0, 1], outputs: [2] }],
      inputs: [0],
      outputs: [2],
    };
    expect(expectSamePaths(huge, 2)).toBe(0);
  });
});
