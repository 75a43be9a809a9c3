import type { TestReport } from '../../core/learn/modelTesting';
import { formatPercent, formatShare } from './sampleRows';

/** The same test results at other confidence thresholds, so its effect is visible; the tested row stands out. */
export function ThresholdEffect({ report }: { report: TestReport }) {
  const samples = report.samples.length;
  return (
    <div className="threshold-effect" data-testid="threshold-effect">
      <h3>Effect of the confidence threshold</h3>
      <p className="muted small">
        This test’s window outputs, judged again at each threshold: a window whose top score is below it is
        uncertain and casts no vote; a sample with no confident window is uncertain and counts as wrong.
        Threshold 0 is the accuracy without a threshold. Change the threshold above and classify again to use
        another.
      </p>
      <div className="table-scroll">
        <table className="table compact">
          <thead>
            <tr>
              <th className="num">Threshold</th>
              <th className="num">Accuracy per sample</th>
              <th className="num">Uncertain samples</th>
              <th className="num">Accuracy per window</th>
              <th className="num">Uncertain windows</th>
            </tr>
          </thead>
          <tbody>
            {report.thresholdSweep.map((r) => {
              const tested = r.threshold === report.threshold;
              return (
                <tr
                  key={r.threshold}
                  className={tested ? 'tested' : undefined}
                  aria-current={tested ? 'true' : undefined}
                  data-testid="threshold-row"
                >
                  <td className="num">
                    {r.threshold}
                    {tested && ' (tested)'}
                  </td>
                  <td className="num">{formatPercent(r.sampleAccuracy)}</td>
                  <td className="num">{formatShare(r.uncertainSamples, samples)}</td>
                  <td className="num">{formatPercent(r.windowAccuracy)}</td>
                  <td className="num">{formatShare(r.uncertainWindows, report.windowCount)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
