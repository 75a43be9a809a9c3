import { useEffect, useMemo, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Impulse } from '../../core/impulse/impulse';
import { missingAxes } from '../../core/impulse/defaults';
import { describeError } from '../../core/errors';
import { useDataset } from '../../state/datasetStore';
import { useWindowView } from '../../state/windowViewStore';
import { dspWorker } from '../../platform/workers/dspClient';
import type { WindowView } from '../../../workers/dspApi';
import { Heatmap } from './Heatmap';
import { niceStep, ticks } from '../chart/ticks';
import { AXIS_COLORS } from '../chart/axisColors';
import { MfeClampNote } from './MfeClampNote';
import { SpectralView } from './SpectralView';

/**
 * One window of one sample through the processing block: its input and its features. The window is chosen
 * here or by picking a point in the feature explorer (both go through the window view store).
 */
export function WindowViewPanel({ impulse }: { impulse: Impulse }) {
  const samples = useDataset((s) => s.samples);
  const choice = useWindowView((s) => s.choice);
  const show = useWindowView((s) => s.show);
  const usable = useMemo(
    () => samples.filter((s) => s.enabled && !missingAxes(s, impulse.input)),
    [samples, impulse.input],
  );
  const [view, setView] = useState<{ key: string; view: WindowView } | { key: string; error: string } | null>(
    null,
  );
  const chosen = usable.find((s) => s.id === choice?.sampleId) ?? usable[0];
  const windowIndex = choice && chosen && choice.sampleId === chosen.id ? choice.windowIndex : 0;
  const key = `${chosen?.id}|${windowIndex}|${impulse.updatedAt}`;

  useEffect(() => {
    if (!chosen) return;
    let live = true;
    dspWorker()
      .windowView(impulse, chosen.id, windowIndex)
      .then((v) => live && setView({ key, view: v }))
      .catch((e: unknown) => live && setView({ key, error: describeError(e) }));
    return () => {
      live = false;
    };
  }, [impulse, chosen, windowIndex, key]);

  if (!chosen) return null;
  const current = view?.key === key ? view : null;
  const shown = current && 'view' in current ? current.view : null;
  return (
    <div className="card window-view" data-testid="window-view">
      <h2>Window view</h2>
      <div className="row gap wrap">
        <label>
          Sample
          <select
            aria-label="Sample to view"
            value={chosen.id}
            onChange={(e) => show({ sampleId: e.target.value, windowIndex: 0 })}
          >
            {usable.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label} · {s.name}
              </option>
            ))}
          </select>
        </label>
        {shown && shown.windowCount > 1 && (
          <label>
            Window
            <input
              type="range"
              min={0}
              max={shown.windowCount - 1}
              value={shown.windowIndex}
              onChange={(e) => show({ sampleId: chosen.id, windowIndex: Number(e.target.value) })}
              aria-label="Window"
            />
          </label>
        )}
      </div>
      {shown && (
        <p className="muted small" data-testid="window-view-caption" aria-live="polite">
          {chosen.name} · window {shown.windowIndex + 1} of {shown.windowCount} at {Math.round(shown.startMs)}{' '}
          ms
        </p>
      )}
      {current && 'error' in current && <p className="error-text">{current.error}</p>}
      {shown && <WindowPlots view={shown} dsp={impulse.dsp} />}
    </div>
  );
}

function WindowPlots({ view, dsp }: { view: WindowView; dsp: Impulse['dsp'] }) {
  const axes = view.windowAxes.length;
  const raw = useMemo(() => {
    const frames = view.window.length / axes;
    const step = Math.max(1, Math.floor(frames / 600));
    const rows: Record<string, number>[] = [];
    for (let f = 0; f < frames; f += step) {
      const row: Record<string, number> = { t: Math.round((f / view.frequencyHz) * 1000) };
      view.windowAxes.forEach((a, i) => (row[a] = view.window[f * axes + i]));
      rows.push(row);
    }
    const endMs = (frames / view.frequencyHz) * 1000;
    return { rows, endMs, ticks: ticks(0, endMs, niceStep(endMs, 8)) };
  }, [view, axes]);
  const bars = useMemo(() => Array.from(view.features, (v, i) => ({ i, v })), [view.features]);
  const twoD = view.featureShape.length === 2;

  return (
    <div className="window-plots">
      <div>
        <h3>Input window</h3>
        <ResponsiveContainer width="100%" height={180}>
          <LineChart data={raw.rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
            <XAxis dataKey="t" type="number" domain={[0, raw.endMs]} ticks={raw.ticks} unit=" ms" />
            <YAxis width={56} tickFormatter={(v: number) => Number(v.toPrecision(3)).toString()} />
            <Tooltip />
            {view.windowAxes.map((a, i) => (
              <Line
                key={a}
                dataKey={a}
                stroke={AXIS_COLORS[i % AXIS_COLORS.length]}
                dot={false}
                isAnimationActive={false}
                strokeWidth={1}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {dsp.block === 'spectral' ? (
        <SpectralView view={view} params={dsp.params} />
      ) : (
        <div>
          <h3>
            Features ({view.features.length.toLocaleString()}
            {twoD ? `: ${view.featureShape.join(' × ')}` : ''})
          </h3>
          {twoD ? (
            <Heatmap values={view.features} rows={view.featureShape[0]} cols={view.featureShape[1]} />
          ) : (
            <ResponsiveContainer width="100%" height={180}>
              <BarChart data={bars} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
                <XAxis dataKey="i" />
                <YAxis width={56} tickFormatter={(v: number) => Number(v.toPrecision(3)).toString()} />
                <Tooltip />
                <Bar dataKey="v" fill="#2563eb" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          )}
          {dsp.block === 'mfe' && <MfeClampNote />}
        </div>
      )}
    </div>
  );
}
