/** The deployment worker's API, imported by both sides (the worker implements it, the page calls it via comlink). */
import type { DeployFormat, Deployment, ImpulseSource } from '../src/core/deploy/deployment';

export interface ImpulseDeployJob {
  source: ImpulseSource;
  format: DeployFormat;
  /** The studio's address, for the Arduino library's url. */
  url: string;
}

export interface DeployWorkerApi {
  /** Builds a download of a trained impulse; the bytes come back transferred. */
  buildImpulse(job: ImpulseDeployJob, onStep: (step: string) => void): Promise<Deployment>;
  /** Builds the library or header of a `.tflite` brought by the user (its bytes transferred in). */
  buildModel(
    bytes: Uint8Array,
    fileName: string,
    format: DeployFormat,
    onStep: (step: string) => void,
  ): Promise<Deployment>;
}
