import { StudioError } from '../errors';
import { createCalibrator, quantizeGraph } from '../quant';
import { standardizeInput } from '../ir/standardize';
import { writeTflite } from '../tflite';
import { timeSlicer } from '../yieldToEventLoop';
import { graphRunner } from './modelRunner';
import { classificationMetrics, confusionMatrix } from './metrics';
import type { QuantizedModel, TrainedModel } from './trainedModel';
import type { QuantizeSettings } from './quantizeSettings';

/** float32 vs int8 on labelled windows, per window (no threshold): accuracy and confusion side by side. */
export interface PrecisionComparison {
  windows: number;
  labels: string[];
  float: { accuracy: number; confusion: number[][] };
  int8: { accuracy: number; confusion: number[][] };
  /** Windows where the two precisions pick different classes. */
  disagreements: number;
  /** Mean absolute difference of the dequantised int8 outputs from the float32 ones. */
  meanAbsOutputDiff: number;
}

const cancelledError = () => new StudioError('cancelled', 'Quantisation was cancelled.');

/**
 * Post-training int8 quantisation of a trained network (DESIGN.md §6): calibrates activation ranges on the
 * representative (training) windows, quantises, and records both `.tflite` sizes. Calibration yields to the
 * event loop now and then, so that a worker sees a cancel (`signal`) while it runs.
 */
export async function quantizeTrained(
  model: TrainedModel,
  representative: readonly Float32Array[],
  settings: QuantizeSettings,
  options: {
    onProgress?: (done: number, total?: number) => void;
    signal?: AbortSignal;
    now?: () => number;
  } = {},
): Promise<QuantizedModel> {
  if (!model.float)
    throw new StudioError(
      'quant-no-network',
      'Only neural networks are quantised; k-means anomaly detection has no int8 form.',
    );
  if (representative.length === 0)
    throw new StudioError('quant-no-calibration-data', 'There are no training windows to calibrate on.');
  const calibration =
    settings.method === 'percentile'
      ? { method: 'percentile' as const, percentile: settings.percentile }
      : { method: 'minmax' as const };
  const float = model.float;
  const calibrator = createCalibrator(float, calibration);
  const slice = timeSlicer();
  for (const row of representative) {
    await slice();
    if (options.signal?.aborted) throw cancelledError();
    // Calibrated on what the network's input really sees: the standardised features.
    calibrator.add(standardizeInput(float, row));
    options.onProgress?.(calibrator.count, representative.length);
  }
  const ranges = calibrator.ranges();
  const graph = quantizeGraph(float, ranges, {
    inputType: settings.ioType,
    outputType: settings.ioType,
  });
  return {
    graph,
    createdAt: (options.now ?? Date.now)(),
    ioType: settings.ioType,
    calibration: { ...calibration, windows: representative.length },
    floatBytes: writeTflite(model.float).length,
    int8Bytes: writeTflite(graph).length,
  };
}

function argmax(v: Float32Array): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
  return best;
}

/** Classifies every labelled window with both precisions, yielding now and then like quantizeTrained. */
export async function comparePrecisions(
  model: TrainedModel,
  int8: QuantizedModel,
  rows: readonly Float32Array[],
  rowLabels: readonly string[],
  options: { signal?: AbortSignal } = {},
): Promise<PrecisionComparison> {
  if (!model.float) throw new StudioError('quant-no-network', 'This model has no network to compare.');
  const runFloat = graphRunner(model.float);
  const runInt8 = graphRunner(int8.graph);
  const index = new Map(model.labels.map((l, i) => [l, i]));
  const actual: number[] = [];
  const floatPred: number[] = [];
  const int8Pred: number[] = [];
  let diff = 0;
  let outputs = 0;
  let disagreements = 0;
  const slice = timeSlicer();
  for (let r = 0; r < rows.length; r++) {
    await slice();
    if (options.signal?.aborted) throw cancelledError();
    const row = rows[r];
    const a = index.get(rowLabels[r]);
    if (a === undefined) continue;
    const f = runFloat(row);
    const q = runInt8(row);
    for (let i = 0; i < f.length; i++) diff += Math.abs(f[i] - q[i]);
    outputs += f.length;
    actual.push(a);
    floatPred.push(argmax(f));
    int8Pred.push(argmax(q));
    if (floatPred[floatPred.length - 1] !== int8Pred[int8Pred.length - 1]) disagreements++;
  }
  const k = model.labels.length;
  const side = (pred: number[]) => {
    const confusion = confusionMatrix(actual, pred, k);
    return { accuracy: classificationMetrics(confusion, model.labels).accuracy, confusion };
  };
  return {
    windows: actual.length,
    labels: model.labels,
    float: side(floatPred),
    int8: side(int8Pred),
    disagreements,
    meanAbsOutputDiff: outputs ? diff / outputs : 0,
  };
}
