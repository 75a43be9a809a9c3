/**
 * The generated C of the two shared real models (hello_world_int8, the KWS DS-CNN), built with g++ on the
 * host as C99 (-O2 -Wall -Wextra -Werror) and run on raw input tensors: bit for bit TFLite Micro's outputs
 * in the `.cases.json` files and the studio interpreter's outputs on seeded random inputs. Also: every
 * kernel source and the generated model compile as C++.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementCount } from '../../ir/graph';
import { prepareInterpreter } from '../../interp/interpreter';
import { randomInt8, seededRandom } from '../../interp/testGraphs';
import { kernelLibraryFiles } from '../c/kernelLibrary';
import { cSources, hostBuild, run, writeFiles } from '../c/testUtils/toolchain';
import { generateModelC } from './generateModelC';
import { generateModelRunnerMain } from './modelRunnerMain';
import { outputTensors, tensorBytes } from './testUtils/modelHarness';
import { loadSharedModel, type SharedModel } from './testUtils/sharedModels';

const RANDOM_INPUTS = 12;

let dir = '';

/** Builds the model's complete generated file set (as the library ships it) and runs it on `inputs`. */
async function runGenerated(model: SharedModel, prefix: string, inputs: Int8Array[]): Promise<Int8Array[]> {
  const generated = generateModelC(model.graph, undefined, { prefix });
  const modelDir = join(dir, prefix);
  const paths = writeFiles(modelDir, [...generated.files, generateModelRunnerMain({ prefix })]);
  const binary = join(modelDir, 'runner');
  await hostBuild(`the generated ${model.name}`, cSources(paths), binary);
  writeFileSync(join(modelDir, 'inputs.bin'), tensorBytes(inputs));
  await run(`Running the generated ${model.name}`, binary, ['inputs.bin', 'outputs.bin'], modelDir);
  return outputTensors(
    model.graph,
    new Uint8Array(readFileSync(join(modelDir, 'outputs.bin'))),
  ) as Int8Array[];
}

function randomInputs(model: SharedModel, seed: number): Int8Array[] {
  const random = seededRandom(seed);
  const size = elementCount(model.graph.tensors[model.graph.inputs[0]].shape);
  return Array.from({ length: RANDOM_INPUTS }, () => randomInt8(size, random));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'model-c-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ['hello_world_int8', 'hello', 8],
  ['kws_ref_model', 'kws', 8],
] as const)('generated C of %s', (name, prefix, caseCount) => {
  const model = loadSharedModel(name);
  const interpreter = prepareInterpreter(model.graph);
  const random = randomInputs(model, 7);
  let outputs: Int8Array[] = [];

  beforeAll(async () => {
    outputs = await runGenerated(model, prefix, [...model.cases.map((c) => c.input), ...random]);
  });

  it(`gives TFLite Micro's outputs bit for bit on all ${caseCount} cases`, () => {
    expect(model.cases).toHaveLength(caseCount);
    model.cases.forEach((c, i) => expect(Array.from(outputs[i]), `case ${i}`).toEqual(Array.from(c.output)));
  });

  it('gives the interpreter’s outputs bit for bit on seeded random inputs', () => {
    expect(outputs).toHaveLength(caseCount + RANDOM_INPUTS);
    random.forEach((input, i) => {
      const expected = interpreter.invoke([input])[0];
      expect(Array.from(outputs[caseCount + i]), `random input ${i}`).toEqual(Array.from(expected));
    });
  });
});

describe('C++', () => {
  it('every kernel source and the generated KWS model compile as C++ with every warning an error', async () => {
    const cppDir = join(dir, 'cplusplus');
    const model = generateModelC(loadSharedModel('kws_ref_model').graph, undefined, { prefix: 'kws' });
    const files = [...kernelLibraryFiles(), ...model.files.filter((f) => f.path.startsWith('kws_model'))];
    const paths = writeFiles(cppDir, [...files, generateModelRunnerMain({ prefix: 'kws' })]);
    const objects = await hostBuild('the library as C++', cSources(paths), '', {
      cplusplus: true,
      compileOnly: true,
    });
    expect(objects).toHaveLength(cSources(paths).length);
  });
});
