import type { ClassScore } from './trainedModel';

/**
 * Rows = actual class, columns = predicted class. With `uncertainIdx` (= classCount) a prediction of that
 * index lands in an extra last column.
 */
export function confusionMatrix(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classCount: number,
  uncertainIdx?: number,
): number[][] {
  const columns = uncertainIdx === undefined ? classCount : classCount + 1;
  const m = Array.from({ length: classCount }, () => new Array<number>(columns).fill(0));
  for (let i = 0; i < actual.length; i++) {
    const p = predicted[i] === uncertainIdx ? classCount : predicted[i];
    m[actual[i]][p]++;
  }
  return m;
}

export interface ClassificationMetrics {
  accuracy: number;
  perClass: ClassScore[];
  /** F1 averaged over classes weighted by their support. */
  weightedF1: number;
}

/** Accuracy ('uncertain' counts as wrong) and per-class precision, recall and F1; 0/0 is taken as 0. */
export function classificationMetrics(matrix: number[][], labels: readonly string[]): ClassificationMetrics {
  const k = labels.length;
  const total = matrix.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  let correct = 0;
  const perClass = labels.map((label, c) => {
    const tp = matrix[c][c];
    correct += tp;
    const support = matrix[c].reduce((a, b) => a + b, 0);
    let predictedAs = 0;
    for (let r = 0; r < k; r++) predictedAs += matrix[r][c];
    const precision = predictedAs ? tp / predictedAs : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
  const weightedF1 = total ? perClass.reduce((s, c) => s + c.f1 * c.support, 0) / total : 0;
  return { accuracy: total ? correct / total : 0, perClass, weightedF1 };
}

/** Mean squared error, mean absolute error and R² (1 − SSres/SStot; 0 when the targets are constant). */
export function regressionMetrics(actual: ArrayLike<number>, predicted: ArrayLike<number>): { mse: number; mae: number; r2: number } {
  const n = actual.length;
  if (n === 0) return { mse: 0, mae: 0, r2: 0 };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i] / n;
  let sse = 0;
  let sae = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const e = predicted[i] - actual[i];
    sse += e * e;
    sae += Math.abs(e);
    sst += (actual[i] - mean) ** 2;
  }
  return { mse: sse / n, mae: sae / n, r2: sst > 0 ? 1 - sse / sst : 0 };
}
