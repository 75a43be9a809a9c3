import './typedErrors';
import type { McuWorkerApi } from '../../../workers/mcuApi';
import { supervisedWorker } from './supervisedWorker';

/** The page's one MCU worker (a module worker: interpreter, cost model, arena planner), started on first use and again after a crash. */
export const mcuWorker = supervisedWorker<McuWorkerApi>(
  'mcu',
  'profiling',
  () =>
    new Worker(new URL('../../../workers/mcu.worker.ts', import.meta.url), { type: 'module', name: 'mcu' }),
);
