/**
 * The generated input and output helpers against the studio's runner (learn/modelRunner graphRunner):
 * `<prefix>_model_features_to_input` standardises ((x − mean) / std in float32) and quantises features
 * into exactly the input tensor the runner feeds the interpreter, and `<prefix>_model_output_to_float`
 * gives exactly the runner's real-valued outputs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementCount, type Graph } from '../../ir/graph';
import { standardizationOf, standardizeInput } from '../../ir/standardize';
import {
  activation,
  constant,
  quant,
  randomFloat32,
  randomInt8,
  seededRandom,
  singleOpGraph,
} from '../../interp/testGraphs';
import { graphRunner, quantizeInput } from '../../learn/modelRunner';
import { featuresMain } from './testUtils/featuresMain';
import { ModelHarness, tensorBytes } from './testUtils/modelHarness';

const FEATURES = 12;
const random = seededRandom(5);

function standardized(graph: Graph): Graph {
  const mean = Array.from({ length: FEATURES }, () => (random() - 0.5) * 20);
  const std = Array.from({ length: FEATURES }, (_, j) => (j === 3 ? 0 : 0.1 + random() * 5));
  return { ...graph, standardization: standardizationOf(mean, std) };
}

/** A dense layer over 12 features: int8 input and output, or float32 input and output. */
function dense(dtype: 'int8' | 'float32'): Graph {
  const int8 = dtype === 'int8';
  return singleOpGraph(
    activation('features', [1, FEATURES], dtype, int8 ? quant(Math.fround(0.02), -7) : undefined),
    [
      int8
        ? constant('w', [4, FEATURES], randomInt8(4 * FEATURES, random, -127, 127), quant(0.01))
        : constant('w', [4, FEATURES], randomFloat32(4 * FEATURES, random)),
    ],
    activation('scores', [1, 4], dtype, int8 ? quant(Math.fround(0.05), 9) : undefined),
    { kind: 'FULLY_CONNECTED', activation: 'NONE' },
  );
}

/** float32 features quantised inside the graph (QUANTIZE first) and dequantised at its end. */
function quantizedInside(): Graph {
  const g = dense('int8');
  const tensors = [
    activation('features', [1, FEATURES], 'float32'),
    { ...g.tensors[0], name: 'quantized' },
    g.tensors[1],
    g.tensors[2],
    activation('real scores', [1, 4], 'float32'),
  ];
  return {
    tensors,
    ops: [
      { kind: 'QUANTIZE', inputs: [0], outputs: [1] },
      { kind: 'FULLY_CONNECTED', inputs: [1, 2], outputs: [3], activation: 'NONE' },
      { kind: 'DEQUANTIZE', inputs: [3], outputs: [4] },
    ],
    inputs: [0],
    outputs: [4],
  };
}

/** Feature windows: ordinary values, then one with ±∞, NaN and values far outside the input's range. */
function windows(): Float32Array[] {
  const ordinary = Array.from({ length: 5 }, () => randomFloat32(FEATURES, random, 15));
  const extreme = Float32Array.from(
    { length: FEATURES },
    (_, j) => [Infinity, -Infinity, NaN, 1e30, -1e30, 0][j % 6],
  );
  return [...ordinary, extreme];
}

const CASES: [string, Graph][] = [
  ['int8 input, standardised', standardized(dense('int8'))],
  ['int8 input, not standardised', dense('int8')],
  ['float32 input quantised inside the graph, standardised', standardized(quantizedInside())],
  ['float32 model, standardised', standardized(dense('float32'))],
];

const dir = mkdtempSync(join(tmpdir(), 'model-features-'));
let harness: ModelHarness;

beforeAll(async () => {
  harness = await ModelHarness.create(dir);
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('generated input and output helpers', () => {
  it.each(CASES)('%s: the runner’s input tensor and outputs, bit for bit', async (_name, graph) => {
    const prefix = `m${CASES.findIndex(([, g]) => g === graph)}`;
    const { binary } = await harness.build(prefix, graph, { prefix }, featuresMain(prefix));
    const inputs = windows();
    const bytes = await harness.execute(prefix, binary, tensorBytes(inputs));

    const input = graph.tensors[graph.inputs[0]];
    const inputBytes = elementCount(input.shape) * (input.dtype === 'int8' ? 1 : 4);
    const outputBytes = 4 * elementCount(graph.tensors[graph.outputs[0]].shape);
    expect(bytes.length).toBe(inputs.length * (inputBytes + outputBytes));
    const runner = graphRunner(graph);
    inputs.forEach((features, i) => {
      const at = i * (inputBytes + outputBytes);
      const s = standardizeInput(graph, features);
      const expectedInput = input.dtype === 'int8' ? quantizeInput(input, s) : s;
      const slice = bytes.slice(at, at + inputBytes).buffer;
      const actualInput = input.dtype === 'int8' ? new Int8Array(slice) : new Float32Array(slice);
      // toEqual tells +0 from −0 and takes NaN as equal to NaN, whatever its payload.
      expect(Array.from(actualInput), `window ${i} input`).toEqual(Array.from(expectedInput));
      const values = new Float32Array(bytes.slice(at + inputBytes, at + inputBytes + outputBytes).buffer);
      expect(Array.from(values), `window ${i} outputs`).toEqual(Array.from(runner(features)));
    });
  });
});
