import { toPixel, type ScatterLayout } from './scatterScale';

/**
 * Canvas painting for the feature scatter, in two layers: the base (axes and every point, repainted only
 * when the data, the size or the highlighting changes) and a transparent overlay on top (the rings of the
 * hovered and the current point, repainted as the pointer moves, which at 20,000 points the base could
 * not be).
 */

export type PointHighlight = 'normal' | 'dim' | 'marked';

/** Colours and font, taken from the page's CSS variables so the canvas matches styles.css. */
export interface ScatterTheme {
  ink: string;
  muted: string;
  line: string;
  panel: string;
  accent: string;
  font: string;
}

export function readTheme(element: HTMLElement): ScatterTheme {
  const style = getComputedStyle(element);
  const variable = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    ink: variable('--ink', '#111827'),
    muted: variable('--muted', '#6b7280'),
    line: variable('--line', '#e5e7eb'),
    panel: variable('--panel', '#ffffff'),
    accent: variable('--accent', '#1d4ed8'),
    font: style.fontFamily || 'sans-serif',
  };
}

/** Smaller dots as the plot fills up, so dense clusters keep some texture. */
export function pointRadius(count: number): number {
  return count <= 2000 ? 3.5 : count <= 8000 ? 2.5 : 1.8;
}

/** Sizes the canvas's backing store for the device pixel ratio; drawing then uses CSS pixels. */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
  cssWidth: number,
  cssHeight: number,
  dpr: number,
): CanvasRenderingContext2D | null {
  const width = Math.max(1, Math.round(cssWidth * dpr));
  const height = Math.max(1, Math.round(cssHeight * dpr));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, cssWidth, cssHeight);
  return ctx;
}

export interface BaseView {
  layout: ScatterLayout;
  /** Per point: the index of its label's colour. */
  entryOf: Uint16Array;
  colors: readonly string[];
  isVisible: (i: number) => boolean;
  highlight?: (i: number) => PointHighlight;
  axisTitles?: [string, string];
  radius: number;
  theme: ScatterTheme;
}

const DIM_ALPHA = 0.15;
const NORMAL_ALPHA = 0.8;
const MARK_GROWTH = 2.5;

export function drawBase(ctx: CanvasRenderingContext2D, view: BaseView): void {
  drawAxes(ctx, view);
  const { layout, entryOf, colors, isVisible, highlight, radius, theme } = view;
  const { frame, xs, ys } = layout;
  const n = xs.length;
  const state = new Uint8Array(n); // 0 hidden, 1 dim, 2 normal, 3 marked
  // Points grouped by colour (a counting sort), so each colour is one path and one fill.
  const start = new Uint32Array(colors.length + 1);
  for (let i = 0; i < n; i++) {
    if (!isVisible(i)) continue;
    const h = highlight?.(i) ?? 'normal';
    state[i] = h === 'dim' ? 1 : h === 'marked' ? 3 : 2;
    start[entryOf[i] + 1]++;
  }
  for (let c = 0; c < colors.length; c++) start[c + 1] += start[c];
  const next = start.slice(0, -1);
  const byColor = new Uint32Array(start[colors.length]);
  for (let i = 0; i < n; i++) if (state[i]) byColor[next[entryOf[i]]++] = i;

  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.left, frame.top, frame.width, frame.height);
  ctx.clip();
  // Dimmed points first, underneath; then the rest; marked points last, on top of everything.
  const passes = [
    [1, DIM_ALPHA],
    [2, NORMAL_ALPHA],
  ] as const;
  for (const [wanted, alpha] of passes) {
    ctx.globalAlpha = alpha;
    for (let c = 0; c < colors.length; c++) {
      ctx.beginPath();
      for (let k = start[c]; k < start[c + 1]; k++) {
        const i = byColor[k];
        if (state[i] !== wanted) continue;
        ctx.moveTo(xs[i] + radius, ys[i]);
        ctx.arc(xs[i], ys[i], radius, 0, 2 * Math.PI);
      }
      ctx.fillStyle = colors[c];
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = theme.ink;
  for (let k = 0; k < byColor.length; k++) {
    const i = byColor[k];
    if (state[i] !== 3) continue;
    ctx.beginPath();
    ctx.arc(xs[i], ys[i], radius + MARK_GROWTH, 0, 2 * Math.PI);
    ctx.fillStyle = colors[entryOf[i]];
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

function drawAxes(ctx: CanvasRenderingContext2D, { layout, axisTitles, theme }: BaseView): void {
  const { frame, x, y, xTicks, yTicks } = layout;
  const bottom = frame.top + frame.height;
  const right = frame.left + frame.width;
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.line;
  ctx.beginPath();
  // Half-pixel offsets put 1-px lines on pixel centres, so they stay sharp at a ratio of 1.
  for (const v of xTicks.values) {
    const px = Math.round(toPixel(x, v)) + 0.5;
    ctx.moveTo(px, frame.top);
    ctx.lineTo(px, bottom);
  }
  for (const v of yTicks.values) {
    const py = Math.round(toPixel(y, v)) + 0.5;
    ctx.moveTo(frame.left, py);
    ctx.lineTo(right, py);
  }
  ctx.stroke();
  ctx.strokeRect(frame.left + 0.5, frame.top + 0.5, frame.width - 1, frame.height - 1);

  ctx.fillStyle = theme.muted;
  ctx.font = `11px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  xTicks.values.forEach((v, k) => ctx.fillText(xTicks.labels[k], toPixel(x, v), bottom + 5));
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  yTicks.values.forEach((v, k) => ctx.fillText(yTicks.labels[k], frame.left - 6, toPixel(y, v)));
  if (!axisTitles) return;
  ctx.fillStyle = theme.ink;
  ctx.font = `12px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(axisTitles[0], frame.left + frame.width / 2, bottom + 38);
  ctx.save();
  ctx.translate(14, frame.top + frame.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(axisTitles[1], 0, 0);
  ctx.restore();
}

/** Rings on the overlay: a thin one for the point under the pointer, a thick one for the current point. */
export function drawOverlay(
  ctx: CanvasRenderingContext2D,
  layout: ScatterLayout,
  radius: number,
  hovered: number,
  current: number,
  theme: ScatterTheme,
): void {
  const ring = (i: number, r: number, width: number, color: string) => {
    ctx.beginPath();
    ctx.arc(layout.xs[i], layout.ys[i], r, 0, 2 * Math.PI);
    ctx.lineWidth = width;
    ctx.strokeStyle = color;
    ctx.stroke();
  };
  if (current >= 0) {
    ring(current, radius + MARK_GROWTH + 3, 3.5, theme.panel);
    ring(current, radius + MARK_GROWTH + 3, 2, theme.accent);
  }
  if (hovered >= 0 && hovered !== current) ring(hovered, radius + 2.5, 1.5, theme.ink);
}
