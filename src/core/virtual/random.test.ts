import { describe, expect, it } from 'vitest';
import { Random } from './random';

describe('Random', () => {
  it('repeats a sequence for a seed and differs between neighbouring seeds', () => {
    const draw = (seed: number) => {
      const r = new Random(seed);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(1)[0]).not.toBeCloseTo(draw(2)[0], 3);
  });

  it('draws uniform values in [0, 1) and standard normal values', () => {
    const r = new Random(3);
    const n = 50000;
    let sum = 0;
    let lowest = 1;
    let highest = 0;
    let gSum = 0;
    let gSquares = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      lowest = Math.min(lowest, u);
      highest = Math.max(highest, u);
      sum += u;
      const g = r.gaussian();
      gSum += g;
      gSquares += g * g;
    }
    expect(lowest).toBeGreaterThanOrEqual(0);
    expect(highest).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(gSum / n).toBeCloseTo(0, 1);
    expect(gSquares / n).toBeCloseTo(1, 1);
  });

  it('forks independent generators deterministically', () => {
    const a = new Random(9).fork();
    const b = new Random(9).fork();
    expect(a.next()).toBe(b.next());
    expect(new Random(9).fork().next()).not.toBe(new Random(9).next());
  });
});
