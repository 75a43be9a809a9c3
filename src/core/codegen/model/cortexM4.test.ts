/**
 * The generated KWS model on an emulated Cortex-M4F: built with arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb
 * -mfloat-abi=hard -Os (-Wall -Wextra -Werror) into a bare-metal image for QEMU's mps2-an386, run with
 * semihosting on raw input files; its outputs are TFLite Micro's and the interpreter's, bit for bit. So
 * are those of every op graph of opGraphs.test.ts, int8 (here CONV_2D and FULLY_CONNECTED take the
 * SMLAD path of tml_int8_dot.h) and float32 (the M4F has a fused multiply-add the kernels must not use).
 * Skipped, saying which package is missing, where the cross compiler or QEMU is not installed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { elementCount, type TensorData } from '../../ir/graph';
import { prepareInterpreter } from '../../interp/interpreter';
import { randomInt8, seededRandom } from '../../interp/testGraphs';
import { buildCortexM4Image, runOnCortexM4 } from '../c/testUtils/cortexM4';
import { missingTools } from '../c/testUtils/toolchain';
import { generateModelC } from './generateModelC';
import { generateModelRunnerMain } from './modelRunnerMain';
import { outputTensors, tensorBytes } from './testUtils/modelHarness';
import { multiModelMain } from './testUtils/multiModelMain';
import { opCases } from './testUtils/opGraphs';
import { loadSharedModel } from './testUtils/sharedModels';
import type { GeneratedFile } from '../c/generatedFile';

const missing = missingTools(['arm-none-eabi-gcc', 'qemu-system-arm']);
const dir = mkdtempSync(join(tmpdir(), 'model-m4-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The float32 bits of a tensor (NaN as one pattern), or its int8 values. */
function bits(data: TensorData): number[] {
  if (!(data instanceof Float32Array)) return Array.from(data);
  const view = new Uint32Array(data.buffer, data.byteOffset, data.length);
  return Array.from(view, (b, i) => (Number.isNaN(data[i]) ? 0x7fc00000 : b));
}

describe('generated C on an emulated Cortex-M4F (QEMU mps2-an386)', () => {
  it.skipIf(missing !== null)(
    `the KWS model gives TFLite Micro's and the interpreter's outputs bit for bit${missing === null ? '' : ` (skipped: ${missing})`}`,
    async () => {
      const model = loadSharedModel('kws_ref_model');
      const size = elementCount(model.graph.tensors[model.graph.inputs[0]].shape);
      const random = seededRandom(11);
      const randomInputs = Array.from({ length: 4 }, () => randomInt8(size, random));
      const inputs = [...model.cases.map((c) => c.input), ...randomInputs];
      const generated = generateModelC(model.graph, undefined, { prefix: 'kws' });
      const elf = await buildCortexM4Image(dir, 'kws', [
        ...generated.files,
        generateModelRunnerMain({ prefix: 'kws' }),
      ]);
      writeFileSync(join(dir, 'in.bin'), tensorBytes(inputs));
      await runOnCortexM4(dir, elf, ['in.bin', 'out.bin']);
      const outputs = outputTensors(model.graph, new Uint8Array(readFileSync(join(dir, 'out.bin'))));

      expect(outputs).toHaveLength(inputs.length);
      model.cases.forEach((c, i) =>
        expect(Array.from(outputs[i]), `case ${i}`).toEqual(Array.from(c.output)),
      );
      const interpreter = prepareInterpreter(model.graph);
      randomInputs.forEach((input, i) => {
        const expected = interpreter.invoke([input])[0];
        expect(Array.from(outputs[model.cases.length + i]), `random input ${i}`).toEqual(
          Array.from(expected),
        );
      });
    },
  );

  it.skipIf(missing !== null)(
    `every op graph gives the interpreter's bits${missing === null ? '' : ` (skipped: ${missing})`}`,
    async () => {
      const cases = opCases();
      const caseDir = join(dir, 'ops');
      const files = new Map<string, GeneratedFile>();
      const prefixes = cases.map((c, i) => {
        const prefix = `case${i}`;
        for (const f of generateModelC(c.graph, undefined, { prefix }).files) files.set(f.path, f);
        return prefix;
      });
      const elf = await buildCortexM4Image(caseDir, 'ops', [...files.values(), multiModelMain(prefixes)]);
      cases.forEach((c, i) => writeFileSync(join(caseDir, `${prefixes[i]}.in`), tensorBytes(c.inputs)));
      await runOnCortexM4(caseDir, elf, []);

      cases.forEach((c, i) => {
        const outputs = outputTensors(
          c.graph,
          new Uint8Array(readFileSync(join(caseDir, `${prefixes[i]}.out`))),
        );
        const interpreter = prepareInterpreter(c.graph);
        expect(outputs, c.name).toHaveLength(c.inputs.length);
        c.inputs.forEach((input, k) => {
          expect(bits(outputs[k]), `${c.name}, input ${k}`).toEqual(bits(interpreter.invoke([input])[0]));
        });
      });
    },
  );
});
