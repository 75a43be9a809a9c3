import './typedErrors';
import type { DeployWorkerApi } from '../../../workers/deployApi';
import { supervisedWorker } from './supervisedWorker';

/** The page's one deployment worker (a module worker: code generation and zipping), started on first use and again after a crash. */
export const deployWorker = supervisedWorker<DeployWorkerApi>(
  'deploy',
  'deployment',
  () =>
    new Worker(new URL('../../../workers/deploy.worker.ts', import.meta.url), {
      type: 'module',
      name: 'deploy',
    }),
);
