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
import { dspWorker } from '../../platform/workers/dspClient';
import type { WindowView } from '../../../workers/dspApi';
import { Heatmap } from './Heatmap';
import { niceStep, ticks } from '../chart/ticks';

const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];

/** One window of one sample through the processing block: its input and its features. */
export function WindowViewPanel({ impulse }: { impulse: Impulse }) {
  const samples = useDataset((s) => s.samples);
  const usable = useMemo(
    () => samples.filter((s) => s.enabled && !missingAxes(s, impulse.input)),
    [samples, impulse.input],
  );
  const [sampleId, setSampleId] = useState<string>('');
  const [windowIndex, setWindowIndex] = useState(0);
  const [view, setView] = useState<{ key: string; view: WindowView } | { key: string; error: string } | null>(
    null,
  );
  const chosen = usable.find((s) => s.id === sampleId) ?? usable[0];
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
  return (
    <div className="card window-view" data-testid="window-view">
      <h2>Window view</h2>
      <div className="row gap wrap">
        <label>
          Sample
          <select
            aria-label="Sample to view"
            value={chosen.id}
            onChange={(e) => (setSampleId(e.target.value), setWindowIndex(0))}
          >
            {usable.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label} · {s.name}
              </option>
            ))}
          </select>
        </label>
        {current && 'view' in current && current.view.windowCount > 1 && (
          <label>
            Window {windowIndex + 1} of {current.view.windowCount} (at {Math.round(current.view.startMs)} ms)
            <input
              type="range"
              min={0}
              max={current.view.windowCount - 1}
              value={windowIndex}
              onChange={(e) => setWindowIndex(Number(e.target.value))}
              aria-label="Window"
            />
          </label>
        )}
      </div>
      {current && 'error' in current && <p className="error-text">{current.error}</p>}
      {current && 'view' in current && <WindowPlots view={current.view} block={impulse.dsp.block} />}
    </div>
  );
}

function WindowPlots({ view, block }: { view: WindowView; block: Impulse['dsp']['block'] }) {
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
                stroke={COLORS[i % COLORS.length]}
                dot={false}
                isAnimationActive={false}
                strokeWidth={1}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div>
        <h3>
          {block === 'spectral' ? 'Spectral features' : 'Features'} ({view.features.length.toLocaleString()}
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
      </div>
    </div>
  );
}
