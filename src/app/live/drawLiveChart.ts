import type { SensorInfo } from '../../core/dataset/sample';
import { unitLabel } from './axisStyle';
import { nextYRange, type ValueRange } from './chartScale';
import { formatTick, niceStep, ticks } from '../chart/ticks';
import type { LiveBuffer } from './liveBuffer';

export interface LiveChartView {
  axes: readonly SensorInfo[];
  sampleRateHz: number;
  windowSeconds: number;
}

/** The canvas size in CSS pixels and the device-pixel ratio of its backing store. */
export interface ChartSize {
  width: number;
  height: number;
  dpr: number;
}

export interface ChartTheme {
  ink: string;
  muted: string;
  grid: string;
  fontFamily: string;
  colors: readonly string[];
}

/** What one chart keeps between paints: its y range (which eases) and scratch arrays reused every frame. */
export interface ChartMemory {
  yRange: ValueRange | null;
  min: Float32Array;
  max: Float32Array;
}

export function newChartMemory(): ChartMemory {
  return { yRange: null, min: new Float32Array(0), max: new Float32Array(0) };
}

const MARGIN = { left: 58, right: 20, top: 18, bottom: 24 };
const FONT_PX = 11;

/**
 * Most primitives (column rectangles, or line segments at a quarter of that) one paint may draw. Where the
 * canvas is rasterised in software (no GPU: headless browsers, some VMs) a column costs ~0.5 µs and a
 * stroked segment ~2 µs, so this keeps a paint within a few milliseconds even there; a chart with many
 * axes draws coarser columns instead of taking longer.
 */
const PRIMITIVE_BUDGET = 6000;
const LINE_BUDGET = PRIMITIVE_BUDGET / 4;
/** Visual thickness of a trace, CSS px. */
const TRACE_PX = 1.25;

/**
 * Paints the last `windowSeconds` of `buffer`. Normally each axis is drawn as one rectangle per pixel
 * column spanning the extent of the signal's line in that column (see LiveBuffer.columnExtents), so the
 * cost grows with the chart's width, not the sample count: 16 kHz audio costs what 100 Hz data does. When
 * frames are several pixels apart and few (an IMU over a wide chart), they are stroked as an antialiased
 * line instead, which looks smoother at that density.
 */
export function drawLiveChart(
  ctx: CanvasRenderingContext2D,
  buffer: LiveBuffer,
  view: LiveChartView,
  size: ChartSize,
  theme: ChartTheme,
  memory: ChartMemory,
): void {
  const { width, height, dpr } = size;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const left = MARGIN.left;
  const top = MARGIN.top;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  if (plotW < 10 || plotH < 10) return;

  const rate = view.sampleRateHz;
  const windowS = view.windowSeconds;
  const axes = Math.min(view.axes.length, buffer.axes);
  const to = buffer.totalFrames;
  const from = Math.max(buffer.firstFrame, to - Math.round(windowS * rate));
  const n = to - from;
  // Until a window's worth has arrived the axis starts at 0 and the trace grows from the left.
  const t1 = Math.max(to / rate, windowS);
  const t0 = t1 - windowS;
  const x = (frame: number) => left + ((frame / rate - t0) / windowS) * plotW;

  const last = to - 1;
  const span = x(last) - x(from);
  const deviceColumns = Math.max(1, Math.floor(span * dpr));
  const line = n * axes <= LINE_BUDGET && n <= deviceColumns / 3;
  const columns = Math.max(1, Math.min(deviceColumns, Math.floor(PRIMITIVE_BUDGET / Math.max(1, axes))));
  const [dataMin, dataMax] = line
    ? frameExtents(buffer, axes, from, to)
    : envelopeExtents(buffer, axes, from, to, columns, memory);
  const y0 = (memory.yRange = nextYRange(memory.yRange, dataMin, dataMax));
  const y = (v: number) => top + ((y0.hi - v) / (y0.hi - y0.lo)) * plotH;

  ctx.font = `${FONT_PX}px ${theme.fontFamily}`;
  ctx.lineWidth = 1;
  drawValueAxis(ctx, view.axes, y0, y, left, top, plotW, plotH, theme);
  drawTimeAxis(ctx, t0, t1, left, top, plotW, plotH, theme);

  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, plotW, plotH);
  ctx.clip();
  for (let a = 0; a < axes && n > 0; a++) {
    const color = theme.colors[a % theme.colors.length];
    if (line) {
      ctx.strokeStyle = color;
      ctx.lineWidth = TRACE_PX;
      ctx.lineJoin = 'round';
      ctx.beginPath();
      ctx.moveTo(x(from), y(buffer.valueAt(a, from)));
      for (let f = from + 1; f < to; f++) ctx.lineTo(x(f), y(buffer.valueAt(a, f)));
      ctx.stroke();
    } else {
      ctx.fillStyle = color;
      drawColumns(ctx, memory, a * columns, columns, x(from), span / columns, y);
    }
  }
  ctx.restore();
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  ctx.strokeRect(left + 0.5, top + 0.5, plotW - 1, plotH - 1);
}

/** One rectangle per column from its min to its max, at least a trace's thickness tall. */
function drawColumns(
  ctx: CanvasRenderingContext2D,
  memory: ChartMemory,
  base: number,
  columns: number,
  xa: number,
  columnWidth: number,
  y: (v: number) => number,
): void {
  const width = Math.max(columnWidth, TRACE_PX / 2);
  for (let c = 0; c < columns; c++) {
    const top = y(memory.max[base + c]);
    const bottom = y(memory.min[base + c]);
    const height = Math.max(bottom - top, TRACE_PX);
    ctx.fillRect(xa + c * columnWidth, (top + bottom - height) / 2, width, height);
  }
}

function envelopeExtents(
  buffer: LiveBuffer,
  axes: number,
  from: number,
  to: number,
  columns: number,
  memory: ChartMemory,
): [number, number] {
  if (memory.min.length < axes * columns) {
    memory.min = new Float32Array(axes * columns);
    memory.max = new Float32Array(axes * columns);
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let a = 0; a < axes; a++) {
    const min = memory.min.subarray(a * columns, (a + 1) * columns);
    const max = memory.max.subarray(a * columns, (a + 1) * columns);
    buffer.columnExtents(a, from, to, columns, min, max);
    for (let c = 0; c < columns; c++) {
      if (min[c] < lo) lo = min[c];
      if (max[c] > hi) hi = max[c];
    }
  }
  return [lo, hi];
}

function frameExtents(buffer: LiveBuffer, axes: number, from: number, to: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let a = 0; a < axes; a++) {
    for (let f = from; f < to; f++) {
      const v = buffer.valueAt(a, f);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [lo, hi];
}

function drawValueAxis(
  ctx: CanvasRenderingContext2D,
  axes: readonly SensorInfo[],
  range: ValueRange,
  y: (v: number) => number,
  left: number,
  top: number,
  plotW: number,
  plotH: number,
  theme: ChartTheme,
): void {
  const step = niceStep(range.hi - range.lo, Math.max(2, Math.floor(plotH / 36)));
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of ticks(range.lo, range.hi, step)) {
    const py = Math.round(y(v)) + 0.5;
    ctx.strokeStyle = theme.grid;
    ctx.beginPath();
    ctx.moveTo(left, py);
    ctx.lineTo(left + plotW, py);
    ctx.stroke();
    ctx.fillStyle = theme.muted;
    ctx.fillText(formatTick(v, step), left - 6, py);
  }
  // The unit goes above the tick labels when every axis shares it; mixed units are in the legend.
  const unit = unitLabel(axes[0]?.units ?? '');
  if (unit && axes.every((a) => a.units === axes[0].units)) {
    ctx.fillStyle = theme.ink;
    ctx.textBaseline = 'bottom';
    ctx.fillText(unit, left - 6, top - 4);
  }
}

function drawTimeAxis(
  ctx: CanvasRenderingContext2D,
  t0: number,
  t1: number,
  left: number,
  top: number,
  plotW: number,
  plotH: number,
  theme: ChartTheme,
): void {
  const step = niceStep(t1 - t0, Math.max(2, Math.floor(plotW / 90)));
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of ticks(t0, t1, step)) {
    const px = Math.round(left + ((t - t0) / (t1 - t0)) * plotW) + 0.5;
    ctx.strokeStyle = theme.grid;
    ctx.beginPath();
    ctx.moveTo(px, top);
    ctx.lineTo(px, top + plotH);
    ctx.stroke();
    ctx.fillStyle = theme.muted;
    ctx.fillText(`${formatTick(t, step)} s`, px, top + plotH + 5);
  }
}
