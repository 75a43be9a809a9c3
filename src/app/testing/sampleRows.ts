import { compareLabels } from '../../core/dataset/labels';
import type { SampleTestResult, TestReport } from '../../core/learn/modelTesting';

/** The sample table's rows: mistakes first, then by label and name; only mistakes when asked. */
export function sampleRows(samples: readonly SampleTestResult[], onlyMistakes: boolean): SampleTestResult[] {
  return samples
    .filter((s) => !onlyMistakes || !s.correct)
    .sort(
      (a, b) =>
        Number(a.correct) - Number(b.correct) ||
        compareLabels(a.label, b.label) ||
        compareLabels(a.name, b.name),
    );
}

/** A share as the page shows it: "95.0 %". */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

/** "3 of 8 (37.5 %)": a count and its share of a total. */
export function formatShare(count: number, total: number): string {
  return `${count} of ${total} (${formatPercent(total > 0 ? count / total : 0)})`;
}

/**
 * A sample's or window's score: classifier confidence (a probability), regression value or anomaly score.
 */
export function formatScore(kind: TestReport['kind'], score: number): string {
  if (kind === 'classifier') return score.toFixed(2);
  return Number(score.toPrecision(4)).toString();
}
