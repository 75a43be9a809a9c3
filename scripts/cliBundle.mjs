// The CLI as a prebuilt bundle, rebuilt when its sources change: `tsx` compiles TypeScript on every start
// (about half a second before the first line of the CLI runs); plain `node` on a bundle starts in a tenth.
// esbuild (already installed: tsx and vite use it) bundles src/cli/studio.ts and the packages it uses into
// ESM chunks, split at the command table's dynamic imports so that a command's code loads only when it runs;
// tfjs stays external (EXTERNAL). Builds live in node_modules/.cache (out of git), one folder each.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = 'src/cli/studio.ts';
/**
 * Packages loaded from node_modules at run time rather than bundled: tfjs finds its .wasm files beside its own
 * scripts, and cbor-extract is a native addon. Every other package is bundled: loading zod and cbor-x from
 * their hundreds of files took longer than all the CLI's own code.
 */
const EXTERNAL = ['@tensorflow/*', 'cbor-extract'];
/** Builds kept besides the current one, for a CLI still running from one of them while a new one is made. */
const KEEP_BUILDS = 3;
/** File times come from a coarser clock than Date.now() (up to a 10 ms tick): the margin for "saved during the build". */
const CLOCK_SLACK_MS = 20;

/** Besides the bundle's own sources, what shapes the build: this file, tsconfig.json and esbuild itself. */
function extraInputs(root) {
  const esbuildPackage = createRequire(join(root, 'package.json')).resolve('esbuild/package.json');
  return [relative(root, fileURLToPath(import.meta.url)), 'tsconfig.json', relative(root, esbuildPackage)];
}

function stamp(root, file) {
  try {
    const s = statSync(join(root, file));
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

/** The entry file of the current build when every input is unchanged since it was built, else null. */
function currentBuild(root, cacheDir) {
  let record;
  try {
    record = JSON.parse(readFileSync(join(cacheDir, 'current.json'), 'utf8'));
  } catch {
    return null;
  }
  const entry = join(cacheDir, record.build, 'studio.js');
  const fresh = Object.entries(record.inputs).every(([file, was]) => stamp(root, file) === was);
  return fresh && existsSync(entry) ? entry : null;
}

function loadEsbuild(root) {
  try {
    return createRequire(join(root, 'package.json'))('esbuild');
  } catch (e) {
    throw new Error(
      `the CLI is bundled with esbuild, which is not installed (${e.message}): run npm install`,
      { cause: e },
    );
  }
}

/** Removes all but the newest builds (their names sort by build time). */
function pruneBuilds(cacheDir, current) {
  const builds = readdirSync(cacheDir)
    .filter((name) => name.startsWith('build-') && name !== current)
    .sort();
  for (const name of builds.slice(0, Math.max(0, builds.length - KEEP_BUILDS))) {
    rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}

async function build(root, cacheDir) {
  const esbuild = loadEsbuild(root);
  const name = `build-${String(Date.now()).padStart(15, '0')}-${process.pid}`;
  const outdir = join(cacheDir, name);
  const started = Date.now();
  let result;
  try {
    result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: [ENTRY],
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: EXTERNAL,
      metafile: true,
      logLevel: 'silent',
    });
  } catch (e) {
    const messages = (e.errors ?? []).map((m) =>
      m.location ? `${m.location.file}:${m.location.line}: ${m.text}` : m.text,
    );
    throw new Error(`could not build the CLI:\n${messages.join('\n') || e.message}`, { cause: e });
  }
  writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), ...extraInputs(root)]) {
    // A file saved while the build ran may not be in it: stamped 'changed', it makes the next run rebuild.
    const s = stamp(root, file);
    inputs[file] = s !== 'missing' && Number(s.split(':')[0]) >= started - CLOCK_SLACK_MS ? 'changed' : s;
  }
  // Written whole, then renamed: another CLI starting meanwhile reads the old record or the new, never half.
  const temp = join(cacheDir, `current.json.${process.pid}`);
  writeFileSync(temp, JSON.stringify({ build: name, inputs }));
  renameSync(temp, join(cacheDir, 'current.json'));
  pruneBuilds(cacheDir, name);
  return join(outdir, 'studio.js');
}

/**
 * The path of the CLI's bundled entry, built first when there is none or a source changed since (a bundled
 * package's files are sources too). `root` is the repository, `cacheDir` where builds go.
 */
export async function cliBundle({
  root = REPO_ROOT,
  cacheDir = join(root, 'node_modules', '.cache', 'tinyml-studio-cli'),
} = {}) {
  const fresh = currentBuild(root, cacheDir);
  if (fresh !== null) return { entry: fresh, built: false };
  mkdirSync(cacheDir, { recursive: true });
  return { entry: await build(root, cacheDir), built: true };
}
