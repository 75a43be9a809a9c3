import { StudioError } from '../errors';
import type { Graph, Tensor } from '../ir/graph';
import { prepareInterpreter } from '../interp/interpreter';
import { standardizeInput } from '../ir/standardize';
import { roundHalfAwayFromZero } from '../interp/fixedPoint';
import { anomalyScorer } from './anomaly';
import type { TrainedModel } from './trainedModel';

export type Precision = 'float32' | 'int8';

/** Runs one feature window through a model and gives real-valued outputs (probabilities, a value or a score). */
export type ModelRunner = (features: Float32Array) => Float32Array;

/** Float features to the int8 input tensor's values, exactly as the interpreter's QUANTIZE kernel (TFLite AffineQuantize). */
export function quantizeInput(t: Tensor, features: Float32Array): Int8Array {
  const scale = t.quant?.scale[0] ?? 1;
  const zp = t.quant?.zeroPoint[0] ?? 0;
  const q = new Int8Array(features.length);
  for (let i = 0; i < features.length; i++) {
    q[i] = Math.max(-128, Math.min(127, roundHalfAwayFromZero(Math.fround(features[i] / scale)) + zp));
  }
  return q;
}

function dequantizeOutput(t: Tensor, values: ArrayLike<number>): Float32Array {
  if (t.dtype === 'float32') return Float32Array.from(values);
  const scale = t.quant?.scale[0] ?? 1;
  const zp = t.quant?.zeroPoint[0] ?? 0;
  return Float32Array.from(values, (v) => (v - zp) * scale);
}

/**
 * A runner over an IR graph with our interpreter: features are standardised as the model expects, int8 inputs
 * quantised and int8 outputs dequantised here.
 */
export function graphRunner(graph: Graph): ModelRunner {
  const interp = prepareInterpreter(graph);
  const input = interp.inputTensors[0];
  const output = interp.outputTensors[0];
  return (features) => {
    const standardized = standardizeInput(graph, features);
    const data = input.dtype === 'int8' ? quantizeInput(input, standardized) : standardized;
    return dequantizeOutput(output, interp.invoke([data])[0]);
  };
}

/** The runner for a trained model at a precision (int8 needs the model to have been quantised). */
export function modelRunner(model: TrainedModel, precision: Precision): ModelRunner {
  if (model.anomaly) {
    const score = anomalyScorer(model.anomaly);
    return (features) => Float32Array.of(score(features));
  }
  const graph = precision === 'int8' ? model.int8?.graph : model.float;
  if (!graph) {
    throw new StudioError(
      'no-model',
      precision === 'int8' ? 'Quantise the model to int8 first.' : 'Train the model first.',
    );
  }
  return graphRunner(graph);
}
