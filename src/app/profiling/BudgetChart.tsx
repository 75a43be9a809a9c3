import { Bar, ReferenceLine, Tooltip, YAxis } from 'recharts';
import type { BoardProfile } from '../../core/mcu/profileTypes';
import { BoardBarChart } from './BoardBarChart';
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
    <BoardBarChart
      testId="budget-chart"
      caption="RAM and flash against each board’s budget (% of what is free; 100 % is full)"
      data={data}
    >
      <YAxis width={44} unit=" %" />
      <Tooltip
        formatter={(v, name, item) => {
          const row = item.payload as (typeof data)[number];
          return [`${Number(v).toFixed(1)} % (${name === 'RAM' ? row.ramText : row.flashText})`, name];
        }}
      />
      <ReferenceLine y={100} stroke="#dc2626" strokeDasharray="4 2" />
      <Bar dataKey="ram" name="RAM" fill="#7c3aed" isAnimationActive={false} />
      <Bar dataKey="flash" name="flash" fill="#f59e0b" isAnimationActive={false} />
    </BoardBarChart>
  );
}
