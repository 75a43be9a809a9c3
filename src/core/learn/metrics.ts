import { StudioError } from '../errors';
import type { ClassScore } from './trainedModel';

function isIndex(v: number, count: number): boolean {
  return Number.isInteger(v) && v >= 0 && v < count;
}

/**
 * Counts (actual, predicted) pairs: rows = actual class, columns = predicted class. With `uncertainIdx` (an index
 * outside 0…classCount−1, usually classCount) the matrix gets an extra last column that counts the predictions
 * equal to it.
 */
export function confusionMatrix(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classCount: number,
  uncertainIdx?: number,
): number[][] {
  if (actual.length !== predicted.length) {
    throw new StudioError(
      'metrics-length',
      `There are ${actual.length} actual classes but ${predicted.length} predictions.`,
    );
  }
  if (uncertainIdx !== undefined && isIndex(uncertainIdx, classCount)) {
    throw new StudioError(
      'metrics-uncertain',
      `The 'uncertain' index ${uncertainIdx} is also a class index.`,
    );
  }
  const columns = uncertainIdx === undefined ? classCount : classCount + 1;
  const matrix = Array.from({ length: classCount }, () => new Array<number>(columns).fill(0));
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const p = predicted[i] === uncertainIdx ? classCount : predicted[i];
    if (!isIndex(a, classCount) || !isIndex(p, columns)) {
      throw new StudioError(
        'metrics-class',
        `Window ${i} has actual class ${a} and prediction ${predicted[i]}, outside the ${classCount} classes.`,
      );
    }
    matrix[a][p]++;
  }
  return matrix;
}

export interface ClassificationMetrics {
  /** Share of windows on the diagonal; a window in the 'uncertain' column counts as wrong. */
  accuracy: number;
  perClass: ClassScore[];
  /** F1 averaged over the classes, each weighted by its support (its number of actual windows). */
  weightedF1: number;
}

/**
 * Accuracy and per-class precision, recall and F1 from a confusion matrix (as made by `confusionMatrix`).
 * Every 0/0 — precision of a class never predicted, recall of a class with no windows, F1 when both are 0,
 * any figure of an empty matrix — is taken as 0, so a missing class scores as a failure, never as NaN.
 */
export function classificationMetrics(matrix: number[][], labels: readonly string[]): ClassificationMetrics {
  const k = labels.length;
  if (matrix.length !== k || matrix.some((row) => row.length !== k && row.length !== k + 1)) {
    throw new StudioError(
      'metrics-matrix',
      `The confusion matrix does not fit ${k} labels: it needs ${k} rows of ${k} or ${k + 1} columns.`,
    );
  }
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  let total = 0;
  let correct = 0;
  const perClass = labels.map((label, c) => {
    const tp = matrix[c][c];
    const support = matrix[c].reduce((a, b) => a + b, 0);
    let predictedAs = 0;
    for (let r = 0; r < k; r++) predictedAs += matrix[r][c];
    total += support;
    correct += tp;
    const precision = ratio(tp, predictedAs);
    const recall = ratio(tp, support);
    const f1 = ratio(2 * precision * recall, precision + recall);
    return { label, precision, recall, f1, support };
  });
  const weightedF1 = ratio(
    perClass.reduce((s, c) => s + c.f1 * c.support, 0),
    total,
  );
  return { accuracy: ratio(correct, total), perClass, weightedF1 };
}

export interface RegressionMetrics {
  /** Mean squared error. */
  mse: number;
  /** Mean absolute error. */
  mae: number;
  /** Coefficient of determination, 1 − SSres/SStot. */
  r2: number;
}

/**
 * MSE, MAE and R². With constant targets SStot is 0 and R² undefined: it is then 1 for exact predictions and 0
 * otherwise (as scikit-learn's r2_score does). No windows at all give 0 for every figure.
 */
export function regressionMetrics(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
): RegressionMetrics {
  const n = actual.length;
  if (predicted.length !== n) {
    throw new StudioError('metrics-length', `There are ${n} targets but ${predicted.length} predictions.`);
  }
  if (n === 0) return { mse: 0, mae: 0, r2: 0 };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i];
  mean /= n;
  let sse = 0;
  let sae = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const e = predicted[i] - actual[i];
    sse += e * e;
    sae += Math.abs(e);
    sst += (actual[i] - mean) ** 2;
  }
  const r2 = sst > 0 ? 1 - sse / sst : sse === 0 ? 1 : 0;
  return { mse: sse / n, mae: sae / n, r2 };
}
