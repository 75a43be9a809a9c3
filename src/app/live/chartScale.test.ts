import { describe, expect, it } from 'vitest';
import { nextYRange } from './chartScale';
import { formatTick, niceStep, ticks } from '../chart/ticks';

describe('chart scale', () => {
  it('picks 1-2-5 steps', () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(65536, 5)).toBe(20000);
    expect(niceStep(0.3, 4)).toBeCloseTo(0.1);
    expect(niceStep(2, 4)).toBe(0.5);
    expect(niceStep(0, 4)).toBe(1);
  });

  it('lists ticks inside the range and formats them with the decimals the step needs', () => {
    expect(ticks(-3.1, 9.9, 2)).toEqual([-2, 0, 2, 4, 6, 8]);
    expect(ticks(0, 1, 0.25)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(formatTick(0.25, 0.25)).toBe('0.25');
    expect(formatTick(-20000, 10000)).toBe('-20000');
    expect(formatTick(-0.00001, 0.5)).toBe('0.0');
    expect(formatTick(1.5, 0.5)).toBe('1.5');
  });

  it('grows the y range at once and shrinks it gradually', () => {
    const first = nextYRange(null, -1, 1);
    expect(first.lo).toBeLessThan(-1);
    expect(first.hi).toBeGreaterThan(1);
    const grown = nextYRange(first, -5, 1);
    expect(grown.lo).toBeLessThan(-5);
    expect(grown.hi).toBeGreaterThanOrEqual(first.hi);
    const shrunk = nextYRange(grown, -1, 1);
    expect(shrunk.lo).toBeGreaterThan(grown.lo);
    expect(shrunk.lo).toBeLessThan(first.lo);
  });

  it('gives a flat signal a visible band and ignores missing data', () => {
    const flat = nextYRange(null, 9.81, 9.81);
    expect(flat.hi - flat.lo).toBeGreaterThan(0.1);
    expect(nextYRange(null, Infinity, -Infinity)).toEqual({ lo: -1, hi: 1 });
    expect(nextYRange({ lo: 2, hi: 3 }, NaN, NaN)).toEqual({ lo: 2, hi: 3 });
  });
});
