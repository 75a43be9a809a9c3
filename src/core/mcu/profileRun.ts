/**
 * A whole profiling run, as the MCU worker and the CLI do it: each graph is first run through the studio's own
 * interpreter (on a real window's features, or on a seeded synthetic input for a model from outside) to prove it
 * executes, then profiled on every board under every runtime. Every figure comes from the graph itself.
 */
import { elementCount, type Graph, type Tensor, type TensorData } from '../ir/graph';
import type { Impulse } from '../impulse/impulse';
import { prepareInterpreter } from '../interp/interpreter';
import { anomalyScorer } from '../learn/anomaly';
import { graphRunner } from '../learn/modelRunner';
import type { AnomalyModel } from '../learn/trainedModel';
import { seededRandom } from '../random';
import type { Board } from './boards';
import { RUNTIMES, type Runtime } from './cost';
import { prepareSubject, profileBoard } from './profile';
import type { BoardProfile } from './profileTypes';

/** What the interpreter computed to prove the model runs, and on what input. */
export interface ExecutionProof {
  input: string;
  /** The model's outputs (dequantised for an impulse's model; raw for a bare model). */
  outputs: number[];
}

export interface PrecisionReport {
  precision: 'int8' | 'float32' | 'none';
  tfliteBytes: number;
  execution: ExecutionProof;
  profiles: Record<Runtime, BoardProfile[]>;
}

export interface RunProgress {
  done: number;
  total: number;
  step: string;
}

export interface ModelToProfile {
  precision: 'int8' | 'float32';
  graph: Graph;
  tfliteBytes: number;
}

/** A seeded input for one tensor: int8 values over the whole range, float32 ones in [−1, 1). */
export function seededInput(tensor: Tensor, seed: number): TensorData {
  const random = seededRandom(seed);
  const n = elementCount(tensor.shape);
  if (tensor.dtype === 'int8') return Int8Array.from({ length: n }, () => Math.floor(random() * 256) - 128);
  if (tensor.dtype === 'int32') return Int32Array.from({ length: n }, () => Math.floor(random() * 256) - 128);
  return Float32Array.from({ length: n }, () => random() * 2 - 1);
}

/** Runs a model from outside once on seeded inputs, one per graph input. */
export function runSeeded(graph: Graph, seed: number): ExecutionProof {
  const interpreter = prepareInterpreter(graph);
  const inputs = interpreter.inputTensors.map((t, i) => seededInput(t, seed + i));
  const outputs = interpreter.invoke(inputs);
  const dtype = interpreter.inputTensors[0]?.dtype;
  const range = dtype === 'float32' ? 'uniform in [−1, 1)' : 'uniform over −128…127';
  return {
    input: `a synthetic ${dtype ?? ''} input, seed ${seed} (${range})`,
    outputs: Array.from(outputs[0] ?? []),
  };
}

/** Runs an impulse's model (standardisation and quantisation included) on one window's features. */
export function runOnFeatures(
  graph: Graph | AnomalyModel,
  features: Float32Array,
  source: string,
): ExecutionProof {
  const run =
    'ops' in graph ? graphRunner(graph) : (f: Float32Array) => Float32Array.of(anomalyScorer(graph)(f));
  return { input: source, outputs: Array.from(run(features)) };
}

export interface RunSubject {
  models: ModelToProfile[];
  impulse?: Pick<Impulse, 'input' | 'dsp' | 'learn'>;
  anomaly?: AnomalyModel;
  /** Proves each model (or the anomaly model) runs; called before it is profiled. */
  execute: (model: ModelToProfile | null) => ExecutionProof;
}

/** Profiles every model of the subject (or its k-means model) on `boards` under every runtime. */
export function profileRun(
  subject: RunSubject,
  boards: readonly Board[],
  onProgress: (p: RunProgress) => void = () => undefined,
): PrecisionReport[] {
  const entries: (ModelToProfile | null)[] = subject.models.length > 0 ? subject.models : [null];
  const total = entries.length * (1 + boards.length);
  let done = 0;
  return entries.map((model) => {
    const what = model === null ? 'the anomaly model' : `the ${model.precision} model`;
    onProgress({ done, total, step: `Running ${what} in the studio's interpreter` });
    const execution = subject.execute(model);
    done++;
    const prepared = prepareSubject({
      graph: model?.graph ?? null,
      tfliteBytes: model?.tfliteBytes ?? 0,
      impulse: subject.impulse,
      anomaly: subject.anomaly,
    });
    const profiles = Object.fromEntries(RUNTIMES.map((r) => [r.id, [] as BoardProfile[]])) as Record<
      Runtime,
      BoardProfile[]
    >;
    for (const board of boards) {
      onProgress({ done, total, step: `Profiling ${what} on ${board.name}` });
      for (const r of RUNTIMES) profiles[r.id].push(profileBoard(prepared, board, r.id));
      done++;
    }
    onProgress({ done, total, step: 'Done' });
    return {
      precision: model?.precision ?? 'none',
      tfliteBytes: model?.tfliteBytes ?? 0,
      execution,
      profiles,
    };
  });
}
