import type { ReactNode } from 'react';
import { BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis } from 'recharts';

interface Props<Row> {
  testId: string;
  caption: string;
  /** One row per board, its name under `board`. */
  data: Row[];
  /** The y axis, the tooltip, reference lines and the bars. */
  children: ReactNode;
}

/** The profiling page's bar chart over boards: slanted board names, a grid and the legend on top. */
export function BoardBarChart<Row extends { board: string }>({
  testId,
  caption,
  data,
  children,
}: Props<Row>) {
  return (
    <figure className="profile-chart" data-testid={testId}>
      <figcaption className="small">{caption}</figcaption>
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
          <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
          {children}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
