/**
 * The models behind the published measurements that are not in the test data, rebuilt as IR graphs from their
 * published architectures (weights are zero: only shapes matter to the cost model):
 * - MLPerf Tiny anomaly detection (AD): the FC autoencoder of the benchmark's training script, 640 → 128 ×4 →
 *   8 → 128 ×4 → 640 dense layers, batch norm folded into the weights, ReLU on every layer but the last, int8
 *   input and output (≈ 0.26 M MACs).
 * - Edge Impulse's continuous-gestures network: 33 → 20 → 10 → 4 dense layers with ReLU and a softmax.
 * The KWS model is the real file (../shared/testdata/tflite/kws_ref_model.tflite), read by the caller.
 */
import type { Activation, Graph, Op, Tensor } from '../ir/graph';

interface Dense {
  units: number;
  activation: Activation;
}

/** A chain of FULLY_CONNECTED layers on a [1, inputs] input, optionally ending in a softmax (int8 or float32). */
export function denseChain(
  inputs: number,
  layers: readonly Dense[],
  softmax: boolean,
  dtype: 'int8' | 'float32' = 'int8',
): Graph {
  const float = dtype === 'float32';
  const tensors: Tensor[] = [{ name: 'input', shape: [1, inputs], dtype }];
  const ops: Op[] = [];
  let previous = 0;
  let width = inputs;
  layers.forEach((layer, i) => {
    const weights =
      tensors.push({
        name: `dense_${i}/weights`,
        shape: [layer.units, width],
        dtype,
        data: float ? new Float32Array(layer.units * width) : new Int8Array(layer.units * width),
      }) - 1;
    const bias =
      tensors.push({
        name: `dense_${i}/bias`,
        shape: [layer.units],
        dtype: float ? 'float32' : 'int32',
        data: float ? new Float32Array(layer.units) : new Int32Array(layer.units),
      }) - 1;
    const output = tensors.push({ name: `dense_${i}`, shape: [1, layer.units], dtype }) - 1;
    ops.push({
      kind: 'FULLY_CONNECTED',
      activation: layer.activation,
      inputs: [previous, weights, bias],
      outputs: [output],
    });
    previous = output;
    width = layer.units;
  });
  if (softmax) {
    const output = tensors.push({ name: 'softmax', shape: [1, width], dtype }) - 1;
    ops.push({ kind: 'SOFTMAX', beta: 1, inputs: [previous], outputs: [output] });
    previous = output;
  }
  return { tensors, ops, inputs: [0], outputs: [previous] };
}

const relu = (units: number): Dense => ({ units, activation: 'RELU' });

/** MLPerf Tiny AD (ToyCar FC autoencoder). */
export function anomalyDetectionGraph(): Graph {
  return denseChain(
    640,
    [
      relu(128),
      relu(128),
      relu(128),
      relu(128),
      relu(8),
      relu(128),
      relu(128),
      relu(128),
      relu(128),
      { units: 640, activation: 'NONE' },
    ],
    false,
  );
}

/** Edge Impulse's continuous-gestures classifier (33 spectral features in, 4 classes out). */
export function gestureClassifierGraph(): Graph {
  return denseChain(33, [relu(20), relu(10), { units: 4, activation: 'NONE' }], true);
}

/** The gesture impulse's processing block: spectral analysis of 2 s of 3-axis data at 62.5 Hz, FFT 128, low-pass 3 Hz. */
export const GESTURE_DSP = {
  block: 'spectral' as const,
  params: { 'filter-type': 'low', 'filter-cutoff': 3, 'filter-order': 6, 'fft-length': 128 },
  window: { axes: 3, frames: 125, frequencyHz: 62.5 },
};

/** The gesture impulse's anomaly block: k-means on 3 features (Edge Impulse's default 32 clusters). */
export const GESTURE_ANOMALY = { clusters: 32, features: 3 };
