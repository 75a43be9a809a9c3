/// <reference lib="webworker" />
/**
 * Builds the Deployment page's downloads off the main thread: generating the C of a keyword impulse and zipping
 * it takes a few hundred milliseconds (measured in Node: ≈ 280 ms for the MFCC + DS-CNN C++ library).
 */
import '../src/platform/workers/holdLifeline';
import { expose, transfer } from 'comlink';
import '../src/platform/workers/typedErrors';
import { buildImpulseDeployment, buildModelDeployment, type Deployment } from '../src/core/deploy/deployment';
import type { DeployWorkerApi } from './deployApi';

const transferred = (d: Deployment) => transfer(d, [d.bytes.buffer]);

const api: DeployWorkerApi = {
  async buildImpulse(job, onStep) {
    return transferred(buildImpulseDeployment(job.source, job.format, { url: job.url, onStep }));
  },
  async buildModel(bytes, fileName, format, onStep) {
    return transferred(buildModelDeployment(bytes, fileName, format, { onStep }));
  },
};

expose(api);
