import { describe, expect, it } from 'vitest';
import { clockResolution, formatDuration } from './timing';

describe('formatDuration', () => {
  it('says "less than a tick" for what the clock cannot resolve, never "0 µs"', () => {
    expect(formatDuration(0, 0.1)).toBe('< 0.1 ms');
    expect(formatDuration(0.04, 0.1)).toBe('< 0.1 ms');
    expect(formatDuration(0, 0.005)).toBe('< 5 µs');
    // A fine clock still does not claim sub-microsecond precision.
    expect(formatDuration(0.0004, 0)).toBe('< 1 µs');
  });

  it('shows measurable durations in µs below 0.1 ms and in ms above', () => {
    expect(formatDuration(0.1, 0.1)).toBe('0.1 ms');
    expect(formatDuration(0.042, 0.005)).toBe('42 µs');
    expect(formatDuration(2.345, 0.1)).toBe('2.3 ms');
  });
});

describe('clockResolution', () => {
  /** A clock that advances 1 µs per read and reports in steps of `tick` ms. */
  const coarse = (tick: number) => {
    let t = 0;
    return () => Math.floor((t += 0.001) / tick) * tick;
  };

  it('finds the step of a coarsened clock', () => {
    expect(clockResolution(coarse(0.1))).toBeCloseTo(0.1, 9);
    expect(clockResolution(coarse(0.005))).toBeCloseTo(0.005, 9);
  });

  it('gives 0 for a clock that never moves within its reads', () => {
    expect(clockResolution(() => 5, 8, 1000)).toBe(0);
  });
});
