import { aggregateSample } from './aggregate';
import { classificationMetrics, confusionMatrix } from './metrics';
import type { ModelRunner, Precision } from './modelRunner';
import type { ClassScore, TrainedModel } from './trainedModel';

/** The windows of one testing sample, as features. */
export interface TestSampleInput {
  sampleId: string;
  name: string;
  label: string;
  rows: Float32Array[];
  startMs: Float32Array;
}

export interface SampleTestResult {
  sampleId: string;
  name: string;
  label: string;
  windows: number;
  /** Classifier: a label or 'uncertain'; regression: the mean predicted value; anomaly: 'anomaly' or 'normal'. */
  predicted: string;
  /** Classifier: the mean probability of the predicted class; regression: mean value; anomaly: the highest score. */
  score: number;
  correct: boolean;
  /** Per window: start and what it was classified as. */
  windowStartMs: number[];
  windowPredicted: string[];
}

export interface TestReport {
  kind: TrainedModel['learn']['kind'];
  precision: Precision;
  threshold: number;
  modelCreatedAt: number;
  labels: string[];
  samples: SampleTestResult[];
  /** Share of samples right: classifier ('uncertain' is wrong), regression (within `threshold` of the label), anomaly (not flagged). */
  accuracy: number;
  /** Classifier: rows = actual label, columns = predicted label then 'uncertain'. Empty otherwise. */
  confusion: number[][];
  perClass: ClassScore[];
  weightedF1: number;
  /** Regression: mean absolute error of the per-sample mean prediction. */
  mae?: number;
  /** Testing samples whose label the model does not know (they count as wrong). */
  unknownLabels: string[];
}

export const UNCERTAIN = 'uncertain';

function fmt(v: number): string {
  return Number(v.toPrecision(4)).toString();
}

/** Classifies every window of every testing sample and aggregates per sample (majority of confident windows). */
export function testModel(
  model: TrainedModel,
  run: ModelRunner,
  samples: readonly TestSampleInput[],
  options: {
    threshold: number;
    precision: Precision;
    onSample?: (done: number) => void;
    isCancelled?: () => boolean;
  },
): TestReport {
  const kind = model.learn.kind;
  const results: SampleTestResult[] = [];
  const labels = model.labels;
  const index = new Map(labels.map((l, i) => [l, i]));
  const unknown = new Set<string>();
  const truth: number[] = [];
  const guess: number[] = [];
  let absError = 0;
  samples.forEach((s, si) => {
    if (options.isCancelled?.()) return;
    const outputs = s.rows.map((r) => run(r));
    const windowStartMs = Array.from(s.startMs);
    if (kind === 'classifier') {
      const agg = aggregateSample(outputs, options.threshold);
      const predicted = agg.predicted === 'uncertain' ? UNCERTAIN : labels[agg.predicted];
      const actual = index.get(s.label);
      if (actual === undefined) unknown.add(s.label);
      else {
        truth.push(actual);
        guess.push(agg.predicted === 'uncertain' ? labels.length : agg.predicted);
      }
      results.push({
        sampleId: s.sampleId,
        name: s.name,
        label: s.label,
        windows: s.rows.length,
        predicted,
        score: agg.predicted === 'uncertain' ? Math.max(...agg.meanProbs) : agg.meanProbs[agg.predicted],
        correct: predicted === s.label,
        windowStartMs,
        windowPredicted: agg.windowPredictions.map((p) => (p === 'uncertain' ? UNCERTAIN : labels[p])),
      });
    } else if (kind === 'regression') {
      const values = outputs.map((o) => o[0]);
      const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
      const actual = Number(s.label);
      absError += Math.abs(mean - actual);
      results.push({
        sampleId: s.sampleId,
        name: s.name,
        label: s.label,
        windows: s.rows.length,
        predicted: fmt(mean),
        score: mean,
        correct: Math.abs(mean - actual) <= options.threshold,
        windowStartMs,
        windowPredicted: values.map(fmt),
      });
    } else {
      const scores = outputs.map((o) => o[0]);
      const worst = Math.max(...scores);
      const flagged = worst > 0;
      results.push({
        sampleId: s.sampleId,
        name: s.name,
        label: s.label,
        windows: s.rows.length,
        predicted: flagged ? 'anomaly' : 'normal',
        score: worst,
        correct: !flagged,
        windowStartMs,
        windowPredicted: scores.map((v) => (v > 0 ? 'anomaly' : 'normal')),
      });
    }
    options.onSample?.(si + 1);
  });
  const base = {
    kind,
    precision: options.precision,
    threshold: options.threshold,
    modelCreatedAt: model.createdAt,
    labels,
    samples: results,
    unknownLabels: [...unknown],
  };
  if (kind === 'classifier') {
    const matrix = confusionMatrix(truth, guess, labels.length, labels.length);
    const m = classificationMetrics(matrix, labels);
    const correct = results.filter((r) => r.correct).length;
    return {
      ...base,
      accuracy: results.length ? correct / results.length : 0,
      confusion: matrix,
      perClass: m.perClass,
      weightedF1: m.weightedF1,
    };
  }
  const correct = results.filter((r) => r.correct).length;
  return {
    ...base,
    accuracy: results.length ? correct / results.length : 0,
    confusion: [],
    perClass: [],
    weightedF1: 0,
    mae: kind === 'regression' && results.length ? absError / results.length : undefined,
  };
}
