/**
 * dsp.cli_*: the headless CLI timed as a user runs it, wall clock from spawning `npm run studio` to its exit
 * (npm, Node and the CLI's start-up included), on 600 s of 16 kHz audio in a WAV file (a chirp plus noise;
 * the cost does not depend on the content) cut into 1 s windows at a 250 ms stride: 2,397 MFE windows.
 * One untimed run first (it builds the CLI bundle when a source changed), then the best of 3.
 *
 *   dsp.cli_mfe_windows_per_s       npm run studio -- features --block mfe --input <wav> --window-ms 1000
 *                                     --stride-ms 250 --out features.npy
 *   dsp.cli_mfe_json_windows_per_s  the same with --out features.json (every value as decimal text; one run)
 *   dsp.cli_startup_ms              npm run studio -- features --help
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWav } from '../src/core/formats/wav';
import type { Benchmark, BenchResult } from './types';

const FS = 16000;
const SECONDS = 600;
const WINDOWS = (SECONDS - 1) * 4 + 1;
/** MFE's default 20 ms frames every 10 ms over 1 s × 40 filters. */
const FEATURES = 99 * 40;

function audio(): Int16Array {
  let seed = 7;
  return Int16Array.from({ length: FS * SECONDS }, (_, i) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const t = i / FS;
    const sweep = 300 + 2500 * (0.5 + 0.5 * Math.sin(2 * Math.PI * 0.05 * t));
    return Math.round(8000 * Math.sin(2 * Math.PI * sweep * t) + (seed / 2147483648 - 0.5) * 2000);
  });
}

/** Runs `npm run studio -- <args>` from the repository and returns its wall time in ms. */
function studio(args: string[]): number {
  const started = performance.now();
  const run = spawnSync('npm', ['run', 'studio', '--', ...args], { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`npm run studio -- ${args.join(' ')} failed: ${run.stderr}`);
  return ms;
}

function bestOf(runs: number, args: string[]): number {
  studio(args);
  return Math.min(...Array.from({ length: runs }, () => studio(args)));
}

const GOAL_TEXT = 'wall clock incl. npm + node start-up, 600 s WAV @ 16 kHz, 1 s windows / 250 ms';

export const cliBench: Benchmark = {
  name: 'dsp.cli',
  run: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
    try {
      const wav = join(dir, 'audio_600s.wav');
      writeFileSync(wav, writeWav(audio(), FS));
      const features = ['features', '--block', 'mfe', '--input', wav, '--window-ms', '1000'];
      const npy = join(dir, 'features.npy');
      const npyMs = bestOf(3, [...features, '--stride-ms', '250', '--out', npy]);
      const header = readFileSync(npy).subarray(0, 128).toString('latin1');
      if (
        !header.includes(`'shape': (${WINDOWS}, ${FEATURES})`) ||
        statSync(npy).size !== 128 + WINDOWS * FEATURES * 4
      )
        throw new Error(`features.npy is not ${WINDOWS} × ${FEATURES} float32: ${header}`);
      const json = join(dir, 'features.json');
      const jsonMs = studio([...features, '--stride-ms', '250', '--out', json]);
      const startupMs = bestOf(3, ['features', '--help']);
      const rate = (ms: number): number => WINDOWS / (ms / 1000);
      const results: Record<string, BenchResult> = {
        'dsp.cli_mfe_windows_per_s': {
          value: rate(npyMs),
          unit: 'windows/s',
          goal: `≥ 3000 (npm run studio -- features --block mfe … --out features.npy; ${GOAL_TEXT})`,
        },
        'dsp.cli_mfe_json_windows_per_s': {
          value: rate(jsonMs),
          unit: 'windows/s',
          goal: `figure (the same with --out features.json, one run; ${GOAL_TEXT})`,
        },
        'dsp.cli_startup_ms': {
          value: startupMs,
          unit: 'ms',
          goal: 'figure (npm run studio -- features --help, wall clock incl. npm + node start-up)',
        },
      };
      return results;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
