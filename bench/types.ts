export interface BenchResult {
  value: number;
  unit: string;
  goal: string;
}

export interface Benchmark {
  /** Prefix of the result names it produces (used to run a subset: `npm run bench -- dsp`). */
  name: string;
  run: () => Promise<Record<string, BenchResult>>;
}

/** Best-of-n wall time of fn in ms. */
export function timeMs(fn: () => void, repeats = 5): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}
