import type { ClassScore } from '../../core/learn/trainedModel';

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

/** Rows = actual label, columns = predicted label (plus 'uncertain' when the matrix has an extra column). */
export function ConfusionMatrix({
  labels,
  matrix,
  testId,
}: {
  labels: string[];
  matrix: number[][];
  testId?: string;
}) {
  const columns = matrix[0]?.length > labels.length ? [...labels, 'uncertain'] : labels;
  return (
    <table className="table compact confusion" data-testid={testId}>
      <caption>Confusion matrix (rows: actual, columns: predicted; % of the row)</caption>
      <thead>
        <tr>
          <th />
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.map((row, r) => {
          const total = row.reduce((a, b) => a + b, 0);
          return (
            <tr key={labels[r]}>
              <th scope="row">{labels[r]}</th>
              {row.map((n, c) => {
                const share = total ? n / total : 0;
                const good = r === c;
                return (
                  <td
                    key={c}
                    className="num"
                    title={`${n} of ${total}`}
                    style={{
                      background:
                        share > 0
                          ? `color-mix(in srgb, ${good ? '#16a34a' : '#dc2626'} ${Math.round(share * 60)}%, transparent)`
                          : undefined,
                    }}
                  >
                    {total ? pct(share) : '–'}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Per-class precision, recall, F1 and support; `unit` names what the support counts (windows, samples). */
export function ClassScores({
  scores,
  unit = 'Windows',
  testId,
}: {
  scores: ClassScore[];
  unit?: string;
  testId?: string;
}) {
  return (
    <table className="table compact" data-testid={testId}>
      <thead>
        <tr>
          <th>Label</th>
          <th className="num">Precision</th>
          <th className="num">Recall</th>
          <th className="num">F1</th>
          <th className="num">{unit}</th>
        </tr>
      </thead>
      <tbody>
        {scores.map((s) => (
          <tr key={s.label}>
            <td>{s.label}</td>
            <td className="num">{s.precision.toFixed(2)}</td>
            <td className="num">{s.recall.toFixed(2)}</td>
            <td className="num">{s.f1.toFixed(2)}</td>
            <td className="num">{s.support}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
