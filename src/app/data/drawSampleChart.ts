import type { ChartEnvelope } from '../../core/dataset/decimate';
import { AXIS_COLORS } from '../chart/axisColors';
import { formatTick, niceStep, ticks } from '../chart/ticks';

/** The plot area inside the canvas, in CSS pixels; the drag overlay sits exactly on it. */
export const PLOT_MARGIN = { top: 8, right: 14, bottom: 26, left: 60 };

/**
 * Draws every axis of a sample as a min/max envelope per pixel column (the decimated data), with labelled
 * time and value axes. Plain canvas calls: a 10-minute recording costs the same as a short one.
 */
export function drawSampleChart(
  ctx: CanvasRenderingContext2D,
  env: ChartEnvelope,
  totalMs: number,
  cssWidth: number,
  cssHeight: number,
  dpr: number,
): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, cssWidth, cssHeight);
  const { top, right, bottom, left } = PLOT_MARGIN;
  const w = Math.max(1, cssWidth - left - right);
  const h = Math.max(1, cssHeight - top - bottom);
  let lo = Infinity;
  let hi = -Infinity;
  for (let a = 0; a < env.min.length; a++) {
    for (let i = 0; i < env.min[a].length; i++) {
      if (env.min[a][i] < lo) lo = env.min[a][i];
      if (env.max[a][i] > hi) hi = env.max[a][i];
    }
  }
  if (!(lo <= hi)) [lo, hi] = [-1, 1];
  const pad = Math.max((hi - lo) * 0.06, Math.abs(hi) * 0.01, 1e-3);
  lo -= pad;
  hi += pad;
  const x = (t: number) => left + (t / Math.max(totalMs, 1e-9)) * w;
  const y = (v: number) => top + (1 - (v - lo) / (hi - lo)) * h;

  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.strokeStyle = '#e5e7eb';
  ctx.fillStyle = '#6b7280';
  const yStep = niceStep(hi - lo, Math.max(2, Math.floor(h / 40)));
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of ticks(lo, hi, yStep)) {
    ctx.beginPath();
    ctx.moveTo(left, Math.round(y(v)) + 0.5);
    ctx.lineTo(left + w, Math.round(y(v)) + 0.5);
    ctx.stroke();
    ctx.fillText(formatTick(v, yStep), left - 6, y(v));
  }
  const seconds = totalMs > 5000;
  const span = seconds ? totalMs / 1000 : totalMs;
  const xStep = niceStep(span, Math.max(2, Math.floor(w / 90)));
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of ticks(0, span, xStep)) {
    const px = x(seconds ? t * 1000 : t);
    ctx.beginPath();
    ctx.moveTo(Math.round(px) + 0.5, top);
    ctx.lineTo(Math.round(px) + 0.5, top + h);
    ctx.stroke();
    const label = `${formatTick(t, xStep)} ${seconds ? 's' : 'ms'}`;
    const half = ctx.measureText(label).width / 2;
    ctx.fillText(label, Math.min(px, cssWidth - half - 2), top + h + 6);
  }

  const n = env.timeMs.length;
  for (let a = 0; a < env.min.length; a++) {
    const color = AXIS_COLORS[a % AXIS_COLORS.length];
    ctx.strokeStyle = color;
    ctx.beginPath();
    // One vertical stroke per column from its min to its max, joined: an envelope that is a line when min = max.
    for (let i = 0; i < n; i++) {
      const px = x(env.timeMs[i]);
      if (i === 0) ctx.moveTo(px, y(env.max[a][i]));
      else ctx.lineTo(px, y(env.max[a][i]));
      ctx.lineTo(px, y(env.min[a][i]));
    }
    ctx.stroke();
  }
}
