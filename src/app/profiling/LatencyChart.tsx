import { Bar, Tooltip, YAxis } from 'recharts';
import { RUNTIMES } from '../../core/mcu/cost';
import type { BoardProfile } from '../../core/mcu/profileTypes';
import { BoardBarChart } from './BoardBarChart';
import { formatMs } from './profileFormat';

const COLORS = ['#94a3b8', '#2563eb', '#16a34a'];

/** Estimated latency of one window on every board under each runtime (log scale: boards span 100×). */
export function LatencyChart({ profiles }: { profiles: BoardProfile[] }) {
  const data = profiles.map((p) => ({ board: p.board, ...p.latencyByRuntime }));
  const ticks = decadeTicks(profiles.flatMap((p) => Object.values(p.latencyByRuntime)));
  return (
    <BoardBarChart testId="latency-chart" caption="Latency per window, estimated (ms, log scale)" data={data}>
      <YAxis
        scale="log"
        domain={[ticks[0], ticks[ticks.length - 1]]}
        ticks={ticks}
        allowDataOverflow
        width={64}
        tickFormatter={(v: number) => formatMs(v)}
      />
      <Tooltip formatter={(v) => formatMs(Number(v))} />
      {RUNTIMES.map((r, i) => (
        <Bar key={r.id} dataKey={r.id} name={r.title} fill={COLORS[i]} isAnimationActive={false} />
      ))}
    </BoardBarChart>
  );
}

/**
 * Powers of ten from the decade below the fastest figure to the one above the slowest: on a log axis the
 * bars grow from the lowest tick, so the fastest board still gets a bar, and whole decades read at a glance.
 */
function decadeTicks(values: number[]): number[] {
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0) return [0.1, 1];
  const low = Math.floor(Math.log10(Math.min(...positive)) - 0.3);
  const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(...positive))));
  return Array.from({ length: high - low + 1 }, (_, i) => 10 ** (low + i));
}
