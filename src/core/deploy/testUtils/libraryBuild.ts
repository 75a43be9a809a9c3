/**
 * Builds an exported library as a user would: unpacks the zip, compiles every `src/*.c` with the stdio runner
 * (and a test main that prints the stages apart: the processing block's features and the network's raw outputs),
 * with g++ on the host or arm-none-eabi-gcc for QEMU's mps2-an386 (Cortex-M4F) or microbit (Cortex-M0, soft
 * float), and runs them on files of test vectors.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { GeneratedFile } from '../../codegen/c/generatedFile';
import { buildCortexM4Image, runOnCortexM4 } from '../../codegen/c/testUtils/cortexM4';
import { buildMicrobitImage, runOnMicrobit } from '../../codegen/dsp/testUtils/microbit';
import { hostBuild, run } from '../../codegen/c/testUtils/toolchain';
import { STDIO_RUNNER_PATH } from '../stdioRunner';

export interface UnpackedLibrary {
  /** The library's root folder. */
  root: string;
  /** Paths inside the zip, without the root folder. */
  paths: string[];
  files: GeneratedFile[];
}

/** Writes the zip's files under `dir`; the zip holds one root folder, the library's. */
export function unpack(zip: Uint8Array, dir: string): UnpackedLibrary {
  const entries = unzipSync(zip);
  const names = Object.keys(entries);
  const roots = new Set(names.map((n) => n.split('/')[0]));
  if (roots.size !== 1) throw new Error(`the zip has ${roots.size} root folders: ${[...roots].join(', ')}`);
  const [rootName] = roots;
  const decoder = new TextDecoder();
  const files = names.map((n) => ({
    path: n.slice(rootName.length + 1),
    contents: decoder.decode(entries[n]),
  }));
  for (const name of names) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), entries[name]);
  }
  return { root: join(dir, rootName), paths: files.map((f) => f.path), files };
}

/**
 * A main for the tests: `stages windows.bin features.bin [inputs.bin outputs.bin]` writes the features of every
 * window (float32) and, for a network, the raw output tensor of every raw input tensor.
 */
export function stagesMain(network: boolean): GeneratedFile {
  const model = network
    ? `
  if (argc > 4) {
    FILE *in = fopen(argv[3], "rb");
    FILE *out = fopen(argv[4], "wb");
    if (in == NULL || out == NULL) return 2;
    while (fread(input, sizeof input, 1, in) == 1) {
      if (impulse_model_invoke(input, output) != IMPULSE_MODEL_OK) return 1;
      if (fwrite(output, sizeof output, 1, out) != 1) return 2;
    }
    fclose(in);
    if (fclose(out) != 0) return 2;
  }`
    : '';
  return {
    path: 'stages_main.c',
    contents: `/* The deployment tests' main: the processing block's features and the network's raw outputs. */
#include <stdio.h>

#include "impulse_dsp.h"
${network ? '#include "impulse_model.h"\n' : ''}
static float window[IMPULSE_DSP_WINDOW_VALUES];
static float features[IMPULSE_DSP_FEATURE_COUNT];
${network ? 'static impulse_model_input_t input[IMPULSE_MODEL_INPUT_SIZE];\nstatic impulse_model_output_t output[IMPULSE_MODEL_OUTPUT_SIZE];\n' : ''}
int main(int argc, char **argv) {
  FILE *in;
  FILE *out;
  if (argc < 3) return 2;
  in = fopen(argv[1], "rb");
  out = fopen(argv[2], "wb");
  if (in == NULL || out == NULL) return 2;
  while (fread(window, sizeof window, 1, in) == 1) {
    if (impulse_dsp_run(window, features) != IMPULSE_DSP_OK) return 1;
    if (fwrite(features, sizeof features, 1, out) != 1) return 2;
  }
  fclose(in);
  if (fclose(out) != 0) return 2;${model}
  return 0;
}
`,
  };
}

/** The library's C sources and headers as flat files (the stdio runner included), for one-folder builds. */
export function flatSources(lib: UnpackedLibrary): GeneratedFile[] {
  return lib.files
    .filter((f) => f.path.startsWith('src/') || f.path === STDIO_RUNNER_PATH)
    .map((f) => ({ path: basename(f.path), contents: f.contents }));
}

export interface Programs {
  /** Runs a program on argv given as file names inside `dir`. */
  run(program: 'runner' | 'stages', args: string[]): Promise<void>;
  dir: string;
}

/** g++ on the host, the library compiled as C++ (-std=c++11 -O2 -Wall -Wextra -Werror). */
export async function buildOnHost(lib: UnpackedLibrary, network: boolean): Promise<Programs> {
  const src = join(lib.root, 'src');
  const library = lib.paths
    .filter((p) => p.startsWith('src/') && p.endsWith('.c'))
    .map((p) => join(lib.root, p));
  const objects = await hostBuild('the exported library', library, '', {
    includeDirs: [src],
    cplusplus: true,
    compileOnly: true,
  });
  const stages = join(lib.root, 'stages_main.c');
  writeFileSync(stages, stagesMain(network).contents);
  const build = (main: string, name: string) =>
    hostBuild(`the exported library's ${name}`, [main], join(lib.root, name), {
      objects,
      includeDirs: [src],
      cplusplus: true,
    });
  await Promise.all([build(join(lib.root, STDIO_RUNNER_PATH), 'runner'), build(stages, 'stages')]);
  return {
    dir: lib.root,
    run: async (program, args) => {
      await run(
        `Running the ${program}`,
        join(lib.root, program),
        args.map((a) => join(lib.root, a)),
      );
    },
  };
}

type ImageBuilder = (dir: string, name: string, files: GeneratedFile[]) => Promise<string>;
type ImageRunner = (dir: string, elf: string, args: string[]) => Promise<string>;

/** Bare-metal images of the runner and the stages main for an emulated board, each run in its own folder. */
async function buildForEmulator(
  lib: UnpackedLibrary,
  network: boolean,
  dir: string,
  build: ImageBuilder,
  runImage: ImageRunner,
): Promise<Programs> {
  const sources = flatSources(lib);
  const library = sources.filter((f) => f.path !== basename(STDIO_RUNNER_PATH));
  const [runner, stages] = await Promise.all([
    build(join(dir, 'runner'), 'runner', sources),
    build(join(dir, 'stages'), 'stages', [...library, stagesMain(network)]),
  ]);
  // QEMU's working directory is the image's folder; the vectors are in `dir`.
  return {
    dir,
    run: async (program, args) => {
      await runImage(
        join(dir, program),
        program === 'runner' ? runner : stages,
        args.map((a) => `../${a}`),
      );
    },
  };
}

/** arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -Os images for QEMU's mps2-an386. */
export function buildForCortexM4(lib: UnpackedLibrary, network: boolean, dir: string): Promise<Programs> {
  return buildForEmulator(lib, network, dir, buildCortexM4Image, runOnCortexM4);
}

/** -mcpu=cortex-m0 -mfloat-abi=soft images for QEMU's microbit (16 KB of RAM): the soft-float path. */
export function buildForCortexM0(lib: UnpackedLibrary, network: boolean, dir: string): Promise<Programs> {
  return buildForEmulator(lib, network, dir, buildMicrobitImage, runOnMicrobit);
}
