import { wrap, type Remote } from 'comlink';
import './typedErrors';
import type { DspWorkerApi } from '../../../workers/dspApi';

let remote: Remote<DspWorkerApi> | null = null;

/** The page's one DSP worker (a module worker), started on first use. */
export function dspWorker(): Remote<DspWorkerApi> {
  remote ??= wrap<DspWorkerApi>(
    new Worker(new URL('../../../workers/dsp.worker.ts', import.meta.url), { type: 'module', name: 'dsp' }),
  );
  return remote;
}
