/**
 * Axis arithmetic for the feature scatter: the plot frame inside the canvas, data ranges with headroom,
 * linear maps from data to CSS pixels and "nice" ticks. Pure functions, tested in Node.
 */

import { formatTick, niceStep, ticks } from '../chart/ticks';

export interface Range {
  lo: number;
  hi: number;
}

/** The plot area within the canvas, in CSS pixels. */
export interface PlotFrame {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Room for the tick labels (left, bottom) and, when there are axis titles, for those too. */
export function plotFrame(cssWidth: number, cssHeight: number, withTitles: boolean): PlotFrame {
  const left = withTitles ? 62 : 46;
  const bottom = withTitles ? 42 : 24;
  const top = 10;
  const right = 14;
  return {
    left,
    top,
    width: Math.max(1, cssWidth - left - right),
    height: Math.max(1, cssHeight - top - bottom),
  };
}

/** Headroom on each side of the data, as a fraction of its span, so edge points are not cut in half. */
const PAD = 0.05;

/**
 * The range of coordinate `axis` (0 = x, 1 = y) of interleaved points, ignoring non-finite values, with
 * headroom. No points gives −1…1; points all at one value get a band around it.
 */
export function axisRange(points: Float32Array, axis: 0 | 1): Range {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = axis; i < points.length; i += 2) {
    const v = points[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo <= hi)) return { lo: -1, hi: 1 };
  const span = hi - lo || Math.max(Math.abs(lo) * 0.1, 1);
  const mid = (lo + hi) / 2;
  return { lo: mid - span * (0.5 + PAD), hi: mid + span * (0.5 + PAD) };
}

/** Maps [range.lo, range.hi] onto [from, to] (to < from for a y axis, whose pixels grow downward). */
export interface LinearScale {
  range: Range;
  from: number;
  to: number;
}

export function toPixel(scale: LinearScale, value: number): number {
  const { range, from, to } = scale;
  return from + ((value - range.lo) / (range.hi - range.lo)) * (to - from);
}

export interface Ticks {
  values: number[];
  labels: string[];
}

/** About one tick per `spacing` CSS pixels along an axis of `length` pixels. */
export function axisTicks(range: Range, length: number, spacing: number): Ticks {
  const step = niceStep(range.hi - range.lo, Math.max(2, Math.floor(length / spacing)));
  const values = ticks(range.lo, range.hi, step);
  return { values, labels: values.map((v) => formatTick(v, step)) };
}

/** Everything the scatter needs to draw and hit-test: the frame, both axes and every point's pixel position. */
export interface ScatterLayout {
  frame: PlotFrame;
  x: LinearScale;
  y: LinearScale;
  xTicks: Ticks;
  yTicks: Ticks;
  /** Pixel position of point i (CSS pixels from the canvas's top-left corner). */
  xs: Float32Array;
  ys: Float32Array;
}

/** Horizontal ticks need room for their labels; vertical ones only for the line height. */
const X_TICK_SPACING = 80;
const Y_TICK_SPACING = 44;

export function scatterLayout(
  points: Float32Array,
  cssWidth: number,
  cssHeight: number,
  withTitles: boolean,
): ScatterLayout {
  const frame = plotFrame(cssWidth, cssHeight, withTitles);
  const x = { range: axisRange(points, 0), from: frame.left, to: frame.left + frame.width };
  const y = { range: axisRange(points, 1), from: frame.top + frame.height, to: frame.top };
  const n = points.length >> 1;
  const xs = new Float32Array(n);
  const ys = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = toPixel(x, points[2 * i]);
    ys[i] = toPixel(y, points[2 * i + 1]);
  }
  return {
    frame,
    x,
    y,
    xTicks: axisTicks(x.range, frame.width, X_TICK_SPACING),
    yTicks: axisTicks(y.range, frame.height, Y_TICK_SPACING),
    xs,
    ys,
  };
}
