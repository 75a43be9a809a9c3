import './typedErrors';
import type { Remote } from 'comlink';
import type { TuneWorkerApi } from '../../../workers/tuneApi';
import { workerName } from '../tabSync';
import { supervisedWorker } from './supervisedWorker';

/**
 * Trainings the tuner runs at once: a worker per core but one (the page keeps a core), at most four (each holds
 * its own tfjs and its copy of the features).
 */
export function tunePoolSize(cores: number): number {
  return Math.max(1, Math.min(cores - 1, 4));
}

export interface TunePool {
  readonly size: number;
  /** Runs `job` on a free worker, waiting for one when all are busy. */
  run<T>(job: (worker: Remote<TuneWorkerApi>) => Promise<T>): Promise<T>;
  /** Cancels the job of every busy worker (each rejects 'cancelled'). */
  cancelAll(): void;
  /** A worker for a short job outside the pool's turns (planning). */
  any(): Remote<TuneWorkerApi>;
}

function createPool(size: number): TunePool {
  // Each a supervisedWorker of its own kind: one that dies fails only its own job and is started afresh.
  const workers = Array.from({ length: size }, (_, i) =>
    supervisedWorker<TuneWorkerApi>(
      `tune-${i}`,
      'tuner',
      () =>
        new Worker(new URL('../../../workers/tune.worker.ts', import.meta.url), {
          type: 'module',
          name: workerName(`tune-${i}`),
        }),
    ),
  );
  const free = workers.map((_, i) => i).reverse();
  const busy = new Set<number>();
  const waiting: Array<(slot: number) => void> = [];
  const acquire = () =>
    new Promise<number>((resolve) => {
      const slot = free.pop();
      if (slot === undefined) waiting.push(resolve);
      else resolve(slot);
    });
  const release = (slot: number) => {
    busy.delete(slot);
    const next = waiting.shift();
    if (next) next(slot);
    else free.push(slot);
  };
  return {
    size,
    async run(job) {
      const slot = await acquire();
      busy.add(slot);
      try {
        return await job(workers[slot]());
      } finally {
        release(slot);
      }
    },
    cancelAll() {
      for (const slot of busy) void workers[slot]().cancel();
    },
    any: () => workers[0](),
  };
}

let pool: TunePool | null = null;

/** The page's pool of tuner workers, sized to the machine, started on first use. */
export function tunePool(): TunePool {
  return (pool ??= createPool(tunePoolSize(navigator.hardwareConcurrency || 1)));
}
