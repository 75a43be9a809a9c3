import { useMemo } from 'react';
import { useDataset } from '../../state/datasetStore';
import { labelSummary } from '../../core/dataset/summary';
import { trainTestRatio } from '../../core/dataset/split';
import { rebalanceSplit } from '../../state/datasetActions';
import { formatDuration } from '../format';

export function DatasetSummary() {
  const samples = useDataset((s) => s.samples);
  const summary = useMemo(() => labelSummary(samples), [samples]);
  const ratio = useMemo(() => trainTestRatio(samples), [samples]);
  const setFilter = useDataset((s) => s.setFilter);

  return (
    <div className="card summary" data-testid="dataset-summary">
      <div className="row between">
        <h2>Dataset</h2>
        <button
          className="btn small"
          onClick={() => void rebalanceSplit()}
          title="Put every sample back in its default category (deterministic by id)"
        >
          Reset 80/20 split
        </button>
      </div>
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
            <tr key={l.label}>
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
              <td className="num">{l.testingCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
