/**
 * Generated C against the interpreter for small graphs of every op kind, int8 and float32 (testUtils/
 * opGraphs.ts), built with g++ as C99 (-O2 -Wall -Wextra -Werror) and run on seeded inputs. int8 outputs
 * are compared bit for bit; so are float32 outputs: the C kernels keep the interpreter's order of float32
 * operations and switch off fused multiply-add, so the same IEEE operations give the same bits (softmax's
 * exp is evaluated in double and rounded to float32 on both sides).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpKind, TensorData } from '../../ir/graph';
import { prepareInterpreter } from '../../interp/interpreter';
import { run, WARNING_FLAGS } from '../c/testUtils/toolchain';
import { ModelHarness } from './testUtils/modelHarness';
import { type OpCase, opCases } from './testUtils/opGraphs';

const ALL_KINDS: OpKind[] = [
  'FULLY_CONNECTED',
  'CONV_2D',
  'DEPTHWISE_CONV_2D',
  'MAX_POOL_2D',
  'AVERAGE_POOL_2D',
  'RESHAPE',
  'SOFTMAX',
  'QUANTIZE',
  'DEQUANTIZE',
  'ADD',
  'MEAN',
];

/** The value bits of a tensor (float32 as IEEE bit patterns, NaN as one pattern), for exact comparison. */
function bits(data: TensorData): number[] {
  if (!(data instanceof Float32Array)) return Array.from(data);
  const view = new Uint32Array(data.buffer, data.byteOffset, data.length);
  return Array.from(view, (b, i) => (Number.isNaN(data[i]) ? 0x7fc00000 : b));
}

const cases = opCases();
const dir = mkdtempSync(join(tmpdir(), 'model-ops-'));
const results = new Map<string, TensorData[]>();

beforeAll(async () => {
  const harness = await ModelHarness.create(dir);
  // Two builds at a time: the test machines have two cores.
  const queue = cases.map((c, i) => ({ c, name: `case${i}` }));
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      results.set(next.c.name, await harness.run(next.name, next.c.graph, next.c.inputs));
    }
  };
  await Promise.all([worker(), worker()]);
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('generated C of one graph per op variant', () => {
  it('covers every op kind in int8 and in float32', () => {
    const kindsOf = (prefix: string) =>
      new Set(
        cases.filter((c) => c.name.startsWith(prefix)).flatMap((c) => c.graph.ops.map((op) => op.kind)),
      );
    const conversions = new Set<OpKind>(['QUANTIZE', 'DEQUANTIZE']);
    expect([...kindsOf('int8 ')].sort()).toEqual([...ALL_KINDS].sort());
    expect([...kindsOf('float32 ')].sort()).toEqual(ALL_KINDS.filter((k) => !conversions.has(k)).sort());
  });

  it('every generated model also compiles as C++ with every warning an error', async () => {
    const sources = cases.map((_, i) => join(dir, `case${i}`, `case${i}_model.c`));
    const flags = ['-x', 'c++', '-std=c++11', '-fsyntax-only', ...WARNING_FLAGS, `-I${join(dir, 'kernels')}`];
    await expect(run('Compiling the models as C++', 'g++', [...flags, ...sources])).resolves.toBe('');
  });

  it.each(cases.map((c) => [c.name, c] as [string, OpCase]))('%s: the interpreter’s bits', (_name, c) => {
    const outputs = results.get(c.name)!;
    const interpreter = prepareInterpreter(c.graph);
    expect(outputs).toHaveLength(c.inputs.length);
    c.inputs.forEach((input, i) => {
      expect(bits(outputs[i]), `input ${i}`).toEqual(bits(interpreter.invoke([input])[0]));
    });
  });
});
