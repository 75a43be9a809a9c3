import { StudioError } from '../errors';
import { prepareInterpreter } from '../interp/interpreter';
import { elementCount, type Graph } from '../ir/graph';
import type { ActivationRanges, ValueRange } from './ranges';
import { type CalibrationMethod, type RangeRecorder, rangeRecorderFactory } from './rangeRecorder';

export type CalibrationOptions = CalibrationMethod & {
  /** Called after each window; `total` is known when the windows are an array. */
  onProgress?: (done: number, total?: number) => void;
  /** Checked before each window; once aborted, calibration throws StudioError('aborted'). */
  signal?: AbortSignal;
};

/** Records activation ranges one window at a time, so that a caller can yield to the event loop between windows. */
export interface Calibrator {
  /** Runs the float graph on one window and records what every tensor held. */
  add(window: Float32Array): void;
  /** Windows added so far. */
  readonly count: number;
  /** The ranges recorded; throws when no window was added. */
  ranges(): ActivationRanges;
}

export function createCalibrator(graph: Graph, method: CalibrationMethod): Calibrator {
  const newRecorder = rangeRecorderFactory(method);
  const inputIndex = singleFloatInput(graph);
  const inputLength = elementCount(graph.tensors[inputIndex].shape);
  const interpreter = prepareInterpreter(graph);
  const recorders = new Map<number, RangeRecorder>();
  const record = (tensorIndex: number, values: ArrayLike<number>) => {
    let recorder = recorders.get(tensorIndex);
    if (recorder === undefined) {
      recorder = newRecorder();
      recorders.set(tensorIndex, recorder);
    }
    recorder.add(values);
  };
  const observe = (tensorIndex: number, data: ArrayLike<number>) => {
    if (data instanceof Float32Array) record(tensorIndex, data);
  };
  let count = 0;
  return {
    add(window) {
      if (window.length !== inputLength) {
        throw new StudioError(
          'quant-bad-window',
          `Calibration window ${count + 1} has ${window.length} values; the model input takes ${inputLength}.`,
        );
      }
      record(inputIndex, window);
      interpreter.invoke([window], { observe });
      count++;
    },
    get count() {
      return count;
    },
    ranges() {
      if (count === 0) {
        throw new StudioError(
          'quant-no-calibration-data',
          'Quantisation needs at least one calibration window.',
        );
      }
      const ranges = new Map<number, ValueRange>();
      for (const [tensorIndex, recorder] of recorders) {
        const range = recorder.range();
        if (range !== undefined) ranges.set(tensorIndex, range);
      }
      return ranges;
    },
  };
}

/**
 * Runs the float graph on representative windows (typically the training windows) and records the range
 * of the input and of every float activation an op computes. Memory stays bounded however many windows
 * there are: a min/max pair, or for percentile clipping a fixed-size histogram, per tensor.
 */
export function calibrate(
  graph: Graph,
  windows: Iterable<Float32Array>,
  options: CalibrationOptions,
): ActivationRanges {
  const calibrator = createCalibrator(graph, options);
  const total = Array.isArray(windows) ? windows.length : undefined;
  for (const window of windows) {
    throwIfAborted(options.signal);
    calibrator.add(window);
    options.onProgress?.(calibrator.count, total);
  }
  throwIfAborted(options.signal);
  return calibrator.ranges();
}

function singleFloatInput(graph: Graph): number {
  if (graph.inputs.length !== 1) {
    throw new StudioError(
      'quant-unsupported-graph',
      `Calibration needs a model with one input; this one has ${graph.inputs.length}.`,
    );
  }
  const index = graph.inputs[0];
  if (graph.tensors[index]?.dtype !== 'float32') {
    throw new StudioError(
      'quant-not-float',
      'Calibration needs the float32 model; its input is not float32.',
    );
  }
  return index;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new StudioError('aborted', 'Quantisation was cancelled.');
}
