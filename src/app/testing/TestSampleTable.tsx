import { useMemo } from 'react';
import type { TestReport } from '../../core/learn/modelTesting';
import { useDataset } from '../../state/datasetStore';
import { formatScore, sampleRows } from './sampleRows';

/** One row per tested sample, mistakes first and highlighted; "Open" shows the sample on the Data page. */
export function TestSampleTable({ report, onlyMistakes }: { report: TestReport; onlyMistakes: boolean }) {
  const rows = useMemo(() => sampleRows(report.samples, onlyMistakes), [report, onlyMistakes]);
  if (rows.length === 0)
    return <p className="muted">{onlyMistakes ? 'No mistakes.' : 'No sample gave a window.'}</p>;
  return (
    <div className="test-samples">
      <table className="table compact">
        <thead>
          <tr>
            <th>Sample</th>
            <th>Label</th>
            <th>Predicted</th>
            <th className="num">Score</th>
            <th className="num">Windows</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.sampleId} className={s.correct ? undefined : 'mistake'} data-testid="test-sample-row">
              <td>{s.name}</td>
              <td>{s.label}</td>
              <td className="predicted" title={windowSummary(s.windowStartMs, s.windowPredicted)}>
                {s.predicted}
              </td>
              <td className="num">{formatScore(report.kind, s.score)}</td>
              <td className="num">{s.windows}</td>
              <td>
                <a href="#/data" onClick={() => void useDataset.getState().select(s.sampleId)}>
                  Open
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each window's start and verdict, for the predicted cell's tooltip. */
function windowSummary(startMs: number[], predicted: string[]): string {
  return predicted.map((p, i) => `${Math.round(startMs[i])} ms: ${p}`).join('\n');
}
