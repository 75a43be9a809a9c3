/** The shared real models (../shared/testdata/tflite) with the outputs TFLite Micro gave for them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Graph } from '../../../ir/graph';
import { readTflite } from '../../../tflite/reader';

interface CasesFile {
  cases: { input: number[]; output: number[] }[];
}

export interface SharedModel {
  name: string;
  graph: Graph;
  /** Inputs and TFLite Micro's outputs for them. */
  cases: { input: Int8Array; output: Int8Array }[];
}

const TESTDATA = path.resolve(process.cwd(), '../shared/testdata/tflite');

export function loadSharedModel(name: 'hello_world_int8' | 'kws_ref_model'): SharedModel {
  const bytes = new Uint8Array(readFileSync(path.join(TESTDATA, `${name}.tflite`)));
  const file = JSON.parse(readFileSync(path.join(TESTDATA, `${name}.cases.json`), 'utf8')) as CasesFile;
  return {
    name,
    graph: readTflite(bytes, `${name}.tflite`),
    cases: file.cases.map((c) => ({ input: Int8Array.from(c.input), output: Int8Array.from(c.output) })),
  };
}
