import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { BoardProfile } from '../../core/mcu/profileTypes';
import { formatKb } from './profileFormat';

/** RAM and flash each board's model needs, as a share of what the board leaves after its own firmware. */
export function BudgetChart({ profiles }: { profiles: BoardProfile[] }) {
  const data = profiles.map((p) => ({
    board: p.board,
    ram: (100 * p.ram.usedBytes) / p.ram.availableBytes,
    flash: (100 * p.flash.usedBytes) / p.flash.availableBytes,
    ramText: `${formatKb(p.ram.usedBytes)} of ${formatKb(p.ram.availableBytes)}`,
    flashText: `${formatKb(p.flash.usedBytes)} of ${formatKb(p.flash.availableBytes)}`,
  }));
  return (
    <figure className="profile-chart" data-testid="budget-chart">
      <figcaption className="small">
        RAM and flash against each board’s budget (% of what is free; 100 % is full)
      </figcaption>
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
          <YAxis width={44} unit=" %" />
          <Tooltip
            formatter={(v, name, item) => {
              const row = item.payload as (typeof data)[number];
              return [`${Number(v).toFixed(1)} % (${name === 'RAM' ? row.ramText : row.flashText})`, name];
            }}
          />
          <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine y={100} stroke="#dc2626" strokeDasharray="4 2" />
          <Bar dataKey="ram" name="RAM" fill="#7c3aed" isAnimationActive={false} />
          <Bar dataKey="flash" name="flash" fill="#f59e0b" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
