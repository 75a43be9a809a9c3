/**
 * Runs scripts/butter_reference.py (python3 + numpy, an independent implementation of SciPy's published
 * filter algorithms) for the DSP tests. Missing python3 or numpy is a test failure that says how to install
 * them, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../../../scripts/butter_reference.py', import.meta.url));
const INSTALL = 'install them with: apt-get install -y python3 python3-numpy';

export interface DesignRequest {
  family: 'butter' | 'cheby1';
  order: number;
  wn: number;
  btype: 'low' | 'high';
  rp?: number;
}

export interface ReferenceRequest {
  design?: DesignRequest[];
  sosfilt32?: { sos: number[][]; x: number[] }[];
  zi?: number[][][];
  mean32?: number[][];
  spectral?: {
    values: number[];
    axes: number;
    fs: number;
    params: Record<string, number | string | boolean>;
  }[];
}

export interface ReferenceAnswer {
  design: number[][][];
  sosfilt32: number[][];
  zi: number[][][];
  mean32: number[];
  spectral: number[][];
}

export function butterReference(request: ReferenceRequest): ReferenceAnswer {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    throw new Error(
      `python3 with numpy is needed for the filter reference (${probe.error?.message ?? probe.stderr.trim()}); ${INSTALL}`,
    );
  const run = spawnSync('python3', [SCRIPT], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (run.status !== 0) throw new Error(`scripts/butter_reference.py failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ReferenceAnswer;
}

/** Largest |a − b| / max(|b|, floor) over two equally long lists. */
export function maxRelativeDifference(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-12): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} ≠ ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++)
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), floor));
  return worst;
}
