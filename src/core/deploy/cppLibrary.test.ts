/**
 * Issue 18's must-show: the exported C++ library of the gesture impulse (int8 and float32 networks, and k-means
 * anomaly detection) and of the keyword impulse (the MLPerf Tiny int8 model behind MFCC), unpacked from its zip,
 * compiled with g++ and with arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -Os for QEMU's
 * mps2-an386 (semihosting, DESIGN.md §11) — and, for the gesture impulse, with -mcpu=cortex-m0 -mfloat-abi=soft
 * for QEMU's microbit, the soft-float path — run on test vectors written here: the processing block's features
 * within 1e-4 relative of the TS DSP (codegen/dsp/testUtils/compareFeatures.ts, with the DSP tests' floors), the
 * network's raw outputs bit for bit the interpreter's on the TS features' input tensor, and the stdio runner's
 * result of the whole impulse (run_impulse's values) equal to the studio's: with an int8 network, bit for bit what
 * the studio computes from the same window (the input quantisation absorbs the DSP's float32 rounding); with a
 * float32 network or k-means scoring, whose values move with every feature bit, bit for bit what the studio's
 * learning block computes from the C's own features, the same label, and within 1e-4 of the studio's from its own.
 * The Cortex-M4 part is skipped, saying which package is missing, where the cross compiler or QEMU is not installed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph, TensorData } from '../ir/graph';
import { prepareInterpreter } from '../interp/interpreter';
import { standardizeInput } from '../ir/standardize';
import { graphRunner, quantizeInput } from '../learn/modelRunner';
import { anomalyScorer } from '../learn/anomaly';
import { compareWithTs, tsFeatures } from '../codegen/dsp/testUtils/checkBlock';
import { describeFailures } from '../codegen/dsp/testUtils/compareFeatures';
import { spectralFloor } from '../codegen/dsp/testUtils/floors';
import { featureRows, windowFile } from '../codegen/dsp/testUtils/hostBuild';
import { missingTools } from '../codegen/c/testUtils/toolchain';
import { outputTensors, tensorBytes } from '../codegen/model/testUtils/modelHarness';
import { buildImpulseDeployment } from './deployment';
import { deployedGraph, type ImpulseSource } from './impulseLibrary';
import {
  GESTURE,
  gestureAnomaly,
  gestureClassifier,
  gestureTestWindows,
  KEYWORDS,
  keywordClassifier,
  keywordTestWindows,
  source,
} from './testUtils/deployFixtures';
import {
  buildForCortexM0,
  buildForCortexM4,
  buildOnHost,
  unpack,
  type Programs,
  type UnpackedLibrary,
} from './testUtils/libraryBuild';

const missingM4 = missingTools(['arm-none-eabi-gcc', 'qemu-system-arm']);
const dir = mkdtempSync(join(tmpdir(), 'deploy-cpp-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** float32 values as their bit patterns (NaN as one pattern), int8 values as they are. */
function bits(data: TensorData): number[] {
  if (!(data instanceof Float32Array)) return Array.from(data);
  const view = new Uint32Array(data.buffer, data.byteOffset, data.length);
  return Array.from(view, (b, i) => (Number.isNaN(data[i]) ? 0x7fc00000 : b));
}

function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

interface Case {
  name: string;
  source: ImpulseSource;
  windows: Float32Array[];
  floor?: (feature: number, ts: Float32Array, window: Float32Array) => number;
}

const gesture = gestureClassifier();
const CASES: Case[] = [
  {
    name: 'gesture impulse, int8 network',
    source: source(GESTURE, gesture, 'int8'),
    windows: gestureTestWindows(),
    floor: spectralFloor(GESTURE),
  },
  {
    name: 'gesture impulse, float32 network',
    source: source(GESTURE, gesture, 'float32'),
    windows: gestureTestWindows(),
    floor: spectralFloor(GESTURE),
  },
  {
    name: 'gesture impulse, k-means anomaly detection',
    source: source(GESTURE, gestureAnomaly(), 'float32'),
    windows: gestureTestWindows(),
    floor: spectralFloor(GESTURE),
  },
  {
    name: 'keyword impulse (MFCC), int8 MLPerf Tiny network',
    source: source(KEYWORDS, keywordClassifier(), 'int8'),
    windows: keywordTestWindows(),
    floor: () => 1,
  },
];

/** What the studio computes for the case's windows: features, the network's input and output tensors, results. */
function expected(c: Case) {
  const features = tsFeatures(c.source.impulse, c.windows);
  const model = c.source.model;
  const graph: Graph | null =
    model.learn.kind === 'anomaly' ? null : deployedGraph(model, c.source.precision);
  let inputs: TensorData[] = [];
  let outputs: TensorData[] = [];
  let learn: (features: Float32Array) => Float32Array;
  if (graph) {
    const input = graph.tensors[graph.inputs[0]];
    inputs = features.map((f) => {
      const standardized = standardizeInput(graph, f);
      return input.dtype === 'int8' ? quantizeInput(input, standardized) : standardized;
    });
    const interpreter = prepareInterpreter(graph);
    outputs = inputs.map((i) => interpreter.invoke([i])[0].slice());
    learn = graphRunner(graph);
  } else {
    const score = anomalyScorer(model.anomaly!);
    learn = (f) => Float32Array.of(score(f));
  }
  return { features, graph, inputs, outputs, learn, results: features.map((f) => learn(f)) };
}

async function checkRun(c: Case, programs: Programs, e: ReturnType<typeof expected>, where: string) {
  const impulse = c.source.impulse;
  const values = c.windows[0].length;
  writeFileSync(join(programs.dir, 'windows.bin'), windowFile(c.windows, values));
  const network = e.graph !== null;
  if (network) writeFileSync(join(programs.dir, 'inputs.bin'), tensorBytes(e.inputs));
  await programs.run('stages', [
    'windows.bin',
    'features.bin',
    ...(network ? ['inputs.bin', 'outputs.bin'] : []),
  ]);
  await programs.run('runner', ['windows.bin', 'results.bin']);

  const features = featureRows(
    readFileSync(join(programs.dir, 'features.bin')),
    e.features[0].length,
    c.windows.length,
  );
  const comparison = compareWithTs(impulse, c.windows, features, c.floor);
  expect(comparison.failureCount, `${where}: features\n${describeFailures(comparison)}`).toBe(0);

  if (e.graph) {
    const outputs = outputTensors(e.graph, new Uint8Array(readFileSync(join(programs.dir, 'outputs.bin'))));
    expect(outputs, `${where}: outputs`).toHaveLength(e.outputs.length);
    e.outputs.forEach((o, i) => expect(bits(outputs[i]), `${where}: output ${i}`).toEqual(bits(o)));
  }

  const resultBytes = new Uint8Array(readFileSync(join(programs.dir, 'results.bin')));
  const count = e.results[0].length;
  expect(resultBytes.length, `${where}: result bytes`).toBe(4 * count * c.windows.length);
  const all = new Float32Array(resultBytes.slice().buffer);
  const exact = c.source.model.learn.kind !== 'anomaly' && c.source.precision === 'int8';
  e.results.forEach((r, i) => {
    const result = all.slice(i * count, (i + 1) * count);
    expect(bits(result), `${where}: result of window ${i} from its C features`).toEqual(
      bits(e.learn(features[i])),
    );
    if (exact) {
      expect(bits(result), `${where}: result of window ${i}`).toEqual(bits(r));
    } else {
      expect(argmax(result), `${where}: label of window ${i}`).toBe(argmax(r));
      result.forEach((v, k) =>
        expect(Math.abs(v - r[k]), `${where}: window ${i} value ${k}`).toBeLessThanOrEqual(
          1e-4 * Math.max(Math.abs(r[k]), 1),
        ),
      );
    }
  });
  return comparison;
}

describe.each(CASES)('the exported C++ library: $name', (c) => {
  let lib: UnpackedLibrary;
  let e: ReturnType<typeof expected>;
  const caseDir = join(dir, c.name.replace(/\W+/g, '_'));

  beforeAll(() => {
    const deployment = buildImpulseDeployment(c.source, 'cpp');
    lib = unpack(deployment.bytes, join(caseDir, 'zip'));
    e = expected(c);
  });

  it('holds the README, the Makefile, the sources and examples/stdio_runner/', () => {
    expect(lib.paths).toEqual(
      expect.arrayContaining([
        'README.md',
        'Makefile',
        'src/impulse.h',
        'src/impulse.c',
        'src/impulse_dsp.h',
        'src/impulse_dsp.c',
        'examples/stdio_runner/stdio_runner.c',
      ]),
    );
    const network = c.source.model.learn.kind !== 'anomaly';
    expect(lib.paths.includes('src/impulse_model.c')).toBe(network);
  });

  it("built with g++, gives the studio's features, network outputs and results", async () => {
    const programs = await buildOnHost(lib, e.graph !== null);
    await checkRun(c, programs, e, 'g++');
  });

  it.skipIf(missingM4 !== null)(
    `built for a Cortex-M4F and run on QEMU mps2-an386, gives the same${missingM4 === null ? '' : ` (skipped: ${missingM4})`}`,
    async () => {
      const programs = await buildForCortexM4(lib, e.graph !== null, join(caseDir, 'm4'));
      await checkRun(c, programs, e, 'Cortex-M4');
    },
  );

  // The keyword impulse's one-second window alone (64 KB of float32) is more than the microbit's 16 KB of RAM.
  it.skipIf(missingM4 !== null || c.source.impulse.input.axes[0] === 'audio')(
    `built for a Cortex-M0 (soft float) and run on QEMU microbit, gives the same${missingM4 === null ? '' : ` (skipped: ${missingM4})`}`,
    async () => {
      const programs = await buildForCortexM0(lib, e.graph !== null, join(caseDir, 'm0'));
      await checkRun(c, programs, e, 'Cortex-M0');
    },
  );
});
