import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SHARED_MODELS = ['hello_world_int8', 'kws_ref_model'] as const;
export type SharedModel = (typeof SHARED_MODELS)[number];

/** A real converter-produced model from ../shared/testdata/tflite (vitest runs from the repo root). */
export function sharedModelBytes(name: SharedModel): Uint8Array {
  return new Uint8Array(readFileSync(resolve(process.cwd(), `../shared/testdata/tflite/${name}.tflite`)));
}
