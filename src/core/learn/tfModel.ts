import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Architecture, PlannedLayer } from './architecture';

/**
 * Weights of one layer that has them (conv or dense), as tfjs lays them out: kernel [..., in, out], bias [out];
 * a depthwise kernel is [KH, KW, channels, 1].
 */
export interface LayerWeights {
  kernel: Float32Array;
  kernelShape: number[];
  bias: Float32Array;
}

function layerFor(
  p: PlannedLayer,
  style: Architecture['style'],
  seed: number,
  first: number[] | null,
): tf.serialization.Serializable | null {
  const init = () => tfl.initializers.glorotUniform({ seed });
  const inputShape = first ? { inputShape: first } : {};
  const spec = p.spec;
  switch (p.type) {
    case 'reshape':
      return tfl.layers.reshape({ targetShape: p.outputShape, ...inputShape });
    case 'flatten':
      return tfl.layers.flatten(inputShape);
    case 'output':
      return null;
    case 'input':
      return null;
  }
  if (!spec) return null;
  switch (spec.type) {
    case 'dense':
      return tfl.layers.dense({
        units: spec.units,
        activation: 'relu',
        kernelInitializer: init(),
        ...inputShape,
      });
    case 'conv1d':
      return tfl.layers.conv1d({
        filters: spec.filters,
        kernelSize: spec.kernelSize,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: init(),
      });
    case 'conv2d':
      return tfl.layers.conv2d({
        filters: spec.filters,
        kernelSize: spec.kernelSize,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: init(),
      });
    case 'maxPool':
    case 'avgPool': {
      const args = { poolSize: spec.size, strides: spec.size, padding: 'same' as const };
      if (style === 'conv1d')
        return spec.type === 'maxPool' ? tfl.layers.maxPooling1d(args) : tfl.layers.averagePooling1d(args);
      return spec.type === 'maxPool' ? tfl.layers.maxPooling2d(args) : tfl.layers.averagePooling2d(args);
    }
    case 'dropout':
      return tfl.layers.dropout({ rate: spec.rate, seed });
    case 'separableConv':
      // Two layers (or four): built by separableLayers.
      return null;
  }
}

/**
 * A separable block as tfjs layers: depthwise then pointwise 1×1, each with ReLU. tfjs has no 1-D depthwise
 * layer, so a conv1d-style block runs as a 1×K depthwise conv over [1, T, C] between two reshapes.
 */
function separableLayers(
  p: PlannedLayer,
  inShape: readonly number[],
  style: Architecture['style'],
  seed: number,
): tfl.layers.Layer[] {
  if (p.spec?.type !== 'separableConv') return [];
  const { filters, kernelSize } = p.spec;
  const oneD = style === 'conv1d';
  const depthwise = tfl.layers.depthwiseConv2d({
    kernelSize: oneD ? [1, kernelSize] : kernelSize,
    depthMultiplier: 1,
    padding: 'same',
    activation: 'relu',
    depthwiseInitializer: tfl.initializers.glorotUniform({ seed }),
  });
  const pointwise = tfl.layers.conv2d({
    filters,
    kernelSize: 1,
    padding: 'same',
    activation: 'relu',
    // A seed apart from the following layers' (seed + index).
    kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + 1000 }),
  });
  if (!oneD) return [depthwise, pointwise];
  return [
    tfl.layers.reshape({ targetShape: [1, ...inShape] }),
    depthwise,
    pointwise,
    tfl.layers.reshape({ targetShape: p.outputShape }),
  ];
}

/** A tfjs model for a planned architecture, compiled for training (Adam; cross-entropy or mean squared error). */
export function buildTfModel(
  arch: Architecture,
  options: { seed: number; learningRate: number },
): tfl.Sequential {
  const model = tfl.sequential();
  const inputShape = arch.layers[0].outputShape;
  let needsInput = true;
  arch.layers.forEach((p, i) => {
    if (p.type === 'separableConv') {
      const inShape = arch.layers[i - 1].outputShape;
      for (const layer of separableLayers(p, inShape, arch.style, options.seed + i)) model.add(layer);
      return;
    }
    const layer = layerFor(p, arch.style, options.seed + i, needsInput ? inputShape : null);
    if (layer) {
      model.add(layer as tfl.layers.Layer);
      needsInput = false;
    }
  });
  const out = arch.layers[arch.layers.length - 1];
  const classifier = arch.head.kind === 'classifier';
  model.add(
    tfl.layers.dense({
      units: out.outputShape[0],
      activation: classifier ? 'softmax' : 'linear',
      kernelInitializer: tfl.initializers.glorotUniform({ seed: options.seed + arch.layers.length }),
      ...(needsInput ? { inputShape } : {}),
    }),
  );
  model.compile({
    optimizer: tf.train.adam(options.learningRate),
    loss: classifier ? 'categoricalCrossentropy' : 'meanSquaredError',
    metrics: classifier ? ['accuracy'] : [],
  });
  return model;
}

/** The trained weights of every conv and dense layer, in order (the output layer last). */
export function readLayerWeights(model: tfl.LayersModel): LayerWeights[] {
  const result: LayerWeights[] = [];
  for (const layer of model.layers) {
    const weights = layer.getWeights();
    if (weights.length === 0) continue;
    const [kernel, bias] = weights;
    result.push({
      kernel: kernel.dataSync() as Float32Array,
      kernelShape: kernel.shape,
      bias: bias.dataSync() as Float32Array,
    });
  }
  return result;
}
