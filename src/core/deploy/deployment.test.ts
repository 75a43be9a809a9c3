/**
 * Every download format: the .tflite of a trained impulse reads back as its graph; the header zip holds
 * model_data.h/.cc and a README; a .tflite brought by the user becomes the generated library without a processing
 * block, whose stdio runner, built with g++, gives TensorFlow Lite Micro's outputs for the shared KWS model's cases;
 * and what cannot be deployed says why.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTflite } from '../tflite/reader';
import { hostBuild, run } from '../codegen/c/testUtils/toolchain';
import { loadSharedModel } from '../codegen/model/testUtils/sharedModels';
import { tensorBytes } from '../codegen/model/testUtils/modelHarness';
import { buildImpulseDeployment, buildModelDeployment } from './deployment';
import { GESTURE, gestureAnomaly, gestureClassifier, source } from './testUtils/deployFixtures';
import { unpack } from './testUtils/libraryBuild';

const KWS = resolve(process.cwd(), '../shared/testdata/tflite/kws_ref_model.tflite');
const dir = mkdtempSync(join(tmpdir(), 'deploy-formats-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const gesture = gestureClassifier();

describe('downloads of a trained impulse', () => {
  it('.tflite: the deployed precision’s graph, standardisation included', () => {
    for (const precision of ['int8', 'float32'] as const) {
      const d = buildImpulseDeployment(source(GESTURE, gesture, precision), 'tflite');
      expect(d.fileName).toBe(`Deploy_test_Gestures_${precision}.tflite`);
      const graph = readTflite(d.bytes, d.fileName);
      const expected = precision === 'int8' ? gesture.int8!.graph : gesture.float!;
      expect(graph.ops.map((o) => o.kind)).toEqual(expected.ops.map((o) => o.kind));
      expect(graph.tensors[graph.inputs[0]].dtype).toBe(precision);
      expect(Array.from(graph.standardization!.mean)).toEqual(Array.from(expected.standardization!.mean));
    }
  });

  it('header: model_data.h, model_data.cc and a README in one folder; the header has the standardisation', () => {
    const d = buildImpulseDeployment(source(GESTURE, gesture, 'int8'), 'header');
    const lib = unpack(d.bytes, join(dir, 'header'));
    expect(lib.paths.sort()).toEqual(['README.md', 'model_data.cc', 'model_data.h']);
    const header = lib.files.find((f) => f.path === 'model_data.h')!.contents;
    expect(header).toContain('constexpr float kFeatureMean[33]');
    expect(header).toContain('resolver.AddFullyConnected();');
  });

  it('says what to do when there is nothing to deploy at the chosen precision', () => {
    const unquantised = { ...gesture, int8: undefined };
    expect(() => buildImpulseDeployment(source(GESTURE, unquantised, 'int8'), 'cpp')).toThrow(/quantise it/);
    expect(() => buildImpulseDeployment(source(GESTURE, gestureAnomaly(), 'int8'), 'tflite')).toThrow(
      /K-means anomaly detection has no TensorFlow Lite model/,
    );
    const other = { ...GESTURE, input: { ...GESTURE.input, axes: ['accX', 'accY'] } };
    expect(() => buildImpulseDeployment(source(other, gesture, 'int8'), 'cpp')).toThrow(
      /changed since training/,
    );
  });
});

describe('a .tflite brought by the user', () => {
  it('becomes the generated library with model_invoke(); its stdio runner gives TFLite Micro’s outputs', async () => {
    const bytes = new Uint8Array(readFileSync(KWS));
    const d = buildModelDeployment(bytes, 'kws_ref_model.tflite', 'cpp');
    expect(d.fileName).toBe('kws_ref_model.zip');
    const lib = unpack(d.bytes, join(dir, 'bare'));
    expect(lib.paths).toEqual(
      expect.arrayContaining([
        'README.md',
        'Makefile',
        'src/model.h',
        'src/model.c',
        'examples/stdio_runner/stdio_runner.c',
      ]),
    );
    expect(lib.paths.some((p) => p.includes('_dsp'))).toBe(false);

    const sources = lib.paths.filter((p) => p.endsWith('.c')).map((p) => join(lib.root, p));
    const program = join(lib.root, 'stdio_runner');
    await hostBuild('the bare-model library', sources, program, {
      includeDirs: [join(lib.root, 'src')],
      cplusplus: true,
    });
    const { cases } = loadSharedModel('kws_ref_model');
    writeFileSync(join(lib.root, 'in.bin'), tensorBytes(cases.map((c) => c.input)));
    await run('Running the stdio runner', program, [join(lib.root, 'in.bin'), join(lib.root, 'out.bin')]);
    const out = new Int8Array(new Uint8Array(readFileSync(join(lib.root, 'out.bin'))).buffer);
    expect(Array.from(out)).toEqual(cases.flatMap((c) => Array.from(c.output)));
  });

  it('also becomes the TensorFlow Lite Micro header, with the file’s own bytes', () => {
    const bytes = new Uint8Array(readFileSync(KWS));
    const lib = unpack(
      buildModelDeployment(bytes, 'kws_ref_model.tflite', 'header').bytes,
      join(dir, 'bare-header'),
    );
    const source = lib.files.find((f) => f.path === 'model_data.cc')!.contents;
    expect(source).toContain(`const unsigned int g_model_data_len = ${bytes.length};`);
    expect(source).toContain('alignas(16) const unsigned char g_model_data[]');
  });

  it('is refused with a reason: another format, or a file that is not a model', () => {
    const bytes = new Uint8Array(readFileSync(KWS));
    expect(() => buildModelDeployment(bytes, 'kws.tflite', 'arduino')).toThrow(/deploys as cpp or header/);
    expect(() => buildModelDeployment(new Uint8Array(64), 'notes.tflite', 'cpp')).toThrow(/notes\.tflite/);
  });
});
