import './typedErrors';
import type { TrainWorkerApi } from '../../../workers/trainApi';
import { workerName } from '../tabSync';
import { supervisedWorker } from './supervisedWorker';

/** The page's one training worker (a module worker with tfjs), started on first use and again after a crash. */
export const trainWorker = supervisedWorker<TrainWorkerApi>(
  'train',
  'training',
  () =>
    new Worker(new URL('../../../workers/train.worker.ts', import.meta.url), {
      type: 'module',
      name: workerName('train'),
    }),
);
