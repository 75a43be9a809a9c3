import { useMemo } from 'react';
import { useDataset } from '../../state/datasetStore';
import { labelSummary } from '../../core/dataset/summary';
import { labelsWithoutTest, MIN_SAMPLES_FOR_TEST, trainTestRatio } from '../../core/dataset/split';
import { rebalanceSplit } from '../../state/datasetActions';
import { formatDuration } from '../format';

const quoted = (labels: string[]) => labels.map((l) => `“${l}”`).join(', ');

export function DatasetSummary() {
  const samples = useDataset((s) => s.samples);
  const summary = useMemo(() => labelSummary(samples), [samples]);
  const ratio = useMemo(() => trainTestRatio(samples), [samples]);
  const noTest = useMemo(() => labelsWithoutTest(samples), [samples]);
  const setFilter = useDataset((s) => s.setFilter);

  return (
    <div className="card summary" data-testid="dataset-summary">
      <div className="row between">
        <h2>Dataset</h2>
        <button
          className="btn small"
          onClick={() => void rebalanceSplit()}
          aria-describedby="split-rule"
          data-testid="reset-split"
        >
          Reset train/test split
        </button>
      </div>
      <p id="split-rule" className="muted small">
        Default split, per label in the order samples were added: the 3rd, 8th, 13th… sample is for testing (1
        in 5, about 20 %). Reset puts every sample back there; undo reverts it.
      </p>
      {noTest.length > 0 && <NoTestWarning labels={noTest} />}
      <div className="ratio" aria-label="Train/test split by duration">
        <div className="ratio-bar">
          <div className="train" style={{ width: `${ratio.durationMs.trainingPct}%` }} />
        </div>
        <span
          data-testid="train-test-ratio"
          title={`By count: ${ratio.count.training} training, ${ratio.count.testing} testing`}
        >
          Train / test: {Math.round(ratio.durationMs.trainingPct)}% /{' '}
          {100 - Math.round(ratio.durationMs.trainingPct)}% of the duration
        </span>
      </div>
      <table className="table compact">
        <thead>
          <tr>
            <th>Label</th>
            <th className="num">Samples</th>
            <th className="num">Duration</th>
            <th className="num">Train</th>
            <th className="num">Test</th>
          </tr>
        </thead>
        <tbody>
          {summary.labels.map((l) => (
            <tr key={l.label} data-testid="summary-label-row" data-label={l.label}>
              <td>
                <button
                  className="link"
                  onClick={() => setFilter({ label: l.label })}
                  title="Show only this label"
                >
                  {l.label}
                </button>
              </td>
              <td className="num">{l.count}</td>
              <td className="num">{formatDuration(l.durationMs)}</td>
              <td className="num">{l.trainingCount}</td>
              <td className="num" data-testid="summary-test-count">
                {l.testingCount > 0 ? (
                  l.testingCount
                ) : (
                  <span className="badge warn" title="No test sample for this label">
                    0 ⚠
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Which labels Testing cannot measure, and what fixes it: Reset (3 or more samples) or more samples. */
function NoTestWarning({ labels }: { labels: ReturnType<typeof labelsWithoutTest> }) {
  const fixable = labels.filter((l) => l.resetGivesTest).map((l) => l.label);
  const tooFew = labels.filter((l) => !l.resetGivesTest).map((l) => l.label);
  return (
    <div className="callout warn small" role="status" data-testid="no-test-warning">
      <strong>No test samples for {quoted(labels.map((l) => l.label))}</strong>: the Testing page cannot
      measure {labels.length === 1 ? 'this label' : 'these labels'}.{' '}
      {fixable.length > 0 && <>“Reset train/test split” above gives {quoted(fixable)} one. </>}
      {tooFew.length > 0 && (
        <>
          {quoted(tooFew)} {tooFew.length === 1 ? 'has' : 'have'} fewer than {MIN_SAMPLES_FOR_TEST} samples:
          record more, or move one to testing.
        </>
      )}
    </div>
  );
}
