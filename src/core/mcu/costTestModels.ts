/** The real KWS model for the cost model's tests (vitest runs from the repo root; the bench reads it likewise). */
import type { Graph } from '../ir/graph';
import { readTflite } from '../tflite/reader';
import { sharedModelBytes } from '../tflite/testUtils/sharedModels';

export function kwsGraph(): Graph {
  return readTflite(sharedModelBytes('kws_ref_model'), 'kws_ref_model.tflite');
}
