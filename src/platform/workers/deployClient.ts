import { wrap, type Remote } from 'comlink';
import './typedErrors';
import type { DeployWorkerApi } from '../../../workers/deployApi';

let remote: Remote<DeployWorkerApi> | null = null;

/** The page's one deployment worker (a module worker: code generation and zipping), started on first use. */
export function deployWorker(): Remote<DeployWorkerApi> {
  remote ??= wrap<DeployWorkerApi>(
    new Worker(new URL('../../../workers/deploy.worker.ts', import.meta.url), {
      type: 'module',
      name: 'deploy',
    }),
  );
  return remote;
}
