import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useDevicePixelRatio, useElementWidth } from '../chart/canvasHooks';
import {
  drawBase,
  drawOverlay,
  pointRadius,
  prepareCanvas,
  readTheme,
  type PointHighlight,
} from './drawScatter';
import { drawInOwnTask } from '../components/drawInOwnTask';
import { labelColoring } from './labelColors';
import { nearestInDirection, PointGrid, type Direction } from './pointGrid';
import { scatterLayout } from './scatterScale';
import './explorer.css';

export type { PointHighlight } from './drawScatter';

export interface FeatureScatterProps {
  /** Interleaved x0, y0, x1, y1… (a projection's `points`). */
  points: Float32Array;
  /** The label of each point; points beyond `labels.length` are not drawn. */
  labels: readonly string[];
  /** Legend order; a label's colour is fixed by its place here (labels missing from it come last). */
  labelOrder: readonly string[];
  /**
   * How to draw point i: 'dim' (faint, underneath), 'normal' or 'marked' (larger, outlined, on top). Called
   * for every point on each repaint of the points; a new function repaints them, so memoise it.
   */
  highlight?: (i: number) => PointHighlight;
  /** A point was picked, by a click or with the arrow keys. */
  onPick?: (index: number) => void;
  /** Extra tooltip text for point i (e.g. its sample name and window start). */
  describe?: (index: number) => string;
  /** Height of the plot in CSS pixels (the width follows the container). Default 360. */
  height?: number;
  /** Titles of the x and y axes. */
  axisTitles?: [string, string];
}

/** How close (CSS px) the pointer must be to a point to hover it, and to pick it with a click. */
const HOVER_RADIUS = 8;
const PICK_RADIUS = 12;

const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/**
 * The feature explorer's scatter plot: one dot per window, coloured by label, on a canvas that stays fast
 * with 20,000 points (points are painted once per change in an animation frame; hover only repaints a
 * transparent overlay; hit-testing uses a uniform grid).
 *
 * - Hover: the nearest point within 8 px gets a ring and a tooltip (its label, plus `describe(i)`).
 * - Click: picks the nearest point within 12 px and calls `onPick(i)`; it becomes the current point
 *   (thick ring). Mark it through `highlight` to draw it larger and outlined.
 * - Legend: each label is a toggle button that hides or shows its points (hidden points cannot be hovered
 *   or picked).
 * - Keyboard: the plot is focusable (Tab). Arrow keys move the current point to the nearest visible point
 *   within 45° of that direction on screen and pick it (`onPick`); the first arrow press picks the point
 *   nearest the centre. While focused, the current point's tooltip shows, and its label is announced to
 *   screen readers through a live region. Escape clears the current point.
 */
export function FeatureScatter({
  points,
  labels,
  labelOrder,
  highlight,
  onPick,
  describe,
  height = 360,
  axisTitles,
}: FeatureScatterProps) {
  const plotRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(plotRef);
  const dpr = useDevicePixelRatio();
  const hintId = useId();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  // Hover and current point belong to one `points` array: a new projection starts with neither.
  const [hover, setHover] = useState<{ points: Float32Array; index: number } | null>(null);
  const [current, setCurrent] = useState<{ points: Float32Array; index: number } | null>(null);
  const [focused, setFocused] = useState(false);

  const shown = useMemo(
    () => (points.length >> 1 > labels.length ? points.subarray(0, 2 * labels.length) : points),
    [points, labels.length],
  );
  const coloring = useMemo(() => labelColoring(labels, labelOrder), [labels, labelOrder]);
  const colors = useMemo(() => coloring.entries.map((e) => e.color), [coloring]);
  const isVisible = useMemo(() => {
    const visibleEntry = coloring.entries.map((e) => !hidden.has(e.label));
    return (i: number) => visibleEntry[coloring.entryOf[i]];
  }, [coloring, hidden]);
  const [xTitle, yTitle] = axisTitles ?? [];
  const titles = useMemo<[string, string] | undefined>(
    () => (xTitle !== undefined || yTitle !== undefined ? [xTitle ?? '', yTitle ?? ''] : undefined),
    [xTitle, yTitle],
  );
  const layout = useMemo(() => scatterLayout(shown, width, height, !!titles), [shown, width, height, titles]);
  const grid = useMemo(
    () => new PointGrid(layout.xs, layout.ys, isVisible, HOVER_RADIUS),
    [layout, isVisible],
  );
  const radius = pointRadius(layout.xs.length);

  const live = (state: { points: Float32Array; index: number } | null) =>
    state && state.points === points && state.index < layout.xs.length && isVisible(state.index)
      ? state.index
      : -1;
  const hovered = live(hover);
  const currentIndex = live(current);

  useEffect(() => {
    const canvas = baseRef.current;
    const plot = plotRef.current;
    if (!canvas || !plot || width <= 0) return;
    return drawInOwnTask(() => {
      const ctx = prepareCanvas(canvas, width, height, dpr);
      if (!ctx) return;
      const theme = readTheme(plot);
      drawBase(ctx, {
        layout,
        entryOf: coloring.entryOf,
        colors,
        isVisible,
        highlight,
        axisTitles: titles,
        radius,
        theme,
      });
    });
  }, [layout, coloring, colors, isVisible, highlight, titles, radius, width, height, dpr]);

  useEffect(() => {
    const canvas = overlayRef.current;
    const plot = plotRef.current;
    if (!canvas || !plot || width <= 0) return;
    const frame = requestAnimationFrame(() => {
      const ctx = prepareCanvas(canvas, width, height, dpr);
      if (ctx) drawOverlay(ctx, layout, radius, hovered, currentIndex, readTheme(plot));
    });
    return () => cancelAnimationFrame(frame);
  }, [layout, radius, hovered, currentIndex, width, height, dpr]);

  const pick = (index: number) => {
    setCurrent({ points, index });
    onPick?.(index);
  };

  const localPosition = (e: MouseEvent<HTMLCanvasElement>): [number, number] => {
    const box = e.currentTarget.getBoundingClientRect();
    return [e.clientX - box.left, e.clientY - box.top];
  };

  const onPointerMove = (e: MouseEvent<HTMLCanvasElement>) => {
    const index = grid.nearest(...localPosition(e), HOVER_RADIUS);
    if (index !== hovered) setHover(index < 0 ? null : { points, index });
  };

  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const index = grid.nearest(...localPosition(e), PICK_RADIUS);
    if (index >= 0) pick(index);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (e.key === 'Escape') {
      setCurrent(null);
      return;
    }
    const direction = ARROWS[e.key];
    if (!direction) return;
    e.preventDefault(); // the arrows would scroll the page
    const { frame } = layout;
    const next =
      currentIndex < 0
        ? grid.nearest(frame.left + frame.width / 2, frame.top + frame.height / 2, Infinity)
        : nearestInDirection(layout.xs, layout.ys, isVisible, currentIndex, direction);
    if (next >= 0) pick(next);
  };

  const toggle = (label: string) =>
    setHidden((old) => {
      const next = new Set(old);
      if (!next.delete(label)) next.add(label);
      return next;
    });

  const tip = hovered >= 0 ? hovered : focused ? currentIndex : -1;
  const describePoint = (i: number) => {
    const label = labels[i];
    const extra = describe?.(i);
    return extra ? `${label}: ${extra}` : label;
  };

  return (
    <div className="feature-scatter" data-testid="feature-scatter">
      <ul className="feature-scatter-legend" aria-label="Labels: press one to hide or show its points">
        {coloring.entries.map((entry) => (
          <li key={entry.label}>
            <button
              type="button"
              className={hidden.has(entry.label) ? 'off' : undefined}
              aria-pressed={!hidden.has(entry.label)}
              onClick={() => toggle(entry.label)}
            >
              <span
                className="feature-scatter-swatch"
                style={
                  hidden.has(entry.label)
                    ? { boxShadow: `inset 0 0 0 1.5px ${entry.color}` }
                    : { background: entry.color }
                }
              />
              {entry.label}
              <span className="feature-scatter-count">{entry.count}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="feature-scatter-plot" ref={plotRef} style={{ height }}>
        <canvas ref={baseRef} aria-hidden="true" />
        <canvas
          ref={overlayRef}
          className={hovered >= 0 ? 'over-point' : undefined}
          tabIndex={0}
          role="application"
          aria-roledescription="scatter plot"
          aria-label={`Feature scatter plot of ${layout.xs.length} windows`}
          aria-describedby={hintId}
          onPointerMove={onPointerMove}
          onPointerLeave={() => setHover(null)}
          onClick={onClick}
          onKeyDown={onKeyDown}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
        />
        {tip >= 0 && (
          <div
            className="feature-scatter-tooltip"
            style={tooltipPlacement(layout.xs[tip], layout.ys[tip], width, height)}
          >
            <span className="feature-scatter-swatch" style={{ background: colors[coloring.entryOf[tip]] }} />
            <strong>{labels[tip]}</strong>
            {describe && <div>{describe(tip)}</div>}
          </div>
        )}
      </div>
      <p id={hintId} className="feature-scatter-hint">
        Click a point to pick it. With the plot focused, arrow keys move to the nearest point in that
        direction.
      </p>
      <div className="feature-scatter-announce" aria-live="polite">
        {currentIndex >= 0 ? describePoint(currentIndex) : ''}
      </div>
    </div>
  );
}

/** Beside the point, flipped to its left or above it near the right or bottom edge. */
function tooltipPlacement(x: number, y: number, width: number, height: number) {
  const flipX = x > width - 220;
  const flipY = y > height - 70;
  return {
    left: flipX ? x - 12 : x + 12,
    top: flipY ? y - 12 : y + 12,
    transform: `translate(${flipX ? '-100%' : '0'}, ${flipY ? '-100%' : '0'})`,
  };
}
