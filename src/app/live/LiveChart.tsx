import { useEffect, useMemo, useRef, useState } from 'react';
import type { SensorInfo } from '../../core/dataset/sample';
import { AXIS_COLORS } from '../chart/axisColors';
import { unitLabel } from './axisStyle';
import type { LiveBuffer } from './liveBuffer';
import { LiveChartRenderer, type LiveChartStatus } from './liveChartRenderer';
import './liveChart.css';

export interface LiveChartProps {
  /** One entry per axis of `source`, in its interleaving order. */
  axes: readonly SensorInfo[];
  sampleRateHz: number;
  /** How much of the recent past to show, e.g. 2 s of audio or 5 s of IMU data. */
  windowSeconds: number;
  /** Filled by the caller; the chart repaints when it changes. Its capacity should cover the window. */
  source: LiveBuffer;
  /** Height of the plot in CSS pixels (the width follows the container). */
  height?: number;
}

/**
 * A streaming chart for live sensor data. The canvas is painted straight from the buffer at most once per
 * animation frame, so React renders only when a prop changes or the stream starts, stalls or is cleared.
 */
export function LiveChart({ axes, sampleRateHz, windowSeconds, source, height = 220 }: LiveChartProps) {
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [reported, setReported] = useState<{ source: LiveBuffer; status: LiveChartStatus } | null>(null);
  // Until the renderer reports (right after mount), assume a buffer with data is flowing: no badge flashes.
  const status = reported?.source === source ? reported.status : source.frameCount > 0 ? 'live' : 'empty';

  // Callers often pass a fresh array literal; only a change of content should restart the renderer.
  const axesKey = JSON.stringify(axes.map((a) => [a.name, a.units]));
  const stableAxes = useMemo(
    () => (JSON.parse(axesKey) as [string, string][]).map(([name, units]) => ({ name, units })),
    [axesKey],
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    const plot = plotRef.current;
    if (!canvas || !plot) return;
    const renderer = new LiveChartRenderer(
      canvas,
      plot,
      source,
      { axes: stableAxes, sampleRateHz, windowSeconds },
      (s) => setReported({ source, status: s }),
    );
    return () => renderer.dispose();
  }, [source, stableAxes, sampleRateHz, windowSeconds]);

  const names = stableAxes.map((a) => a.name).join(', ');
  return (
    <div className="live-chart" data-testid="live-chart" data-status={status}>
      <ul className="live-chart-legend">
        {stableAxes.map((a, i) => (
          <li key={i}>
            <span className="live-chart-swatch" style={{ background: AXIS_COLORS[i % AXIS_COLORS.length] }} />
            {unitLabel(a.units) ? `${a.name} (${a.units})` : a.name}
          </li>
        ))}
      </ul>
      <div className="live-chart-plot" ref={plotRef} style={{ height }}>
        <canvas ref={canvasRef} role="img" aria-label={`Live chart of ${names}`} />
        {status === 'empty' && <div className="live-chart-status empty">No data yet</div>}
        {status === 'paused' && (
          <div className="live-chart-status paused badge warn">Paused — no new data</div>
        )}
      </div>
    </div>
  );
}
