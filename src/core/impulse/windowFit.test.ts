import { describe, expect, it } from 'vitest';
import type { WindowingParams } from '../dataset/windowing';
import { noWindowReason, windowFit, windowFitWarning } from './windowFit';

/** A sample of `ms` at 100 Hz. */
const at100 = (ms: number) => ({ frameCount: ms / 10, intervalMs: 10 });

const input = (windowSizeMs: number, zeroPad = true): WindowingParams => ({
  windowSizeMs,
  windowStrideMs: 500,
  frequencyHz: 100,
  zeroPad,
  axes: ['accX'],
});

describe('windowFit', () => {
  it('measures the zero padding of windows longer than the samples', () => {
    const fit = windowFit([at100(2000), at100(2000)], input(5000))!;
    expect(fit).toMatchObject({ samples: 2, shorter: 2, windows: 2, shortestMs: 2000, longestMs: 2000 });
    expect(fit.paddedFraction).toBeCloseTo(0.6, 10);
    expect(windowFitWarning(fit, true)).toBe(
      'Your samples are 2 s long but the window is 5 s: 60 % of each window is zero padding. ' +
        'Shorten the window or record longer samples.',
    );
  });

  it('gives the typical and the shortest length when they differ, and the mean padding', () => {
    const fit = windowFit([at100(2000), at100(2000), at100(1800)], input(5000))!;
    // (300 + 300 + 320) padded frames of 3 × 500.
    expect(fit.paddedFraction).toBeCloseTo(920 / 1500, 10);
    expect(windowFitWarning(fit, true)).toBe(
      'Your samples are 2 s long (shortest 1.8 s) but the window is 5 s: on average 61 % of a window is ' +
        'zero padding. Shorten the window or record longer samples.',
    );
  });

  it('counts a long sample’s windows as unpadded, so a few short samples raise no warning', () => {
    const fit = windowFit([at100(10_000), at100(1000)], input(2000))!;
    // 10 s gives 17 windows of 2 s every 0.5 s; the 1 s sample one half-padded window.
    expect(fit).toMatchObject({ windows: 18, shorter: 1 });
    expect(fit.paddedFraction).toBeCloseTo(100 / (18 * 200), 10);
    expect(windowFitWarning(fit, true)).toBeNull();
  });

  it('says nothing when padding is under half a window, or when the window fits', () => {
    expect(windowFitWarning(windowFit([at100(2000)], input(3000)), true)).toBeNull();
    expect(windowFitWarning(windowFit([at100(2000)], input(2000)), true)).toBeNull();
    expect(windowFitWarning(windowFit([at100(2000)], input(4000)), true)).toMatch(/50 % of each window/);
  });

  it('is null without samples or with input settings that give no window', () => {
    expect(windowFit([], input(2000))).toBeNull();
    expect(windowFit([at100(2000)], input(0))).toBeNull();
    expect(noWindowReason(null)).toBeNull();
  });
});

describe('without zero-padding', () => {
  it('names the real cause when no sample is as long as the window', () => {
    const fit = windowFit([at100(2000), at100(1500)], input(5000, false));
    expect(fit?.windows).toBe(0);
    const reason =
      'No sample is at least 5000 ms long (the longest is 2000 ms); shorten the window or turn on zero-padding.';
    expect(noWindowReason(fit)).toBe(reason);
    expect(windowFitWarning(fit, false)).toBe(reason);
  });

  it('says how many samples give no window when only some are too short', () => {
    const fit = windowFit([at100(3000), at100(1500), at100(2500)], input(2000, false));
    expect(noWindowReason(fit)).toBeNull();
    expect(windowFitWarning(fit, false)).toBe(
      '1 of 3 samples is shorter than the 2000 ms window (the shortest is 1500 ms) and gives no window, since ' +
        'zero-padding is off.',
    );
  });

  it('tells samples without data apart', () => {
    expect(noWindowReason(windowFit([{ frameCount: 0, intervalMs: 10 }], input(1000, false)))).toBe(
      'The samples hold no data: record or import some.',
    );
  });
});
