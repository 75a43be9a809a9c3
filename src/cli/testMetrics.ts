/**
 * The test-set figures of `studio train`: the model classifies every window of the project's testing samples
 * and each sample is judged from its windows, with the core functions the Testing page runs (`testModel`,
 * which aggregates with `aggregateSample`), once per precision.
 */
import type { ArchivedSample } from '../core/formats/projectArchive';
import type { ArchivedImpulse } from '../core/formats/impulseSchema';
import { missingAxes } from '../core/impulse/defaults';
import { sampleFeatures } from '../core/impulse/generateFeatures';
import { modelRunner, type Precision } from '../core/learn/modelRunner';
import { testModel, UNCERTAIN, type TestReport, type TestSampleInput } from '../core/learn/modelTesting';
import type { TrainedModel } from '../core/learn/trainedModel';

/** The figures of one precision, as the `test` field of the printed summary gives them. */
export interface PrecisionFigures {
  /** Share of samples judged right (a classifier's 'uncertain' is wrong), at the threshold. */
  sampleAccuracy: number;
  /** Classifier: share of windows whose top class is the label, no threshold; null otherwise. */
  windowAccuracy: number | null;
  /** Classifier: samples uncertain at the threshold. */
  uncertainSamples?: number;
  /** Regression: mean absolute error of the per-sample mean prediction. */
  mae?: number;
}

export interface TestSummary {
  threshold: number;
  /** Testing samples tested (those with at least one window) and their windows. */
  samples: number;
  windows: number;
  float32: PrecisionFigures;
  /** null for k-means, which has no int8 form. */
  int8: PrecisionFigures | null;
}

export type TestOutcome =
  | { summary: TestSummary; reports: { float32: TestReport; int8?: TestReport }; tooShort: string[] }
  | { summary: null; reason: string };

/** The enabled testing samples with the impulse's axes (as the Testing page picks them), as feature windows. */
function testInputs(
  impulse: ArchivedImpulse,
  samples: readonly ArchivedSample[],
): { inputs: TestSampleInput[]; tested: number } {
  const testing = samples.filter(
    (s) => s.enabled && s.category === 'testing' && !missingAxes(s, impulse.input),
  );
  const inputs = testing.map((s): TestSampleInput => {
    const f = sampleFeatures(impulse, s);
    const rows = Array.from({ length: f.windowCount }, (_, w) =>
      f.features.slice(w * f.featureCount, (w + 1) * f.featureCount),
    );
    return { sampleId: s.originalId, name: s.name, label: s.label, rows, startMs: f.startMs };
  });
  return { inputs, tested: testing.length };
}

function figures(report: TestReport): PrecisionFigures {
  return {
    sampleAccuracy: report.accuracy,
    windowAccuracy: report.windowAccuracy ?? null,
    ...(report.kind === 'classifier' ? { uncertainSamples: report.uncertainSamples } : {}),
    ...(report.mae !== undefined ? { mae: report.mae } : {}),
  };
}

/** Tests the model (with its int8 version when it has one) on the project's testing samples. */
export function testOnProject(
  model: TrainedModel,
  impulse: ArchivedImpulse,
  samples: readonly ArchivedSample[],
  threshold: number,
): TestOutcome {
  const { inputs, tested } = testInputs(impulse, samples);
  if (tested === 0) {
    return {
      summary: null,
      reason: 'the project has no enabled testing samples with the impulse’s axes',
    };
  }
  const windowed = inputs.filter((s) => s.rows.length > 0);
  if (windowed.length === 0) {
    return {
      summary: null,
      reason: `none of the ${tested} testing samples is long enough for one window of the impulse`,
    };
  }
  const run = (precision: Precision) =>
    testModel(model, modelRunner(model, precision), windowed, { threshold, precision });
  const float32 = run('float32');
  const int8 = model.int8 ? run('int8') : undefined;
  return {
    summary: {
      threshold,
      samples: windowed.length,
      windows: float32.windowCount,
      float32: figures(float32),
      int8: int8 ? figures(int8) : null,
    },
    reports: int8 ? { float32, int8 } : { float32 },
    tooShort: inputs.filter((s) => s.rows.length === 0).map((s) => s.name),
  };
}

/** A report as metrics.json keeps it: the figures, confusion matrix and scores, and each sample's verdict. */
function reportRecord(report: TestReport) {
  return {
    ...figures(report),
    ...(report.kind === 'classifier'
      ? {
          uncertainWindows: report.uncertainWindows,
          /** Columns of `confusion` (its rows are the labels). */
          confusionColumns: [...report.labels, UNCERTAIN],
          confusion: report.confusion,
          perClass: report.perClass,
          weightedF1: report.weightedF1,
          thresholdSweep: report.thresholdSweep,
        }
      : {}),
    unknownLabels: report.unknownLabels,
    samples: report.samples.map(({ name, label, windows, predicted, score, votes, correct }) => ({
      name,
      label,
      windows,
      predicted,
      score,
      ...(votes === undefined ? {} : { votes }),
      correct,
    })),
  };
}

/** The contents of metrics.json: validation and test figures per precision, with each sample's verdict. */
export function metricsRecord(impulse: string, model: TrainedModel, outcome: TestOutcome) {
  const base = { impulse, kind: model.learn.kind, labels: model.labels, validation: model.validation };
  if (outcome.summary === null) return { ...base, test: null, testSkipped: outcome.reason };
  const { float32, int8 } = outcome.reports;
  return {
    ...base,
    test: {
      threshold: outcome.summary.threshold,
      samples: outcome.summary.samples,
      windows: outcome.summary.windows,
      /** Testing samples shorter than one window, which could not be tested. */
      tooShort: outcome.tooShort,
      float32: reportRecord(float32),
      int8: int8 ? reportRecord(int8) : null,
    },
  };
}

const percent = (v: number) => `${(v * 100).toFixed(1)} %`;

function describeFigures(f: PrecisionFigures): string {
  const windows = f.windowAccuracy === null ? '' : `, ${percent(f.windowAccuracy)} of windows`;
  const mae = f.mae === undefined ? '' : `, MAE ${f.mae.toPrecision(3)}`;
  return `${percent(f.sampleAccuracy)} of samples right${windows}${mae}`;
}

/** One line for the terminal. */
export function describeTest(outcome: TestOutcome): string {
  if (outcome.summary === null) return `test: skipped, ${outcome.reason}`;
  const s = outcome.summary;
  const int8 = s.int8 ? `; int8 ${describeFigures(s.int8)}` : '';
  return (
    `test (${s.samples} samples, ${s.windows} windows, threshold ${s.threshold}): ` +
    `float32 ${describeFigures(s.float32)}${int8}`
  );
}
