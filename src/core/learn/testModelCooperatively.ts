import { StudioError } from '../errors';
import { timeSlicer } from '../yieldToEventLoop';
import type { ModelRunner, Precision } from './modelRunner';
import { testModel, type TestReport, type TestSampleInput } from './modelTesting';
import type { TrainedModel } from './trainedModel';

/**
 * `testModel` for a worker: the model runs on every window first, in time slices, so that a cancel message
 * gets in between windows (the interpreter is synchronous, and a plain loop over thousands of windows would
 * keep it waiting until the end); `testModel` then aggregates the outputs, which is quick.
 */
export async function testModelCooperatively(
  model: TrainedModel,
  run: ModelRunner,
  samples: readonly TestSampleInput[],
  options: {
    threshold: number;
    precision: Precision;
    onSample?: (done: number) => void;
    signal?: AbortSignal;
  },
): Promise<TestReport> {
  const outputs = new Map<Float32Array, Float32Array>();
  const slice = timeSlicer();
  for (let si = 0; si < samples.length; si++) {
    for (const row of samples[si].rows) {
      await slice();
      if (options.signal?.aborted) throw new StudioError('cancelled', 'Testing was cancelled.');
      outputs.set(row, run(row));
    }
    options.onSample?.(si + 1);
  }
  return testModel(model, (row) => outputs.get(row)!, samples, {
    threshold: options.threshold,
    precision: options.precision,
  });
}
