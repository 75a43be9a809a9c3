import { gaussian, seededRandom } from '../random';

/** Labelled rows for compression tests and benchmarks. */
export interface SyntheticClasses {
  /** rows × features, row-major. */
  x: Float32Array;
  labels: Int32Array;
  /** rows × classes. */
  oneHot: Float32Array;
}

/**
 * Separable classes: each class has a random centre (unit normal per feature) and its rows scatter around it with
 * σ = 0.5, reproducibly from `seed`.
 */
export function syntheticClasses(
  rows: number,
  features: number,
  classes: number,
  seed: number,
): SyntheticClasses {
  const rand = seededRandom(seed);
  const centres = Array.from({ length: classes }, () =>
    Array.from({ length: features }, () => gaussian(rand)),
  );
  const x = new Float32Array(rows * features);
  const labels = new Int32Array(rows);
  const oneHot = new Float32Array(rows * classes);
  for (let r = 0; r < rows; r++) {
    const c = r % classes;
    labels[r] = c;
    oneHot[r * classes + c] = 1;
    for (let f = 0; f < features; f++) x[r * features + f] = centres[c][f] + 0.5 * gaussian(rand);
  }
  return { x, labels, oneHot };
}
