/**
 * Builds generated DSP code with the host's compilers and runs it on windows written from TypeScript: the
 * code and the runner main compiled as C99 (gcc) or as C++ (g++), -O2 -Wall -Wextra -Werror, plus
 * -Wdouble-promotion (any silent float64 arithmetic fails the build) and -Wshadow. A missing compiler or code that
 * does not compile is an error carrying the compiler's message.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateDspRunnerMain } from '../dspRunnerMain';
import type { DspCode } from '../generateDspC';

const run = promisify(execFile);

export type Language = 'c' | 'c++';

export const WARNINGS = ['-Wall', '-Wextra', '-Werror', '-Wdouble-promotion', '-Wshadow'];
const LANGUAGE_FLAGS: Record<Language, string[]> = {
  c: ['-x', 'c', '-std=c99', '-pedantic'],
  'c++': ['-x', 'c++', '-std=c++11', '-pedantic'],
};
const COMPILER: Record<Language, string> = { c: 'gcc', 'c++': 'g++' };

const checked = new Set<string>();

function requireTool(tool: string): void {
  if (checked.has(tool)) return;
  const version = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0)
    throw new Error(
      `${tool} is required to check the generated DSP code but could not be run: ` +
        `${version.error?.message ?? version.stderr}. Install it (Debian/Ubuntu: apt-get install gcc g++).`,
    );
  checked.add(tool);
}

/** Runs a compiler; rejects with its diagnostics and the command line. */
export async function compile(tool: string, args: string[], what: string): Promise<void> {
  requireTool(tool);
  try {
    await run(tool, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    throw new Error(`${what} does not compile (${tool} ${args.join(' ')}):\n${stderr || String(error)}`, {
      cause: error,
    });
  }
}

/** Writes the generated files and the runner main into a new directory; returns its path. */
export function writeSources(code: DspCode, dir = mkdtempSync(join(tmpdir(), 'studio-dsp-'))): string {
  for (const file of [...code.files, generateDspRunnerMain(code.prefix)])
    writeFileSync(join(dir, file.path), file.contents);
  return dir;
}

/** A host build of one generated block: run it on windows, remove it when done. */
export interface HostDsp {
  dir: string;
  run(windows: readonly Float32Array[]): Promise<Float32Array[]>;
  remove(): void;
}

/** Windows as one little-endian float32 file, the way the runner main reads them. */
export function windowFile(windows: readonly Float32Array[], valuesPerWindow: number): Uint8Array {
  const all = new Float32Array(windows.length * valuesPerWindow);
  windows.forEach((w, i) => {
    if (w.length !== valuesPerWindow)
      throw new RangeError(`window ${i} holds ${w.length} values, not ${valuesPerWindow}`);
    all.set(w, i * valuesPerWindow);
  });
  return new Uint8Array(all.buffer);
}

/** The runner's output cut into one Float32Array of features per window. */
export function featureRows(bytes: Uint8Array, featureCount: number, windows: number): Float32Array[] {
  const copy = new Uint8Array(bytes);
  const all = new Float32Array(copy.buffer, 0, copy.length / 4);
  if (all.length !== windows * featureCount)
    throw new Error(`the DSP wrote ${all.length} features, not ${windows} × ${featureCount}`);
  return Array.from({ length: windows }, (_, i) => all.slice(i * featureCount, (i + 1) * featureCount));
}

export async function buildOnHost(code: DspCode, language: Language): Promise<HostDsp> {
  const dir = writeSources(code);
  const binary = join(dir, 'runner');
  await compile(
    COMPILER[language],
    [
      ...LANGUAGE_FLAGS[language],
      '-O2',
      ...WARNINGS,
      join(dir, code.source.path),
      join(dir, `${code.prefix}_dsp_runner.c`),
      '-o',
      binary,
      '-lm',
    ],
    `the generated ${code.block} block (${language})`,
  );
  return {
    dir,
    async run(windows) {
      const input = join(dir, 'windows.bin');
      const output = join(dir, 'features.bin');
      writeFileSync(input, windowFile(windows, code.window.frames * code.window.axes));
      await run(binary, [input, output]);
      return featureRows(readFileSync(output), code.featureCount, windows.length);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
