import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTflite } from '../tflite/reader';
import { prepareInterpreter } from './interpreter';

interface CasesFile {
  input_shape: number[];
  cases: { input: number[]; output: number[]; armnn_output: number[] }[];
}

const TESTDATA = path.resolve(process.cwd(), '../shared/testdata/tflite');

function load(model: string) {
  const bytes = new Uint8Array(readFileSync(path.join(TESTDATA, `${model}.tflite`)));
  const cases = JSON.parse(readFileSync(path.join(TESTDATA, `${model}.cases.json`), 'utf8')) as CasesFile;
  return { interpreter: prepareInterpreter(readTflite(bytes, `${model}.tflite`)), cases: cases.cases };
}

/** Runs every case; returns our outputs next to TFLite Micro's and Arm NN's. */
function runCases(model: string) {
  const { interpreter, cases } = load(model);
  return cases.map((c) => ({
    ours: Array.from(interpreter.invoke([Int8Array.from(c.input)])[0]),
    tflm: c.output,
    armnn: c.armnn_output,
  }));
}

function differingValues(a: number[], b: number[]): number {
  return a.filter((v, i) => v !== b[i]).length;
}

describe('TFLite Micro reference outputs', () => {
  it('hello_world_int8: every case matches TFLite Micro exactly', () => {
    const results = runCases('hello_world_int8');
    expect(results).toHaveLength(8);
    for (const r of results) expect(r.ours).toEqual(r.tflm);
  });

  it('hello_world_int8: only case 1 differs from Arm NN, by one LSB (float vs integer requantisation)', () => {
    const results = runCases('hello_world_int8');
    const differing = results.flatMap((r, i) => (differingValues(r.ours, r.armnn) > 0 ? [i] : []));
    expect(differing).toEqual([1]);
    expect(results[1].ours[0] - results[1].armnn[0]).toBe(1);
  });

  it('kws_ref_model: every case matches TFLite Micro exactly', () => {
    const results = runCases('kws_ref_model');
    expect(results).toHaveLength(8);
    for (const r of results) expect(r.ours).toEqual(r.tflm);
  });

  it('kws_ref_model: Arm NN happens to agree on all 8 cases too', () => {
    const results = runCases('kws_ref_model');
    expect(results.reduce((n, r) => n + differingValues(r.ours, r.armnn), 0)).toBe(0);
  });
});
