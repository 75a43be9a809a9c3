import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { Random } from '../virtual/random';
import { pca2, principalComponents } from './pca';
import { symmetricEigen } from './symmetricEigen';

/** Centres `v` and scales it to standard deviation `std` (population). */
function normalise(v: Float64Array, std: number): void {
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length);
  for (let i = 0; i < v.length; i++) v[i] = ((v[i] - mean) / sd) * std;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * Windows on a 2-D plane in 50-D: x = m + c ⊙ (u·t₁ + v·t₂ + noise), with orthonormal u, v whose entries
 * all have magnitude 1/√50 (so every feature has the same variance and standardising divides out c), latent
 * t₁, t₂ of standard deviation 3 and 2 exactly, uncorrelated, and noise of standard deviation 0.1.
 */
function planeIn50d(n: number) {
  const d = 50;
  const random = new Random(7);
  const u = Float64Array.from({ length: d }, () => random.sign() / Math.sqrt(d));
  const flips = Array.from({ length: d }, (_, j) => (j < d / 2 ? 1 : -1)).sort(() => random.next() - 0.5);
  const v = u.map((x, j) => x * flips[j]);
  const t1 = Float64Array.from({ length: n }, () => random.gaussian());
  const t2 = Float64Array.from({ length: n }, () => random.gaussian());
  normalise(t1, 1);
  normalise(t2, 1);
  const overlap = dot(t1, t2) / n;
  for (let i = 0; i < n; i++) t2[i] -= overlap * t1[i];
  normalise(t1, 3);
  normalise(t2, 2);
  const offset = Float64Array.from({ length: d }, () => random.uniform(-100, 100));
  const gain = Float64Array.from({ length: d }, () => 10 ** random.uniform(-2, 2));
  const rows = Array.from({ length: n }, (_, i) =>
    Float32Array.from(
      { length: d },
      (_, j) => offset[j] + gain[j] * (u[j] * t1[i] + v[j] * t2[i] + 0.1 * random.gaussian()),
    ),
  );
  // Total standardised variance is d; the plane carries 9/50 and 4/50 of each feature's 13/50 + 0.01.
  const perFeature = 13 / d + 0.01;
  return { rows, u, v, t1, t2, ratios: [9 / d / perFeature, 4 / d / perFeature] };
}

function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const ca = Float64Array.from(a);
  const cb = Float64Array.from(b);
  normalise(ca, 1);
  normalise(cb, 1);
  return dot(ca, cb) / ca.length;
}

function column(points: Float32Array, c: number, stride = 2): Float64Array {
  return Float64Array.from({ length: points.length / stride }, (_, i) => points[i * stride + c]);
}

function catchError(run: () => unknown): StudioError {
  try {
    run();
  } catch (e) {
    if (e instanceof StudioError) return e;
    throw e;
  }
  throw new Error('expected a StudioError');
}

describe('pca2', () => {
  it('recovers a plane embedded in 50-D with noise', () => {
    const { rows, u, v, t1, t2, ratios } = planeIn50d(2000);
    const pc = principalComponents(rows, 2);
    expect(pc.stop).toBe('converged');
    // Directions up to sign: |cos| between the loadings and the construction's u and v.
    expect(Math.abs(dot(pc.components[0], u))).toBeGreaterThan(0.9999);
    expect(Math.abs(dot(pc.components[1], v))).toBeGreaterThan(0.9999);
    expect(pc.explainedRatio[0]).toBeCloseTo(ratios[0], 2);
    expect(pc.explainedRatio[1]).toBeCloseTo(ratios[1], 2);

    const { points, explainedVariance } = pca2(rows);
    expect(explainedVariance).toEqual([pc.explainedRatio[0], pc.explainedRatio[1]]);
    // The noise along u (variance 0.01 against 9) caps the correlation at √(9 / 9.01) ≈ 0.99944; along v at
    // √(4 / 4.01) ≈ 0.99875.
    expect(Math.abs(correlation(column(points, 0), t1))).toBeGreaterThan(0.999);
    expect(Math.abs(correlation(column(points, 1), t2))).toBeGreaterThan(0.998);
  });

  it('matches a dense eigen-decomposition of the correlation matrix', () => {
    const random = new Random(3);
    const n = 300;
    const d = 12;
    const mix = Float64Array.from({ length: d * d }, () => random.gaussian());
    const rows = Array.from({ length: n }, () => {
      const z = Float64Array.from({ length: d }, () => random.gaussian());
      return Float32Array.from({ length: d }, (_, j) => 5 + dot(mix.subarray(j * d, j * d + d), z));
    });
    const z = rows.map((r) => Float64Array.from(r));
    for (let j = 0; j < d; j++) {
      const col = Float64Array.from(z, (r) => r[j]);
      normalise(col, 1);
      z.forEach((r, i) => (r[j] = col[i]));
    }
    const corr = new Float64Array(d * d);
    for (const r of z)
      for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) corr[a * d + b] += (r[a] * r[b]) / n;
    const dense = symmetricEigen(corr, d);

    const pc = principalComponents(rows, 3, { tolerance: 1e-10, stallTolerance: 0 });
    for (let c = 0; c < 3; c++) {
      expect(pc.variances[c]).toBeCloseTo(dense.values[c], 8);
      expect(pc.explainedRatio[c]).toBeCloseTo(dense.values[c] / d, 8);
      const denseVector = Float64Array.from({ length: d }, (_, j) => dense.vectors[j * d + c]);
      expect(Math.abs(dot(pc.components[c], denseVector))).toBeCloseTo(1, 8);
      for (let i = 0; i < n; i += 37)
        expect(pc.scores[i * 3 + c]).toBeCloseTo(dot(z[i], pc.components[c]), 4);
    }
  });

  it('is deterministic and signs each component by its largest loading', () => {
    const { rows } = planeIn50d(500);
    const a = principalComponents(rows, 2);
    const b = principalComponents(rows, 2);
    expect(Array.from(b.scores)).toEqual(Array.from(a.scores));
    for (const loading of a.components) {
      const largest = loading.reduce((m, x) => (Math.abs(x) > Math.abs(m) ? x : m), 0);
      expect(largest).toBeGreaterThan(0);
    }
  });

  it('ignores the offset and scale of each feature, and drops constant features', () => {
    const { rows } = planeIn50d(400);
    const reference = pca2(rows);
    const rescaled = rows.map((r) => {
      const out = new Float32Array(r.length + 2);
      out[0] = 42;
      out.set(
        r.map((x, j) => (j % 2 ? x * 3 : x / 2 - 7)),
        1,
      );
      out[r.length + 1] = -1;
      return out;
    });
    const result = pca2(rescaled);
    expect(result.keptFeatures).toBe(50);
    for (let i = 0; i < reference.points.length; i++)
      expect(result.points[i]).toBeCloseTo(reference.points[i], 3);
    expect(result.explainedVariance[0]).toBeCloseTo(reference.explainedVariance[0], 5);
  });

  it('gives a defined result for two windows and for one varying feature', () => {
    const two = pca2([Float32Array.of(1, 2, 3), Float32Array.of(3, 2, 1)]);
    expect(two.explainedVariance[0]).toBeCloseTo(1, 12);
    expect(two.explainedVariance[1]).toBeCloseTo(0, 12);
    expect(two.points[0]).toBeCloseTo(-two.points[2], 6);
    expect(Math.abs(two.points[0])).toBeCloseTo(Math.sqrt(2), 6);

    const single = pca2([0, 1, 2, 3].map((x) => Float32Array.of(5, x)));
    expect(single.keptFeatures).toBe(1);
    expect(single.explainedVariance[0]).toBeCloseTo(1, 12);
    expect(single.explainedVariance[1]).toBe(0);
    expect(Array.from(column(single.points, 1))).toEqual([0, 0, 0, 0]);
    expect(Array.from(column(single.points, 0)).map((x) => x.toFixed(4))).toEqual(
      [-3, -1, 1, 3].map((x) => (x / Math.sqrt(5)).toFixed(4)),
    );
  });

  it('rejects degenerate input with a clear StudioError', () => {
    expect(catchError(() => pca2([])).code).toBe('projection-too-few-rows');
    const one = catchError(() => pca2([Float32Array.of(1, 2)]));
    expect(one.code).toBe('projection-too-few-rows');
    expect(one.message).toMatch(/at least 2 windows.*there is 1/);
    const constant = catchError(() =>
      pca2([Float32Array.of(1, 2), Float32Array.of(1, 2), Float32Array.of(1, 2)]),
    );
    expect(constant.code).toBe('projection-constant-features');
    expect(constant.message).toMatch(/All 2 features have the same value/);
    const ragged = catchError(() => pca2([Float32Array.of(1, 2), Float32Array.of(1)]));
    expect(ragged.code).toBe('projection-ragged-rows');
    expect(ragged.message).toMatch(/Window 2 has 1 features but window 1 has 2/);
    const nan = catchError(() =>
      pca2([Float32Array.of(1, 2), Float32Array.of(3, NaN), Float32Array.of(1, 1)]),
    );
    expect(nan.code).toBe('projection-non-finite');
    expect(nan.message).toMatch(/Feature 2 of window 2 is NaN/);
  });

  it('stops early on noise, whose leading components are nearly equal, within 1 % of their variance', () => {
    const random = new Random(5);
    const rows = Array.from({ length: 2000 }, () =>
      Float32Array.from({ length: 100 }, () => random.gaussian()),
    );
    const reference = principalComponents(rows, 2, {
      stallTolerance: 0,
      tolerance: 1e-8,
      maxIterations: 2000,
    });
    expect(reference.stop).toBe('converged');
    const quick = principalComponents(rows, 2);
    expect(quick.stop).toBe('stalled');
    expect(quick.iterations).toBeLessThan(reference.iterations / 2);
    const captured = (pc: typeof quick) => pc.variances[0] + pc.variances[1];
    expect(captured(quick)).toBeGreaterThan(0.99 * captured(reference));
  });

  it('reports non-decreasing progress ending at 1, flags an unconverged result, and can be cancelled', () => {
    const { rows } = planeIn50d(300);
    const seen: number[] = [];
    pca2(rows, { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);

    const capped = pca2(rows, { maxIterations: 1, tolerance: 1e-15 });
    expect(capped.stop).toBe('iteration-limit');
    expect(capped.iterations).toBe(1);

    const controller = new AbortController();
    const error = catchError(() =>
      pca2(rows, { tolerance: 1e-15, signal: controller.signal, onProgress: () => controller.abort() }),
    );
    expect(error.code).toBe('projection-cancelled');
  });
});
