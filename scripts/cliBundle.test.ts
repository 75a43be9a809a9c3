import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliBundle } from './cliBundle.mjs';

const REPO = process.cwd();
const temp = mkdtempSync(join(tmpdir(), 'cli-bundle-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const run = (entry: string, args: string[] = []) =>
  spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8', cwd: REPO });

/** A one-file "CLI" in a repository of its own (sharing node_modules for esbuild), saved `agoMs` ago. */
function miniRepo(name: string): { root: string; save: (text: string, agoMs: number) => void } {
  const root = join(temp, name);
  const entry = join(root, 'src/cli/studio.ts');
  mkdirSync(dirname(entry), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{"type": "module"}');
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  return {
    root,
    save: (text, agoMs) => {
      writeFileSync(entry, text);
      const at = (Date.now() - agoMs) / 1000;
      utimesSync(entry, at, at);
    },
  };
}

describe('cliBundle', () => {
  it('builds on the first run, reuses the build while nothing changed, rebuilds after a change or a loss', async () => {
    const { root, save } = miniRepo('changes');
    const cacheDir = join(root, 'cache');
    save("const who: string = 'first';\nconsole.log(who);\n", 60_000);
    const first = await cliBundle({ root, cacheDir });
    expect(first.built).toBe(true);
    expect(run(first.entry).stdout).toBe('first\n');
    expect(await cliBundle({ root, cacheDir })).toEqual({ entry: first.entry, built: false });
    save("const who: string = 'second';\nconsole.log(who);\n", 30_000);
    const second = await cliBundle({ root, cacheDir });
    expect(second.built).toBe(true);
    expect(second.entry).not.toBe(first.entry);
    expect(run(second.entry).stdout).toBe('second\n');
    rmSync(dirname(second.entry), { recursive: true });
    expect((await cliBundle({ root, cacheDir })).built).toBe(true);
  });

  it('names the file and line of a source that does not compile', async () => {
    const { root, save } = miniRepo('broken');
    save('const = ;\n', 60_000);
    await expect(cliBundle({ root, cacheDir: join(root, 'cache') })).rejects.toThrow(
      /^could not build the CLI:\nsrc\/cli\/studio\.ts:1: /,
    );
  });
});

// The repository's own bundle, where `npm run studio` keeps it: its packages resolve from node_modules.
describe('the CLI bundle of this repository', () => {
  type Meta = {
    outputs: Record<string, { imports: { path: string; kind: string }[]; inputs: Record<string, unknown> }>;
  };
  const meta = async (): Promise<{ dir: string; meta: Meta }> => {
    const { entry } = await cliBundle();
    const dir = dirname(entry);
    return { dir, meta: JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Meta };
  };

  /** Everything an output chunk loads before its code runs: its static imports, transitively. */
  function staticImports(m: Meta, chunk: string): Set<string> {
    const seen = new Set<string>();
    const visit = (path: string) => {
      for (const i of m.outputs[path]?.imports ?? []) {
        if (i.kind !== 'import-statement' || seen.has(i.path)) continue;
        seen.add(i.path);
        visit(i.path);
      }
    };
    visit(chunk);
    return seen;
  }
  const chunkOf = (m: Meta, source: string) =>
    Object.keys(m.outputs).find((o) => Object.hasOwn(m.outputs[o].inputs, source))!;
  const tfjs = (imports: Set<string>) => [...imports].filter((p) => p.startsWith('@tensorflow/'));
  /** Which of the chunks loaded import tfjs themselves, and from which sources: the message of a failure. */
  const culprits = (m: Meta, chunk: string) =>
    [chunk, ...staticImports(m, chunk)]
      .filter((c) => m.outputs[c]?.imports.some((i) => i.path.startsWith('@tensorflow/')))
      .map((c) => `${c} (${Object.keys(m.outputs[c].inputs).join(', ')})`)
      .join('; ');

  it('starts (help, and any command’s --help) without loading tfjs; features loads none either', async () => {
    const { meta: m } = await meta();
    for (const source of ['src/cli/studio.ts', 'src/cli/commands/features.ts']) {
      const chunk = chunkOf(m, source);
      expect(tfjs(staticImports(m, chunk)), `${source}: ${culprits(m, chunk)}`).toEqual([]);
    }
    // The check can fail: train's chunk does load tfjs.
    expect(tfjs(staticImports(m, chunkOf(m, 'src/cli/commands/train.ts')))).toContain(
      '@tensorflow/tfjs-core',
    );
  });

  it('runs features through scripts/studio.mjs as the source does', async () => {
    const yes = resolve('../shared/testdata/audio/yes_1000ms.wav');
    const args = ['features', '--block', 'mfcc', '--input', yes, '--window-ms', '500', '--stride-ms', '250'];
    const bundled = run(join(REPO, 'scripts/studio.mjs'), args);
    const fromSource = run(join(REPO, 'node_modules/.bin/tsx'), ['src/cli/studio.ts', ...args]);
    expect(bundled.stderr).toBe('');
    expect(bundled.status).toBe(0);
    // 500 ms windows every 250 ms over 1 s; MFCC frames of 20 ms every 20 ms: 25 frames × 13 coefficients.
    expect(JSON.parse(bundled.stdout).shape).toEqual([3, 25 * 13]);
    expect(bundled.stdout).toBe(fromSource.stdout);
  });
});
