import { describe, expect, it } from 'vitest';
import { axisRange, axisTicks, plotFrame, scatterLayout, toPixel } from './scatterScale';
import { formatTick, niceStep, ticks } from '../chart/ticks';

describe('axisRange', () => {
  it('spans the finite values of one coordinate with 5 % headroom', () => {
    const points = Float32Array.of(0, 10, 100, -10, NaN, 0, 50, Infinity);
    const x = axisRange(points, 0);
    expect(x.lo).toBeCloseTo(-5, 12);
    expect(x.hi).toBeCloseTo(105, 12);
    const y = axisRange(points, 1);
    expect(y.lo).toBeCloseTo(-11, 12);
    expect(y.hi).toBeCloseTo(11, 12);
  });

  it('gives a band around a single value and −1…1 for no points', () => {
    const band = axisRange(Float32Array.of(20, 3, 20, 3), 0);
    expect(band.lo).toBeCloseTo(18.9, 12);
    expect(band.hi).toBeCloseTo(21.1, 12);
    expect(axisRange(Float32Array.of(0, 0), 1)).toEqual({ lo: -0.55, hi: 0.55 });
    expect(axisRange(new Float32Array(0), 0)).toEqual({ lo: -1, hi: 1 });
  });
});

describe('toPixel', () => {
  it('maps linearly, including onto a downward y axis', () => {
    expect(toPixel({ range: { lo: -1, hi: 1 }, from: 10, to: 110 }, 0)).toBe(60);
    expect(toPixel({ range: { lo: 0, hi: 4 }, from: 210, to: 10 }, 1)).toBe(160);
  });
});

describe('plotFrame', () => {
  it('leaves room for tick labels, and more for axis titles', () => {
    expect(plotFrame(600, 300, false)).toEqual({ left: 46, top: 10, width: 540, height: 266 });
    expect(plotFrame(600, 300, true)).toEqual({ left: 62, top: 10, width: 524, height: 248 });
    expect(plotFrame(10, 10, true).width).toBe(1);
  });
});

describe('ticks', () => {
  it('chooses 1-2-5 steps and multiples of them within the range', () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(0.7, 7)).toBeCloseTo(0.1, 12);
    expect(niceStep(0, 5)).toBe(1);
    expect(ticks(-5.5, 105, 20)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks(-1, -0.1, 0.5)).toEqual([-1, -0.5]);
  });

  it('labels ticks with just the decimals the step needs', () => {
    expect(formatTick(0.25, 0.05)).toBe('0.25');
    expect(formatTick(-20, 10)).toBe('-20');
    expect(formatTick(-1e-17, 0.1)).toBe('0.0');
    const { values, labels } = axisTicks({ lo: -12.3, hi: 8.1 }, 400, 80);
    expect(values).toEqual([-10, -5, 0, 5]);
    expect(labels).toEqual(['-10', '-5', '0', '5']);
  });
});

describe('scatterLayout', () => {
  it('places every point inside the frame, y growing upward on screen', () => {
    const layout = scatterLayout(Float32Array.of(0, 0, 10, 5, 5, 10), 400, 300, false);
    const { frame } = layout;
    expect(frame).toEqual({ left: 46, top: 10, width: 340, height: 266 });
    for (let i = 0; i < 3; i++) {
      expect(layout.xs[i]).toBeGreaterThan(frame.left);
      expect(layout.xs[i]).toBeLessThan(frame.left + frame.width);
      expect(layout.ys[i]).toBeGreaterThan(frame.top);
      expect(layout.ys[i]).toBeLessThan(frame.top + frame.height);
    }
    expect(layout.xs[0]).toBeCloseTo(frame.left + frame.width * (0.5 / 11), 3);
    expect(layout.ys[2]).toBeLessThan(layout.ys[1]);
    expect(layout.ys[1]).toBeLessThan(layout.ys[0]);
    expect(layout.xTicks.labels).toEqual(['0', '5', '10']);
    expect(layout.yTicks.values.length).toBeGreaterThanOrEqual(3);
  });
});
