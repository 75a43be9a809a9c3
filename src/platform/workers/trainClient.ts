import { wrap, type Remote } from 'comlink';
import './typedErrors';
import type { TrainWorkerApi } from '../../../workers/trainApi';

let remote: Remote<TrainWorkerApi> | null = null;

/** The page's one training worker (a module worker with tfjs), started on first use. */
export function trainWorker(): Remote<TrainWorkerApi> {
  remote ??= wrap<TrainWorkerApi>(
    new Worker(new URL('../../../workers/train.worker.ts', import.meta.url), {
      type: 'module',
      name: 'train',
    }),
  );
  return remote;
}
