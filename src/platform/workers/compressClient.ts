import './typedErrors';
import type { CompressWorkerApi } from '../../../workers/compressApi';
import { workerName } from '../tabSync';
import { supervisedWorker } from './supervisedWorker';

/** The page's compression worker (tfjs fine-tuning, quantisation), started on first use and again after a crash. */
export const compressWorker = supervisedWorker<CompressWorkerApi>(
  'compress',
  'compression',
  () =>
    new Worker(new URL('../../../workers/compress.worker.ts', import.meta.url), {
      type: 'module',
      name: workerName('compress'),
    }),
);
