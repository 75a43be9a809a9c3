import { useState } from 'react';
import type { TestReport } from '../../core/learn/modelTesting';
import type { TestOutcome } from '../../state/testingStore';
import { ClassScores, ConfusionMatrix } from '../training/ConfusionMatrix';
import { TestSampleTable } from './TestSampleTable';
import { ThresholdEffect } from './ThresholdEffect';
import { formatPercent, formatShare } from './sampleRows';

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
      {report.kind === 'classifier' && report.samples.length > 0 && <ThresholdEffect report={report} />}
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

function Metric({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: string;
  note?: string;
  testId?: string;
}) {
  return (
    <div className="test-metric">
      <span className="test-metric-label">{label}</span>
      <span className="test-metric-value" data-testid={testId}>
        {value}
      </span>
      {note && <span className="test-metric-note">{note}</span>}
    </div>
  );
}

/**
 * The headline figures. A classifier gets two accuracies, each named for what it counts: per sample (the
 * verdict at the threshold) and per window by top score with no threshold, the quantisation panel's figure.
 */
function Headline({ report }: { report: TestReport }) {
  const samples = report.samples.length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (report.kind === 'classifier') {
    return (
      <div className="test-metrics">
        <Metric
          label="Accuracy per sample"
          value={formatPercent(report.accuracy)}
          note={`majority vote of the windows whose top score is at least the confidence threshold ${report.threshold} · ${plural(samples, 'sample')}`}
          testId="test-accuracy"
        />
        <Metric
          label="Accuracy per window, top score"
          value={formatPercent(report.windowAccuracy ?? 0)}
          note={`no threshold · ${plural(report.windowCount, 'test window')}`}
          testId="test-window-accuracy"
        />
        <Metric
          label={`Uncertain below ${report.threshold}`}
          value={`${report.uncertainSamples ?? 0} of ${samples}`}
          note={`samples; windows: ${formatShare(report.uncertainWindows ?? 0, report.windowCount)}`}
          testId="test-uncertain"
        />
        <Metric label="Weighted F1" value={report.weightedF1.toFixed(2)} note="per sample" />
      </div>
    );
  }
  return (
    <div className="test-metrics">
      <Metric
        label={report.kind === 'regression' ? 'Within tolerance' : 'Not flagged as anomaly'}
        value={formatPercent(report.accuracy)}
        note={`per sample · ${plural(samples, 'sample')}`}
        testId="test-accuracy"
      />
      {report.mae !== undefined && (
        <Metric label="Mean absolute error" value={report.mae.toPrecision(3)} note="of the mean per sample" />
      )}
      <Metric label="Windows" value={String(report.windowCount)} />
    </div>
  );
}
