/**
 * Compilers and emulators for the generated-C tests: g++ on the host, arm-none-eabi-gcc and
 * qemu-system-arm for an emulated Cortex-M4. A missing tool is reported by name with the Debian package to
 * install; a failed build carries the compiler's diagnostics.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedFile } from '../generatedFile';

/** Flags every generated source must compile cleanly with. */
export const WARNING_FLAGS = ['-Wall', '-Wextra', '-Werror'];

/** The DESIGN.md §8 flags for the Cortex-M4F check. */
export const CORTEX_M4_FLAGS = ['-mcpu=cortex-m4', '-mthumb', '-mfloat-abi=hard', '-Os'];

const PACKAGES: Record<string, string> = {
  'g++': 'g++',
  'arm-none-eabi-gcc': 'gcc-arm-none-eabi libnewlib-arm-none-eabi',
  'qemu-system-arm': 'qemu-system-arm',
};

const availability = new Map<string, boolean>();

/** Whether `tool --version` runs. */
export function hasTool(tool: string): boolean {
  let known = availability.get(tool);
  if (known === undefined) {
    const result = spawnSync(tool, ['--version'], { encoding: 'utf8' });
    known = !result.error && result.status === 0;
    availability.set(tool, known);
  }
  return known;
}

/** Why a test that needs `tools` cannot run here, or null when all of them are installed. */
export function missingTools(tools: string[]): string | null {
  const missing = tools.filter((tool) => !hasTool(tool));
  if (missing.length === 0) return null;
  const packages = missing.map((tool) => PACKAGES[tool] ?? tool).join(' ');
  return `${missing.join(', ')} not installed (Debian/Ubuntu: apt-get install ${packages})`;
}

/** Runs a program; rejects with its output, naming `what` it was doing. */
export function run(what: string, program: string, args: string[], cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      program,
      args,
      { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error) {
          const status = error.code === undefined ? '' : ` (exit status ${String(error.code)})`;
          reject(
            new Error(`${what} failed${status}: ${program} ${args.join(' ')}\n${stderr || error.message}`),
          );
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

/** Writes generated files into `dir` (created if needed); returns their paths. */
export function writeFiles(dir: string, files: GeneratedFile[]): string[] {
  mkdirSync(dir, { recursive: true });
  return files.map((file) => {
    const path = join(dir, file.path);
    writeFileSync(path, file.contents);
    return path;
  });
}

/** The C sources (not headers) among `paths`. */
export function cSources(paths: string[]): string[] {
  return paths.filter((path) => path.endsWith('.c'));
}

/**
 * g++ on the host, compiling `sources` as C99 (or as C++ with `cplusplus`) with -O2 and every warning an
 * error, one object per source next to it; then links them with `objects` and libm into `output`, unless
 * `compileOnly`. Returns the output paths (the objects with `compileOnly`).
 */
export async function hostBuild(
  what: string,
  sources: string[],
  output: string,
  options: { objects?: string[]; includeDirs?: string[]; cplusplus?: boolean; compileOnly?: boolean } = {},
): Promise<string[]> {
  const language = options.cplusplus ? ['-x', 'c++', '-std=c++11'] : ['-x', 'c', '-std=c99'];
  const includes = (options.includeDirs ?? []).map((dir) => `-I${dir}`);
  const flags = [...language, '-O2', ...WARNING_FLAGS, ...includes];
  const objects = sources.map((source) => source.replace(/\.c$/, options.cplusplus ? '.cpp.o' : '.o'));
  await Promise.all(
    sources.map((source, i) => run(`Compiling ${what}`, 'g++', [...flags, '-c', source, '-o', objects[i]])),
  );
  if (options.compileOnly) return objects;
  await run(`Linking ${what}`, 'g++', [...objects, ...(options.objects ?? []), '-o', output, '-lm']);
  return [output];
}
