import { useMemo } from 'react';
import type { SampleTestResult, TestReport } from '../../core/learn/modelTesting';
import { useDataset } from '../../state/datasetStore';
import { formatScore, sampleRows } from './sampleRows';

/** One row per tested sample, mistakes first and highlighted; "Open" shows the sample on the Data page. */
export function TestSampleTable({ report, onlyMistakes }: { report: TestReport; onlyMistakes: boolean }) {
  const rows = useMemo(() => sampleRows(report.samples, onlyMistakes), [report, onlyMistakes]);
  if (rows.length === 0)
    return <p className="muted">{onlyMistakes ? 'No mistakes.' : 'No sample gave a window.'}</p>;
  const classifier = report.kind === 'classifier';
  return (
    <>
      {classifier && (
        <p className="muted small">
          Confidence: the mean top score of the windows that voted for the predicted label (each at least{' '}
          {report.threshold}); for an uncertain sample, its best window’s top score (below {report.threshold}
          ). Hover a prediction to see every window.
        </p>
      )}
      <div className="test-samples">
        <table className="table compact">
          <thead>
            <tr>
              <th>Sample</th>
              <th>Label</th>
              <th>Predicted</th>
              <th className="num">{classifier ? 'Confidence' : 'Score'}</th>
              <th className="num">{classifier ? 'Votes / windows' : 'Windows'}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr
                key={s.sampleId}
                className={s.correct ? undefined : 'mistake'}
                data-testid="test-sample-row"
              >
                <td>{s.name}</td>
                <td>{s.label}</td>
                <td className="predicted" title={windowSummary(report.kind, s)}>
                  {s.predicted}
                </td>
                <td className="num" data-testid="test-sample-score">
                  {formatScore(report.kind, s.score)}
                </td>
                <td className="num">{classifier ? `${s.votes ?? 0} / ${s.windows}` : s.windows}</td>
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
    </>
  );
}

/** Each window's start, verdict and score, for the predicted cell's tooltip. */
function windowSummary(kind: TestReport['kind'], s: SampleTestResult): string {
  return s.windowPredicted
    .map((p, i) => {
      const score = kind === 'regression' ? '' : ` (${formatScore(kind, s.windowScore[i])})`;
      return `${Math.round(s.windowStartMs[i])} ms: ${p}${score}`;
    })
    .join('\n');
}
