import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { RUNTIMES } from '../../core/mcu/cost';
import type { BoardProfile } from '../../core/mcu/profileTypes';
import { formatMs } from './profileFormat';

const COLORS = ['#94a3b8', '#2563eb', '#16a34a'];

/** Estimated latency of one window on every board under each runtime (log scale: boards span 100×). */
export function LatencyChart({ profiles }: { profiles: BoardProfile[] }) {
  const data = profiles.map((p) => ({ board: p.board, ...p.latencyByRuntime }));
  return (
    <figure className="profile-chart" data-testid="latency-chart">
      <figcaption className="small">Latency per window, estimated (ms, log scale)</figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 24, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
          <XAxis
            dataKey="board"
            angle={-30}
            textAnchor="end"
            interval={0}
            height={48}
            tick={{ fontSize: 11 }}
          />
          <YAxis
            scale="log"
            domain={['auto', 'auto']}
            width={52}
            tickFormatter={(v: number) => formatMs(v)}
          />
          <Tooltip formatter={(v) => formatMs(Number(v))} />
          <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
          {RUNTIMES.map((r, i) => (
            <Bar key={r.id} dataKey={r.id} name={r.title} fill={COLORS[i]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
