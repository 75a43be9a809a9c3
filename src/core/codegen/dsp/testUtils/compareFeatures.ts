/**
 * Feature-by-feature comparison of the generated C with the TypeScript block: every feature must lie within
 * `relative` × max(|TS value|, floor) of the TS value. The floor is the scale a feature near 0 is computed
 * from (a float32 error is relative to the magnitude of the inputs, not of a result that cancels to ~0).
 *
 * Ill-conditioned features: the TS block is also run on copies of the window with every value perturbed by up
 * to PERTURBATION relative, about the error of a float32 spectrum (log2(n) roundings) brought back to the input.
 * Where that moves a feature by `spread`, the feature is decided by rounding to that extent — no float32, or
 * other float64, computation can be held closer — and the C may differ by up to SENSITIVITY_FACTOR × spread
 * more (it rounds at every step, not only at its input). This is where a feature with a tiny denominator lives:
 * an MFCC coefficient that barely changes over the window (the log energy of a steady tone, std 1e-3), an MFE
 * value at a quantisation boundary, the log energy of a frame whose DC cancels to ~0 (pre-emphasised
 * near-silence: 1e-28 in float64). Features that pass only thanks to that are listed as excused, so a test can
 * say where they may occur.
 */

export const RELATIVE_TOLERANCE = 1e-4;
/** Relative size of the input perturbation probing a feature's conditioning (2^-16 ≈ 128 float32 ulps). */
export const PERTURBATION = 2 ** -16;
/** How much farther than the perturbed TS runs the C may be. */
export const SENSITIVITY_FACTOR = 3;

export interface FeatureDifference {
  window: number;
  feature: number;
  c: number;
  ts: number;
  /** |c − ts| / (relative × max(|ts|, floor)). */
  ratio: number;
}

export interface Comparison {
  /** Features compared. */
  count: number;
  /** The feature with the largest ratio among those within their tolerance (null when every one is equal). */
  worst: FeatureDifference | null;
  /** Failing features, at most the first 10. */
  failures: FeatureDifference[];
  failureCount: number;
  /** Features beyond relative × max(|ts|, floor) that pass by the TS block's own sensitivity. */
  excused: FeatureDifference[];
}

export interface CompareOptions {
  /** Absolute floor of each feature (default 0: relative only). */
  floor?: (feature: number, window: number) => number;
  /** Per window, TS features of perturbed copies of it (see perturbedWindows). */
  perturbed?: readonly (readonly Float32Array[])[];
  relative?: number;
}

/** Copies of `window` with every value v replaced by v·(1 + PERTURBATION·u), u uniform in [−1, 1). */
export function perturbedWindows(window: Float32Array, copies: number, random: () => number): Float32Array[] {
  return Array.from({ length: copies }, () =>
    Float32Array.from(window, (v) => v * (1 + PERTURBATION * (2 * random() - 1))),
  );
}

export function compareFeatures(
  c: readonly Float32Array[],
  ts: readonly Float32Array[],
  options: CompareOptions = {},
): Comparison {
  const { floor = () => 0, perturbed, relative = RELATIVE_TOLERANCE } = options;
  if (c.length !== ts.length) throw new Error(`${c.length} C rows for ${ts.length} TypeScript rows`);
  const result: Comparison = {
    count: 0,
    worst: null,
    failures: [],
    failureCount: 0,
    excused: [],
  };
  for (let w = 0; w < ts.length; w++) {
    if (c[w].length !== ts[w].length)
      throw new Error(`window ${w}: ${c[w].length} C features, ${ts[w].length} in TS`);
    for (let i = 0; i < ts[w].length; i++) {
      result.count++;
      const t = ts[w][i];
      const allowed = relative * Math.max(Math.abs(t), floor(i, w));
      const diff = Math.abs(c[w][i] - t);
      const d = { window: w, feature: i, c: c[w][i], ts: t, ratio: diff === 0 ? 0 : diff / allowed };
      if (d.ratio <= 1) {
        if (!result.worst || d.ratio > result.worst.ratio) result.worst = d;
        continue;
      }
      let spread = 0;
      for (const run of perturbed?.[w] ?? []) spread = Math.max(spread, Math.abs(run[i] - t));
      if (diff <= allowed + SENSITIVITY_FACTOR * spread) {
        result.excused.push(d);
        continue;
      }
      result.failureCount++;
      if (result.failures.length < 10) result.failures.push(d);
    }
  }
  return result;
}

/** One line per failure, for an assertion message. */
export function describeFailures(comparison: Comparison): string {
  return comparison.failures
    .map(
      (f) =>
        `window ${f.window} feature ${f.feature}: C ${f.c}, TS ${f.ts} (${f.ratio.toFixed(2)}× the tolerance)`,
    )
    .join('\n');
}
