import { aggregateSample } from './aggregate';
import { SWEEP_THRESHOLDS, thresholdSweep, type SweepSample, type ThresholdRow } from './thresholdSweep';
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
  /**
   * Classifier: the confidence the verdict rests on (SampleVerdict.confidence: the mean top probability of the
   * windows that voted for the label, or for an uncertain sample its best window's, below the threshold);
   * regression: the mean value; anomaly: the highest score.
   */
  score: number;
  /** Classifier: the windows that voted for the predicted label (0 when uncertain). */
  votes?: number;
  correct: boolean;
  /** Per window: start, what it was classified as, and its score (classifier: top probability). */
  windowStartMs: number[];
  windowPredicted: string[];
  windowScore: number[];
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
  /** Windows of all tested samples. */
  windowCount: number;
  /**
   * Classifier: per window, the share whose top class is the label, with no threshold — the figure the
   * quantisation panel shows for the same test windows.
   */
  windowAccuracy?: number;
  /** Classifier: samples and windows uncertain at `threshold`. */
  uncertainSamples?: number;
  uncertainWindows?: number;
  /** Classifier: the same results at other thresholds (SWEEP_THRESHOLDS and `threshold`), by threshold. */
  thresholdSweep: ThresholdRow[];
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
  const sweepSamples: SweepSample[] = [];
  samples.forEach((s) => {
    const outputs = s.rows.map((r) => run(r));
    const windowStartMs = Array.from(s.startMs);
    if (kind === 'classifier') {
      const agg = aggregateSample(outputs, options.threshold);
      const predicted = agg.predicted === 'uncertain' ? UNCERTAIN : labels[agg.predicted];
      const actual = index.get(s.label);
      sweepSamples.push({ actual, windowProbs: outputs });
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
        score: agg.confidence,
        votes: agg.votes,
        correct: predicted === s.label,
        windowStartMs,
        windowPredicted: agg.windowPredictions.map((p) => (p === 'uncertain' ? UNCERTAIN : labels[p])),
        windowScore: agg.windowScores,
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
        windowScore: values,
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
        windowScore: scores,
      });
    }
  });
  const base = {
    kind,
    precision: options.precision,
    threshold: options.threshold,
    modelCreatedAt: model.createdAt,
    labels,
    samples: results,
    unknownLabels: [...unknown],
    windowCount: results.reduce((n, r) => n + r.windows, 0),
  };
  if (kind === 'classifier') {
    const matrix = confusionMatrix(truth, guess, labels.length, labels.length);
    const m = classificationMetrics(matrix, labels);
    const correct = results.filter((r) => r.correct).length;
    const sweep = thresholdSweep(sweepSamples, [...SWEEP_THRESHOLDS, options.threshold]);
    const tested = sweep.find((r) => r.threshold === options.threshold)!;
    return {
      ...base,
      accuracy: results.length ? correct / results.length : 0,
      windowAccuracy: sweep.find((r) => r.threshold === 0)!.windowAccuracy,
      uncertainSamples: tested.uncertainSamples,
      uncertainWindows: tested.uncertainWindows,
      thresholdSweep: sweep,
      confusion: matrix,
      perClass: m.perClass,
      weightedF1: m.weightedF1,
    };
  }
  const correct = results.filter((r) => r.correct).length;
  return {
    ...base,
    accuracy: results.length ? correct / results.length : 0,
    thresholdSweep: [],
    confusion: [],
    perClass: [],
    weightedF1: 0,
    mae: kind === 'regression' && results.length ? absError / results.length : undefined,
  };
}
