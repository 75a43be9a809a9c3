import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EpochLog } from '../../core/learn/train';

/** Loss and accuracy per epoch (training and validation), drawn as the epochs arrive. */
export function TrainingChart({ history, classifier }: { history: EpochLog[]; classifier: boolean }) {
  const data = history.map((h) => ({
    epoch: h.epoch,
    loss: h.loss,
    valLoss: h.valLoss,
    accuracy: h.accuracy === null ? null : h.accuracy * 100,
    valAccuracy: h.valAccuracy === null ? null : h.valAccuracy * 100,
  }));
  return (
    <div className="training-charts" data-testid="training-chart">
      <figure>
        <figcaption>Loss</figcaption>
        <ResponsiveContainer width="100%" height={200}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="epoch" label={{ value: 'epoch', position: 'insideBottom', offset: -8 }} />
            <YAxis width={56} tickFormatter={(v: number) => v.toPrecision(2)} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? v.toPrecision(4) : v)} />
            <Legend verticalAlign="top" height={24} />
            <Line type="monotone" dataKey="loss" name="training" stroke="#2563eb" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="valLoss" name="validation" stroke="#dc2626" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      {classifier && (
        <figure>
          <figcaption>Accuracy (%)</figcaption>
          <ResponsiveContainer width="100%" height={200}>
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="epoch" label={{ value: 'epoch', position: 'insideBottom', offset: -8 }} />
              <YAxis width={40} domain={[0, 100]} />
              <Tooltip formatter={(v) => (typeof v === 'number' ? `${v.toFixed(1)} %` : v)} />
              <Legend verticalAlign="top" height={24} />
              <Line type="monotone" dataKey="accuracy" name="training" stroke="#2563eb" dot={false} isAnimationActive={false} />
              <Line type="monotone" dataKey="valAccuracy" name="validation" stroke="#dc2626" dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </figure>
      )}
    </div>
  );
}
