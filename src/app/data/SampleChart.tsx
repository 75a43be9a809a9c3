import { useEffect, useMemo, useRef, useState } from 'react';
import type { SampleMeta, SampleValues } from '../../core/dataset/sample';
import { decimateForChart } from '../../core/dataset/decimate';
import { durationMs } from '../../core/dataset/sample';
import { useDevicePixelRatio, useElementWidth } from '../chart/canvasHooks';
import { AXIS_COLORS } from '../chart/axisColors';
import { PLOT_MARGIN, drawSampleChart } from './drawSampleChart';

const HEIGHT = 260;

export interface TimeRange {
  startMs: number;
  endMs: number;
}

interface Props {
  meta: SampleMeta;
  values: SampleValues;
  /** Highlighted range (crop) and ranges (split segments), in ms. */
  range?: TimeRange | null;
  segments?: TimeRange[];
  /** When set, dragging across the plot selects a time range. */
  onSelectRange?: (r: TimeRange) => void;
}

/**
 * All axes of a sample over time on a canvas. The data is reduced to a min/max envelope with one column per
 * device pixel (in one pass), so a 10-minute recording draws as fast as a short one.
 */
export function SampleChart({ meta, values, range, segments, onSelectRange }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(box);
  const dpr = useDevicePixelRatio();
  const total = durationMs(meta);
  const columns = Math.max(50, Math.round((width - PLOT_MARGIN.left - PLOT_MARGIN.right) * dpr));
  const envelope = useMemo(
    () => (width > 0 ? decimateForChart(values, meta.sensors.length, meta.intervalMs, columns) : null),
    [values, meta.sensors.length, meta.intervalMs, columns, width],
  );

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || !envelope) return;
    c.width = Math.round(width * dpr);
    c.height = Math.round(HEIGHT * dpr);
    drawSampleChart(ctx, envelope, total, width, HEIGHT, dpr);
  }, [envelope, total, width, dpr]);

  return (
    <div className="sample-chart" data-testid="sample-chart">
      <div className="sample-chart-plot" ref={box}>
        <canvas
          ref={canvas}
          style={{ width: '100%', height: HEIGHT }}
          role="img"
          aria-label={`Chart of ${meta.sensors.map((s) => s.name).join(', ')} over ${Math.round(total)} ms`}
        />
        <RangeOverlay totalMs={total} range={range} segments={segments} onSelectRange={onSelectRange} />
      </div>
      <ul className="chart-legend">
        {meta.sensors.map((s, a) => (
          <li key={a}>
            <span className="swatch" style={{ background: AXIS_COLORS[a % AXIS_COLORS.length] }} />
            {s.units && s.units !== 'N/A' ? `${s.name} (${s.units})` : s.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Drag-to-select over the plot area; it sits exactly on it thanks to the shared margins. */
function RangeOverlay({
  totalMs,
  range,
  segments,
  onSelectRange,
}: Omit<Props, 'meta' | 'values'> & { totalMs: number }) {
  const el = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const [hoverMs, setHoverMs] = useState<number | null>(null);
  const toMs = (clientX: number) => {
    const b = el.current!.getBoundingClientRect();
    return Math.max(0, Math.min(1, (clientX - b.left) / b.width)) * totalMs;
  };
  const pct = (ms: number) => `${(ms / totalMs) * 100}%`;
  const shown = drag ? { startMs: Math.min(drag.from, drag.to), endMs: Math.max(drag.from, drag.to) } : range;

  return (
    <div
      ref={el}
      className={`range-overlay ${onSelectRange ? 'selectable' : ''}`}
      data-testid="chart-overlay"
      style={{
        left: PLOT_MARGIN.left,
        right: PLOT_MARGIN.right,
        top: PLOT_MARGIN.top,
        bottom: PLOT_MARGIN.bottom,
      }}
      onPointerDown={(e) => {
        if (!onSelectRange) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        const ms = toMs(e.clientX);
        setDrag({ from: ms, to: ms });
      }}
      onPointerMove={(e) => {
        setHoverMs(toMs(e.clientX));
        if (drag) setDrag({ ...drag, to: toMs(e.clientX) });
      }}
      onPointerLeave={() => setHoverMs(null)}
      onPointerUp={() => {
        if (drag && onSelectRange && Math.abs(drag.to - drag.from) > totalMs / 500) {
          onSelectRange({ startMs: Math.min(drag.from, drag.to), endMs: Math.max(drag.from, drag.to) });
        }
        setDrag(null);
      }}
    >
      {segments?.map((s, i) => (
        <div key={i} className="segment" style={{ left: pct(s.startMs), width: pct(s.endMs - s.startMs) }}>
          <span>{i + 1}</span>
        </div>
      ))}
      {shown && (
        <div
          className="selection"
          style={{ left: pct(shown.startMs), width: pct(shown.endMs - shown.startMs) }}
        />
      )}
      {hoverMs !== null && (
        <div className="hover-time" style={{ left: pct(hoverMs) }}>
          {Math.round(hoverMs)} ms
        </div>
      )}
    </div>
  );
}
