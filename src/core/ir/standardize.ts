import { StudioError } from '../errors';
import type { Graph, InputStandardization } from './graph';

/** The metadata entry of a `.tflite` that carries a model's input standardisation (mean[F] then std[F], float32 LE). */
export const STANDARDIZATION_METADATA = 'tinyml_studio.input_standardization';

/** A standardisation from fitted statistics, rounded to float32 as the board holds them; a zero std becomes 1. */
export function standardizationOf(mean: ArrayLike<number>, std: ArrayLike<number>): InputStandardization {
  if (mean.length !== std.length) {
    throw new StudioError(
      'standardization-shape',
      `The standardisation has ${mean.length} means but ${std.length} standard deviations.`,
    );
  }
  return {
    mean: Float32Array.from(mean),
    std: Float32Array.from(std, (s) => (Math.fround(s) > 0 ? s : 1)),
  };
}

/**
 * (x − mean) / std per feature in float32 arithmetic (IEEE single subtraction, then division), so C code doing the
 * same two float operations gets the same bits. Features pass through unchanged when the graph has none.
 */
export function standardizeInput(
  graph: Pick<Graph, 'standardization'>,
  features: Float32Array,
): Float32Array {
  const s = graph.standardization;
  if (s === undefined) return features;
  if (features.length !== s.mean.length) {
    throw new StudioError(
      'standardization-features',
      `The window has ${features.length} features but the model was trained on ${s.mean.length}.`,
    );
  }
  const out = new Float32Array(features.length);
  for (let j = 0; j < features.length; j++) out[j] = Math.fround(features[j] - s.mean[j]) / s.std[j];
  return out;
}

/** mean then std as little-endian float32: the payload of the `STANDARDIZATION_METADATA` entry. */
export function encodeStandardization(s: InputStandardization): Uint8Array {
  const n = s.mean.length;
  const bytes = new Uint8Array(8 * n);
  const view = new DataView(bytes.buffer);
  for (let j = 0; j < n; j++) {
    view.setFloat32(4 * j, s.mean[j], true);
    view.setFloat32(4 * (n + j), s.std[j], true);
  }
  return bytes;
}

/** The inverse of `encodeStandardization`, or a reason why the payload cannot be one for `features` inputs. */
export function decodeStandardization(bytes: Uint8Array, features: number): InputStandardization | string {
  if (bytes.length !== 8 * features) {
    return `its input standardisation has ${bytes.length} bytes; ${features} input features need ${8 * features}`;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const mean = Float32Array.from({ length: features }, (_, j) => view.getFloat32(4 * j, true));
  const std = Float32Array.from({ length: features }, (_, j) => view.getFloat32(4 * (features + j), true));
  if (![...mean, ...std].every(Number.isFinite) || std.some((v) => v <= 0)) {
    return 'its input standardisation holds a non-finite mean or a standard deviation that is not positive';
  }
  return { mean, std };
}
