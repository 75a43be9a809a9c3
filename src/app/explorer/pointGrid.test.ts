import { describe, expect, it } from 'vitest';
import { Random } from '../../core/virtual/random';
import { nearestInDirection, PointGrid } from './pointGrid';

function bruteNearest(
  xs: Float32Array,
  ys: Float32Array,
  include: (i: number) => boolean,
  x: number,
  y: number,
  r: number,
) {
  let best = -1;
  let bestSq = r * r;
  for (let i = 0; i < xs.length; i++) {
    if (!include(i)) continue;
    const sq = (xs[i] - x) ** 2 + (ys[i] - y) ** 2;
    if (sq < bestSq || (sq === bestSq && best < 0)) {
      best = i;
      bestSq = sq;
    }
  }
  return best;
}

describe('PointGrid', () => {
  it('agrees with a brute-force search on 20,000 clustered points', () => {
    const random = new Random(1);
    const n = 20000;
    const xs = new Float32Array(n);
    const ys = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      // Half in a tight cluster, half spread over the plot: both dense and empty cells.
      const tight = i % 2 === 0;
      xs[i] = tight ? 300 + random.gaussian() * 5 : random.uniform(0, 800);
      ys[i] = tight ? 200 + random.gaussian() * 5 : random.uniform(0, 400);
    }
    const include = (i: number) => i % 7 !== 0;
    const grid = new PointGrid(xs, ys, include, 8);
    for (let q = 0; q < 2000; q++) {
      const x = q < 1000 ? 300 + random.gaussian() * 10 : random.uniform(-20, 820);
      const y = q < 1000 ? 200 + random.gaussian() * 10 : random.uniform(-20, 420);
      expect(grid.nearest(x, y, 8)).toBe(bruteNearest(xs, ys, include, x, y, 8));
    }
  });

  it('finds nothing outside the radius, skips excluded and non-finite points, and breaks ties by index', () => {
    const xs = Float32Array.of(10, 20, 20, NaN, 40);
    const ys = Float32Array.of(10, 20, 20, 0, 40);
    const grid = new PointGrid(xs, ys, (i) => i !== 4, 5);
    expect(grid.nearest(11, 11, 3)).toBe(0);
    expect(grid.nearest(15, 15, 3)).toBe(-1);
    expect(grid.nearest(21, 21, 3)).toBe(1);
    expect(grid.nearest(40, 40, 3)).toBe(-1);
    expect(grid.nearest(0, 0, Infinity)).toBe(0);
  });

  it('handles no points and far outliers without a huge grid', () => {
    expect(new PointGrid(new Float32Array(0), new Float32Array(0), () => true, 8).nearest(0, 0, 10)).toBe(-1);
    const far = new PointGrid(Float32Array.of(0, 1e9), Float32Array.of(0, 1e9), () => true, 8);
    expect(far.nearest(1, 1, 5)).toBe(0);
    expect(far.nearest(1e9, 1e9 + 1, 5)).toBe(1);
  });
});

describe('nearestInDirection', () => {
  // A plus sign around point 0 at (50, 50), with a nearer point off-axis at 60° from the right.
  const xs = Float32Array.of(50, 70, 30, 50, 50, 55);
  const ys = Float32Array.of(50, 50, 50, 30, 80, 41);
  const all = () => true;

  it('moves to the nearest point within 45° of the arrow, on screen (up is −y)', () => {
    expect(nearestInDirection(xs, ys, all, 0, 'right')).toBe(1);
    expect(nearestInDirection(xs, ys, all, 0, 'left')).toBe(2);
    expect(nearestInDirection(xs, ys, all, 0, 'up')).toBe(5);
    expect(nearestInDirection(xs, ys, all, 0, 'down')).toBe(4);
    expect(nearestInDirection(xs, ys, all, 1, 'right')).toBe(-1);
  });

  it('skips points that are left out', () => {
    expect(nearestInDirection(xs, ys, (i) => i !== 5, 0, 'up')).toBe(3);
  });
});
