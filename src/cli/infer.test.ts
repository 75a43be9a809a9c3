import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../core/ir/graph';
import { writeTflite } from '../core/tflite';
import { int8Graph } from '../core/tflite/testUtils/testGraphs';
import { fakeIo } from './fakeIo';
import { runCli } from './run';

interface CasesFile {
  cases: { input: number[]; output: number[] }[];
}

const TFLITE = resolve(process.cwd(), '../shared/testdata/tflite');
const HELLO = `${TFLITE}/hello_world_int8.tflite`;
const KWS = `${TFLITE}/kws_ref_model.tflite`;
const cases = (model: string) =>
  (JSON.parse(readFileSync(`${TFLITE}/${model}.cases.json`, 'utf8')) as CasesFile).cases;

const encode = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

/** Runs `infer <model> --input in.json [extra]` with `in.json` (and any other files) held in memory. */
async function infer(
  model: string,
  input: unknown,
  extra: string[] = [],
  files: Record<string, Uint8Array> = {},
) {
  const t = fakeIo({ 'in.json': encode(input), ...files });
  const code = await runCli(['infer', model, '--input', 'in.json', ...extra], t.io);
  return { code, ...t };
}

/** y = W·x + b with float32-exact values: [1, 0.5] → [0.125, 1.625], [-2, 0.25] → [-1.125, -4.4375]. */
function denseGraph(): Graph {
  return {
    tensors: [
      { name: 'x', shape: [1, 2], dtype: 'float32' },
      { name: 'w', shape: [2, 2], dtype: 'float32', data: Float32Array.from([0.5, -1, 2, 0.25]) },
      { name: 'b', shape: [2], dtype: 'float32', data: Float32Array.from([0.125, -0.5]) },
      { name: 'y', shape: [1, 2], dtype: 'float32' },
    ],
    ops: [{ kind: 'FULLY_CONNECTED', inputs: [0, 1, 2], outputs: [3], activation: 'NONE' }],
    inputs: [0],
    outputs: [3],
  };
}

describe('studio infer', () => {
  it.each(cases('hello_world_int8').map((c, i) => [i, c] as const))(
    'hello_world_int8 case %i gives TFLite Micro’s output exactly',
    async (_, c) => {
      const r = await infer(HELLO, { input: c.input });
      expect(r.code).toBe(0);
      expect(r.out).toEqual([JSON.stringify({ output: c.output })]);
    },
  );

  it('hello_world_int8 runs all cases as one batch', async () => {
    const all = cases('hello_world_int8');
    const r = await infer(HELLO, { inputs: all.map((c) => c.input) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out[0])).toEqual({ outputs: all.map((c) => c.output) });
  });

  it('kws_ref_model gives TFLite Micro’s outputs exactly, single and batch, to stdout and --out', async () => {
    const all = cases('kws_ref_model');
    expect(all[0].input).toHaveLength(490);
    for (const c of all.slice(0, 2)) {
      const r = await infer(KWS, { input: c.input });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out[0])).toEqual({ output: c.output });
    }
    const r = await infer(KWS, { inputs: all.map((c) => c.input) }, ['--out', 'out/o.json']);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([]);
    expect(r.written['out/o.json']).toBe(JSON.stringify({ outputs: all.map((c) => c.output) }) + '\n');
  });

  it('a float32 model takes and gives floats', async () => {
    const files = { 'dense.tflite': writeTflite(denseGraph()) };
    const single = await infer('dense.tflite', { input: [1, 0.5] }, [], files);
    expect(single.code).toBe(0);
    expect(single.out).toEqual(['{"output":[0.125,1.625]}']);
    const batch = await infer(
      'dense.tflite',
      {
        inputs: [
          [1, 0.5],
          [-2, 0.25],
        ],
      },
      [],
      files,
    );
    expect(batch.out).toEqual(['{"outputs":[[0.125,1.625],[-1.125,-4.4375]]}']);
  });

  it.each([
    [['infer', '--input', 'in.json'], 'studio: infer needs exactly one model file (.tflite)'],
    [['infer', HELLO, KWS, '--input', 'in.json'], 'studio: infer needs exactly one model file (.tflite)'],
    [['infer', HELLO], 'studio: --input <input.json> is required'],
    [['infer', HELLO, '--input'], 'studio: option --input needs a value'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const t = fakeIo();
    expect(await runCli(argv, t.io)).toBe(2);
    expect(t.err).toEqual([message, "Run 'studio help infer' for usage."]);
  });

  it.each([
    ['a missing model file', 'missing.tflite', /^infer: .*no such file.*missing\.tflite/],
    ['a file that is no model', 'bad.tflite', /^infer: bad\.tflite: this is not a TensorFlow Lite model/],
    ['a truncated model', 'cut.tflite', /^infer: cut\.tflite: the model file is damaged: /],
    [
      'two inputs',
      'two-in.tflite',
      /^infer: two-in\.tflite: the model has 2 inputs and 1 output; the CLI supports one input and one output$/,
    ],
    [
      'two outputs',
      'two-out.tflite',
      /^infer: two-out\.tflite: the model has 1 input and 2 outputs; the CLI supports one input and one output$/,
    ],
    ['a model the interpreter refuses', 'mixed.tflite', /^infer: mixed\.tflite: .*RESHAPE.*float32/],
    [
      'an int32 input',
      'int32.tflite',
      /^infer: int32\.tflite: the model's input is int32; the CLI supports int8 and float32$/,
    ],
  ])('%s fails with exit 1 and the file named', async (_, model, message) => {
    const twoOut = denseGraph();
    twoOut.tensors.push({ name: 'y2', shape: [1, 2], dtype: 'float32' });
    twoOut.ops.push({ kind: 'FULLY_CONNECTED', inputs: [0, 1, 2], outputs: [4], activation: 'NONE' });
    twoOut.outputs.push(4);
    const files = {
      'bad.tflite': encode('not a model'),
      'cut.tflite': new Uint8Array(readFileSync(HELLO)).subarray(0, 600),
      'two-in.tflite': writeTflite(int8Graph()),
      'two-out.tflite': writeTflite(twoOut),
      'mixed.tflite': writeTflite({
        tensors: [
          {
            name: 'x',
            shape: [1, 2],
            dtype: 'int8',
            quant: { scale: [0.5], zeroPoint: [0], quantizedDimension: 0 },
          },
          { name: 'y', shape: [2], dtype: 'float32' },
        ],
        ops: [{ kind: 'RESHAPE', inputs: [0], outputs: [1], newShape: [2] }],
        inputs: [0],
        outputs: [1],
      }),
      'int32.tflite': writeTflite({
        tensors: [
          { name: 'x', shape: [1, 2], dtype: 'int32' },
          { name: 'y', shape: [2], dtype: 'int32' },
        ],
        ops: [{ kind: 'RESHAPE', inputs: [0], outputs: [1], newShape: [2] }],
        inputs: [0],
        outputs: [1],
      }),
    };
    const r = await infer(model, { input: [0] }, [], files);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(message);
  });

  it('a missing input file fails with exit 1 and the file named', async () => {
    const t = fakeIo();
    expect(await runCli(['infer', HELLO, '--input', 'nowhere/in.json'], t.io)).toBe(1);
    expect(t.err[0]).toMatch(/^infer: .*no such file.*nowhere\/in\.json/);
  });

  it.each([
    ['not JSON', '{"input": [1,', /^in\.json: not valid JSON \(/],
    [
      'neither form',
      { values: [1] },
      /^in\.json: expected \{"input": \[\.\.\.\]\} or \{"inputs": \[\[\.\.\.\], \.\.\.\]\}$/,
    ],
    ['both forms', { input: [1], inputs: [[1]] }, /^in\.json: expected \{"input"/],
    ['a top-level array', [[1]], /^in\.json: expected \{"input"/],
    ['"input" not an array', { input: 5 }, /^in\.json: "input" is not an array; expected/],
    ['"inputs" not an array', { inputs: 'x' }, /^in\.json: "inputs" is not an array; expected/],
    ['an empty batch', { inputs: [] }, /^in\.json: "inputs" is empty; give at least one input$/],
    ['a batch row not an array', { inputs: [[1], 2] }, /^in\.json: input 1 is not an array of numbers$/],
    [
      'too many values',
      { input: [1, 2] },
      /^in\.json: input 0 has 2 values; the model's input \[1,1\] needs 1$/,
    ],
    [
      'a value out of int8 range',
      { inputs: [[3], [128]] },
      /^in\.json: input 1 value 0 is 128; the model's input is int8, which takes integers in \[-128, 127\]$/,
    ],
    [
      'a fractional int8 value',
      { input: [1.5] },
      /^in\.json: input 0 value 0 is 1.5; the model's input is int8/,
    ],
    ['a non-number', { input: ['7'] }, /^in\.json: input 0 value 0 is "7", not a number$/],
    ['null', { input: [null] }, /^in\.json: input 0 value 0 is null, not a number$/],
  ])('%s fails with exit 1', async (_, input, message) => {
    const r = await infer(HELLO, input);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([expect.stringMatching(/^infer: /)]);
    expect(r.err[0].slice('infer: '.length)).toMatch(message);
  });

  it('names the length mismatch against the kws model’s input shape', async () => {
    const r = await infer(KWS, { input: Array.from({ length: 12 }, () => 0) });
    expect(r.code).toBe(1);
    expect(r.err).toEqual(["infer: in.json: input 0 has 12 values; the model's input [1,49,10,1] needs 490"]);
  });

  it('float32 inputs must be numbers within float32 range, and outputs must be finite', async () => {
    const files = { 'dense.tflite': writeTflite(denseGraph()) };
    const big = await infer('dense.tflite', { input: [1, 1e39] }, [], files);
    expect(big.code).toBe(1);
    expect(big.err).toEqual([
      "infer: in.json: input 0 value 1 is 1e+39, outside the float32 range of the model's input",
    ]);
    const text = await infer('dense.tflite', { input: [1, 'a'] }, [], files);
    expect(text.err).toEqual(['infer: in.json: input 0 value 1 is "a", not a number']);
    // 2·3e38 + 2·(−3e38) is ∞ − ∞ in float32: NaN, which JSON cannot hold (the NONE clamp keeps NaN).
    const sum = denseGraph();
    sum.tensors[1].data = Float32Array.from([2, 2, 2, 2]);
    files['dense.tflite'] = writeTflite(sum);
    const overflow = await infer(
      'dense.tflite',
      {
        inputs: [
          [0, 0],
          [3e38, -3e38],
        ],
      },
      [],
      files,
    );
    expect(overflow.code).toBe(1);
    expect(overflow.out).toEqual([]);
    expect(overflow.err).toEqual(['infer: dense.tflite: output 1 value 0 is NaN, which JSON cannot hold']);
  });

  it('is listed in help', async () => {
    const t = fakeIo();
    expect(await runCli(['help', 'infer'], t.io)).toBe(0);
    expect(t.out[0]).toBe('Usage: studio infer <model.tflite> --input <input.json> [--out <out.json>]');
  });
});
