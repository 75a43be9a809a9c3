import {
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { accuracyKind, tradeOff, type CandidateRow } from '../../core/tune/candidateRows';
import type { CostFigures, TunerRun } from '../../core/tune/tuneTypes';
import { formatMs } from '../profiling/profileFormat';

interface Axis {
  testId: string;
  title: string;
  unit: string;
  cost: (c: CostFigures) => number;
  budget: number;
  format: (v: number) => string;
}

interface Point {
  id: string;
  cost: number;
  accuracy: number;
}

function TradeOffChart({
  rows,
  axis,
  accuracyTitle,
}: {
  rows: CandidateRow[];
  axis: Axis;
  accuracyTitle: string;
}) {
  const points = tradeOff(rows, axis.cost);
  const toPoint = (p: (typeof points)[number]): Point => ({
    id: p.row.candidate.id,
    cost: p.cost,
    accuracy: Math.round(p.accuracy * 1000) / 10,
  });
  // The front drawn as a line from the cheapest point to the most accurate.
  const front = points
    .filter((p) => p.front)
    .map(toPoint)
    .sort((a, b) => a.cost - b.cost);
  const others = points.filter((p) => !p.front).map(toPoint);
  const largest = Math.max(0, ...points.map((p) => p.cost));
  // A budget far beyond every candidate would squeeze them all against the axis: it is named instead.
  const budgetShown = axis.budget <= 3 * largest;
  const edge = Math.max(budgetShown ? axis.budget : 0, largest) * 1.1 || 1;
  return (
    <figure className="tuner-chart" data-testid={axis.testId} data-front={front.map((p) => p.id).join(' ')}>
      <figcaption className="small">
        {accuracyTitle} against {axis.title}; the Pareto front (nothing both more accurate and cheaper) in
        blue.
        {budgetShown
          ? ' The budget is the red line.'
          : ` The budget, ${axis.format(axis.budget)}, lies far right of every candidate.`}
      </figcaption>
      {points.length === 0 ? (
        <p className="muted small chart-empty">No candidate has been trained and fits yet.</p>
      ) : (
        <ResponsiveContainer width="100%" height={260}>
          <ScatterChart margin={{ top: 8, right: 16, bottom: 24, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
            <XAxis
              type="number"
              dataKey="cost"
              name={axis.title}
              domain={[0, edge]}
              tickFormatter={axis.format}
              tick={{ fontSize: 11 }}
              label={{
                value: `${axis.title} (${axis.unit})`,
                position: 'insideBottom',
                offset: -14,
                fontSize: 12,
              }}
            />
            <YAxis
              type="number"
              dataKey="accuracy"
              name="Accuracy"
              unit=" %"
              domain={[0, 100]}
              width={56}
              tick={{ fontSize: 11 }}
            />
            <Tooltip
              cursor={{ strokeDasharray: '3 3' }}
              formatter={(value, name) =>
                name === 'Accuracy' ? `${Number(value).toFixed(1)} %` : axis.format(Number(value))
              }
              labelFormatter={() => ''}
            />
            <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
            {budgetShown && <ReferenceLine x={axis.budget} stroke="#b91c1c" strokeDasharray="4 3" />}
            <Scatter
              name="Pareto front"
              data={front}
              fill="#1d4ed8"
              line={{ stroke: '#1d4ed8' }}
              isAnimationActive={false}
            />
            <Scatter name="Other candidates" data={others} fill="#94a3b8" isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}

/** Accuracy against latency and against RAM, for every trained candidate that fits. */
export function ParetoCharts({ run, rows }: { run: TunerRun; rows: CandidateRow[] }) {
  const accuracyTitle = accuracyKind(run) === 'test' ? 'Test accuracy (int8)' : 'Validation accuracy';
  const { budget } = run.settings;
  const axes: Axis[] = [
    {
      testId: 'pareto-latency',
      title: 'latency',
      unit: 'ms',
      cost: (c) => c.latencyMs,
      budget: budget.latencyMs,
      format: (v) => formatMs(v),
    },
    {
      testId: 'pareto-ram',
      title: 'RAM',
      unit: 'KB',
      cost: (c) => c.ramBytes / 1024,
      budget: budget.ramKb,
      format: (v) => `${v.toFixed(v < 10 ? 1 : 0)} KB`,
    },
  ];
  return (
    <div className="tuner-charts">
      {axes.map((axis) => (
        <TradeOffChart key={axis.testId} rows={rows} axis={axis} accuracyTitle={accuracyTitle} />
      ))}
    </div>
  );
}
