import { wrap, type Remote } from 'comlink';
import './typedErrors';
import type { McuWorkerApi } from '../../../workers/mcuApi';

let remote: Remote<McuWorkerApi> | null = null;

/** The page's one MCU worker (a module worker: interpreter, cost model, arena planner), started on first use. */
export function mcuWorker(): Remote<McuWorkerApi> {
  remote ??= wrap<McuWorkerApi>(
    new Worker(new URL('../../../workers/mcu.worker.ts', import.meta.url), { type: 'module', name: 'mcu' }),
  );
  return remote;
}
