import './typedErrors';
import type { DspWorkerApi } from '../../../workers/dspApi';
import { workerName } from '../tabSync';
import { supervisedWorker } from './supervisedWorker';

/** The page's one DSP worker (a module worker), started on first use and again after a crash. */
export const dspWorker = supervisedWorker<DspWorkerApi>(
  'dsp',
  'feature generation',
  () =>
    new Worker(new URL('../../../workers/dsp.worker.ts', import.meta.url), {
      type: 'module',
      name: workerName('dsp'),
    }),
);
