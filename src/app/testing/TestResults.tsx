import { useState } from 'react';
import type { TestReport } from '../../core/learn/modelTesting';
import type { TestOutcome } from '../../state/testingStore';
import { ClassScores, ConfusionMatrix } from '../training/ConfusionMatrix';
import { TestSampleTable } from './TestSampleTable';
import { formatPercent } from './sampleRows';

/** The last test of the impulse: headline figures, confusion matrix, per-class scores and every sample. */
export function TestResults({ outcome, fromOlderModel }: { outcome: TestOutcome; fromOlderModel: boolean }) {
  const { report, sampleCount } = outcome;
  const [onlyMistakes, setOnlyMistakes] = useState(false);
  const mistakes = report.samples.filter((s) => !s.correct).length;
  const noWindow = sampleCount - report.samples.length;
  return (
    <section className="card" data-testid="test-results">
      <div className="row gap wrap">
        <h2>Results</h2>
        <span className="muted small">
          {new Date(outcome.finishedAt).toLocaleString()} · {report.precision} ·{' '}
          {report.kind === 'classifier' && `confidence threshold ${report.threshold}`}
          {report.kind === 'regression' && `tolerance ±${report.threshold}`}
          {report.kind === 'anomaly' && 'anomaly score above 0 flags a window'}
        </span>
      </div>
      {fromOlderModel && (
        <p className="callout">
          These results are from an earlier model: classify again to test the current one.
        </p>
      )}
      <Headline report={report} />
      {noWindow > 0 && (
        <p className="muted small">
          {noWindow} testing sample{noWindow === 1 ? ' is' : 's are'} shorter than one window and gave no
          result.
        </p>
      )}
      {report.unknownLabels.length > 0 && (
        <p className="callout">
          Labels the model was not trained on count as wrong: {report.unknownLabels.join(', ')}.
        </p>
      )}
      {report.kind === 'classifier' && report.samples.length > 0 && (
        <div className="test-tables">
          <ConfusionMatrix labels={report.labels} matrix={report.confusion} testId="test-confusion" />
          <ClassScores unit="Samples" testId="test-per-class" scores={report.perClass} />
        </div>
      )}
      <div className="row gap wrap">
        <h3>Samples</h3>
        <span className="muted small">
          {mistakes} of {report.samples.length} wrong{mistakes > 0 && ', listed first'}
        </span>
        <label className="row gap-s">
          <input type="checkbox" checked={onlyMistakes} onChange={(e) => setOnlyMistakes(e.target.checked)} />
          Only mistakes
        </label>
      </div>
      <TestSampleTable report={report} onlyMistakes={onlyMistakes} />
    </section>
  );
}

function Headline({ report }: { report: TestReport }) {
  const accuracyLabel = {
    classifier: 'Accuracy',
    regression: 'Within tolerance',
    anomaly: 'Not flagged as anomaly',
  }[report.kind];
  return (
    <div className="test-metrics">
      <div className="test-metric">
        <span className="test-metric-label">{accuracyLabel}</span>
        <span className="test-metric-value" data-testid="test-accuracy">
          {formatPercent(report.accuracy)}
        </span>
      </div>
      {report.kind === 'classifier' && (
        <div className="test-metric">
          <span className="test-metric-label">Weighted F1</span>
          <span className="test-metric-value">{report.weightedF1.toFixed(2)}</span>
        </div>
      )}
      {report.mae !== undefined && (
        <div className="test-metric">
          <span className="test-metric-label">Mean absolute error</span>
          <span className="test-metric-value">{report.mae.toPrecision(3)}</span>
        </div>
      )}
      <div className="test-metric">
        <span className="test-metric-label">Samples</span>
        <span className="test-metric-value">{report.samples.length}</span>
      </div>
    </div>
  );
}
