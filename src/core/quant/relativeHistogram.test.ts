import { describe, expect, it } from 'vitest';
import { gaussian, seededRandom } from '../random';
import { RelativeHistogram } from './relativeHistogram';

function exactQuantile(sorted: Float64Array, q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))];
}

describe('RelativeHistogram', () => {
  it('returns quantiles within 1 % of the exact ones, across signs, zeros and magnitudes', () => {
    const random = seededRandom(7);
    const values = Float64Array.from({ length: 50_000 }, (_, i) => {
      if (i % 10 === 0) return 0;
      const v = gaussian(random) * (i % 3 === 0 ? 1e-3 : 5);
      return v;
    });
    const histogram = new RelativeHistogram(0.01);
    for (let i = 0; i < values.length; i += 1000) histogram.add(values.subarray(i, i + 1000));
    expect(histogram.count).toBe(values.length);
    const sorted = values.slice().sort();
    for (const q of [0, 0.0001, 0.01, 0.1, 0.3, 0.45, 0.5, 0.55, 0.7, 0.9, 0.99, 0.9999, 1]) {
      const exact = exactQuantile(sorted, q);
      expect(Math.abs(histogram.quantile(q) - exact), `q = ${q}`).toBeLessThanOrEqual(
        0.0101 * Math.abs(exact),
      );
    }
  });

  it('skips NaN and is NaN when empty', () => {
    const histogram = new RelativeHistogram();
    expect(histogram.quantile(0.5)).toBeNaN();
    histogram.add([NaN, 2, NaN]);
    expect(histogram.count).toBe(1);
    expect(histogram.quantile(0)).toBeCloseTo(2, 1);
  });

  it('keeps infinite and huge magnitudes in its outermost buckets', () => {
    const histogram = new RelativeHistogram();
    histogram.add([-Infinity, 1, 3e38, Infinity]);
    expect(histogram.quantile(0)).toBeLessThan(-3e38);
    expect(histogram.quantile(1)).toBeGreaterThan(3e38);
    expect(histogram.quantile(1 / 3)).toBeCloseTo(1, 1);
  });
});
