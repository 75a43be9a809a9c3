/**
 * The Arduino library zip (Arduino library specification 1.5): one root folder with library.properties (every
 * required field), src/ with the library's main header, examples/ with the sketches the impulse's sensor calls for
 * (Rev1 and Rev2 IMU, or the PDM microphone, and the TensorFlow Lite Micro variant) and the stdio runner. Each
 * sketch is compiled as the Arduino builder would (Arduino.h first, the .ino as C++) with g++ -fsyntax-only against
 * the host stand-ins of the Arduino core, the IMU libraries, PDM and TensorFlow Lite Micro
 * (firmware/host_test/arduino_stubs, firmware/host_test/tflm_stubs), so that an include or API mistake fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gpp } from '../protocol/testUtils/gpp';
import { buildImpulseDeployment } from './deployment';
import type { ImpulseSource } from './impulseLibrary';
import { SKETCH_NAMES } from './arduino/sketches';
import {
  GESTURE,
  gestureAnomaly,
  gestureClassifier,
  KEYWORDS,
  keywordClassifier,
  source,
} from './testUtils/deployFixtures';
import { unpack } from './testUtils/libraryBuild';

const STUBS = resolve(process.cwd(), 'firmware/host_test/arduino_stubs');
const TFLM_STUBS = resolve(process.cwd(), 'firmware/host_test/tflm_stubs');
const dir = mkdtempSync(join(tmpdir(), 'deploy-arduino-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const REQUIRED = [
  'name',
  'version',
  'author',
  'maintainer',
  'sentence',
  'paragraph',
  'category',
  'url',
  'architectures',
];

function properties(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

/** The sketch as the Arduino builder compiles it, syntax only, every warning an error. */
function syntaxCheck(root: string, sketch: string, defines: string[] = []): Promise<void> {
  const folder = join(root, 'examples', sketch);
  return gpp(`the example sketch ${sketch} ${defines.join(' ')}`, [
    '-fsyntax-only',
    ...defines,
    '-std=gnu++17',
    '-Wall',
    '-Wextra',
    '-Werror',
    `-I${STUBS}`,
    `-I${TFLM_STUBS}`,
    `-I${join(root, 'src')}`,
    `-I${folder}`,
    '-include',
    'Arduino.h',
    '-x',
    'c++',
    join(folder, `${sketch}.ino`),
  ]);
}

interface Case {
  name: string;
  source: ImpulseSource;
  sketches: string[];
}

const CASES: Case[] = [
  {
    name: 'gesture impulse, int8 network',
    source: source(GESTURE, gestureClassifier(), 'int8'),
    sketches: [SKETCH_NAMES.rev1, SKETCH_NAMES.rev2, SKETCH_NAMES.tfliteMicro],
  },
  {
    name: 'gesture impulse, float32 network',
    source: source(GESTURE, gestureClassifier(), 'float32'),
    sketches: [SKETCH_NAMES.rev1, SKETCH_NAMES.rev2, SKETCH_NAMES.tfliteMicro],
  },
  {
    name: 'gesture impulse, k-means anomaly detection',
    source: source(GESTURE, gestureAnomaly(), 'float32'),
    sketches: [SKETCH_NAMES.rev1, SKETCH_NAMES.rev2],
  },
  {
    name: 'keyword impulse',
    source: source(KEYWORDS, keywordClassifier(), 'int8'),
    sketches: [SKETCH_NAMES.microphone, SKETCH_NAMES.tfliteMicro],
  },
];

describe.each(CASES)('the Arduino library: $name', (c) => {
  const deployment = buildImpulseDeployment(c.source, 'arduino');
  const lib = unpack(deployment.bytes, join(dir, c.name.replace(/\W+/g, '_')));
  const name = 'Deploy_test_' + c.source.impulse.name;

  it('is one folder named as the library, with library.properties per specification 1.5', () => {
    expect(deployment.fileName).toBe(`${name}.zip`);
    expect(lib.root.endsWith(`/${name}`)).toBe(true);
    const props = properties(lib.files.find((f) => f.path === 'library.properties')!.contents);
    for (const key of REQUIRED) expect(props[key], key).toMatch(/\S/);
    expect(props.name).toBe(name);
    expect(props.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(props.includes).toBe(`${name}.h`);
  });

  it('holds src/, the main header, the stdio runner and the sketches for its sensor', () => {
    expect(lib.paths).toEqual(
      expect.arrayContaining([
        `src/${name}.h`,
        'src/impulse.h',
        'src/impulse_dsp.c',
        'README.md',
        'examples/stdio_runner/stdio_runner.c',
        ...c.sketches.map((s) => `examples/${s}/${s}.ino`),
      ]),
    );
    const sketches = lib.paths.filter((p) => p.endsWith('.ino')).map((p) => dirname(p).split('/')[1]);
    expect(sketches.sort()).toEqual([...c.sketches].sort());
    if (c.sketches.includes(SKETCH_NAMES.tfliteMicro)) {
      expect(lib.paths).toEqual(
        expect.arrayContaining([
          `examples/${SKETCH_NAMES.tfliteMicro}/model_data.h`,
          `examples/${SKETCH_NAMES.tfliteMicro}/model_data.cpp`,
        ]),
      );
      const sketch = lib.files.find((f) => f.path.endsWith(`${SKETCH_NAMES.tfliteMicro}.ino`))!.contents;
      expect(sketch).toContain('no longer in the Library Manager');
      expect(sketch).toContain('github.com/tensorflow/tflite-micro-arduino-examples');
    }
  });

  it.each(c.sketches)(
    '%s compiles against the Arduino, sensor and TFLite Micro stand-ins',
    async (sketch) => {
      await syntaxCheck(lib.root, sketch);
    },
  );

  const imuTfliteMicro =
    c.sketches.includes(SKETCH_NAMES.tfliteMicro) && c.sketches.includes(SKETCH_NAMES.rev1);
  it.runIf(imuTfliteMicro)(
    'the TFLite Micro sketch also compiles for a Rev1 board (BOARD_REV 1)',
    async () => {
      await syntaxCheck(lib.root, SKETCH_NAMES.tfliteMicro, ['-DBOARD_REV=1']);
    },
  );

  it.runIf(c.sketches.includes(SKETCH_NAMES.tfliteMicro))('model_data.cpp compiles', async () => {
    const file = join(lib.root, 'examples', SKETCH_NAMES.tfliteMicro, 'model_data.cpp');
    await gpp('model_data.cpp', ['-fsyntax-only', '-std=gnu++17', '-Wall', '-Wextra', '-Werror', file]);
  });
});

describe("the Arduino library of an impulse whose axes are not the Nano's sensors", () => {
  it('has no board sketch and says why in its README', () => {
    const impulse = { ...GESTURE, input: { ...GESTURE.input, axes: ['x', 'y', 'z'] } };
    const lib = unpack(
      buildImpulseDeployment(source(impulse, gestureClassifier(), 'int8'), 'arduino').bytes,
      join(dir, 'other-axes'),
    );
    expect(lib.paths.filter((p) => p.endsWith('.ino'))).toEqual([]);
    expect(lib.files.find((f) => f.path === 'README.md')!.contents).toContain('the axis "x" is not one of');
  });
});
