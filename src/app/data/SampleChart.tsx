import { useMemo, useRef, useState } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { SampleMeta, SampleValues } from '../../core/dataset/sample';
import { decimateForChart } from '../../core/dataset/decimate';
import { durationMs } from '../../core/dataset/sample';

const COLORS = [
  '#2563eb',
  '#dc2626',
  '#16a34a',
  '#9333ea',
  '#ea580c',
  '#0891b2',
  '#ca8a04',
  '#db2777',
  '#4b5563',
];
const MAX_POINTS = 1500;
const MARGIN = { top: 8, right: 16, bottom: 0, left: 0 };
const Y_AXIS_WIDTH = 64;
const X_AXIS_HEIGHT = 30;
const LEGEND_HEIGHT = 28;

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
 * All axes of a sample over time. Long samples are drawn as a min/max envelope per pixel column
 * (decimated in one pass), so a 10-minute recording draws as fast as a short one.
 */
export function SampleChart({ meta, values, range, segments, onSelectRange }: Props) {
  const axes = meta.sensors.length;
  const total = durationMs(meta);
  const data = useMemo(() => {
    const d = decimateForChart(values, axes, meta.intervalMs, MAX_POINTS);
    return Array.from(d.timeMs, (t, i) => {
      const row: Record<string, number | [number, number]> = { t };
      for (let a = 0; a < axes; a++) row[`a${a}`] = [d.min[a][i], d.max[a][i]];
      return row;
    });
  }, [values, axes, meta.intervalMs]);

  return (
    <div className="sample-chart" data-testid="sample-chart">
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={data} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
          <XAxis
            dataKey="t"
            type="number"
            domain={[0, total]}
            height={X_AXIS_HEIGHT}
            tickFormatter={(t: number) =>
              total > 5000 ? `${(t / 1000).toFixed(1)} s` : `${Math.round(t)} ms`
            }
          />
          <YAxis width={Y_AXIS_WIDTH} tickFormatter={(v: number) => Number(v.toPrecision(3)).toString()} />
          <Legend height={LEGEND_HEIGHT} verticalAlign="bottom" />
          {meta.sensors.map((s, a) => (
            <Area
              key={a}
              dataKey={`a${a}`}
              name={s.units && s.units !== 'N/A' ? `${s.name} (${s.units})` : s.name}
              stroke={COLORS[a % COLORS.length]}
              fill={COLORS[a % COLORS.length]}
              fillOpacity={0.25}
              strokeWidth={1}
              isAnimationActive={false}
              dot={false}
              activeDot={false}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
      <RangeOverlay totalMs={total} range={range} segments={segments} onSelectRange={onSelectRange} />
    </div>
  );
}

/** Drag-to-select over the plot area; sits exactly over it thanks to the fixed margins above. */
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
    const box = el.current!.getBoundingClientRect();
    return Math.max(0, Math.min(1, (clientX - box.left) / box.width)) * totalMs;
  };
  const pct = (ms: number) => `${(ms / totalMs) * 100}%`;
  const shown = drag ? { startMs: Math.min(drag.from, drag.to), endMs: Math.max(drag.from, drag.to) } : range;

  return (
    <div
      ref={el}
      className={`range-overlay ${onSelectRange ? 'selectable' : ''}`}
      data-testid="chart-overlay"
      style={{
        left: MARGIN.left + Y_AXIS_WIDTH,
        right: MARGIN.right,
        top: MARGIN.top,
        bottom: MARGIN.bottom + X_AXIS_HEIGHT + LEGEND_HEIGHT,
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
