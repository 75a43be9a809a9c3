import { StudioError } from '../errors';
import type { LayerSpec, NeuralBlock } from './learnBlock';
import { layerFieldProblems } from '../validation/learnBlockRules';
import { problemList } from '../validation/numberRule';

/** Every layer kind the architecture planner accepts: the editor's (compress and tune build these too). */
export type ArchitectureLayerSpec = LayerSpec;

/** One layer of a planned network, with the shape it outputs (without the batch dimension). */
export interface PlannedLayer {
  /** 'input' and 'reshape'/'flatten' are implied layers the studio inserts; 'output' is the added head. */
  type: ArchitectureLayerSpec['type'] | 'input' | 'reshape' | 'flatten' | 'output';
  spec?: ArchitectureLayerSpec;
  outputShape: number[];
  params: number;
  /** What the layer is, for the architecture table (e.g. "conv1d 8 filters, kernel 3"). */
  title: string;
}

export interface Architecture {
  layers: PlannedLayer[];
  totalParams: number;
  /** 'conv1d' nets see [frames, coefficients]; 'conv2d' nets see [frames, coefficients, 1]; 'dense' a flat vector. */
  style: 'dense' | 'conv1d' | 'conv2d';
  head: OutputHead;
}

export type OutputHead = { kind: 'classifier'; classes: number } | { kind: 'regression' };

function fail(message: string): never {
  throw new StudioError('architecture', message);
}

/** The layer's sizes, by the same rules as the architecture editor's fields. */
function checkLayer(layer: ArchitectureLayerSpec, at: number): void {
  const problem = problemList(layerFieldProblems(layer))[0];
  if (problem) fail(`Layer ${at + 1}: ${problem}`);
}

function describeLayer(l: ArchitectureLayerSpec): string {
  switch (l.type) {
    case 'dense':
      return `Dense, ${l.units} neurons, ReLU`;
    case 'conv1d':
      return `Conv1D, ${l.filters} filters, kernel ${l.kernelSize}, ReLU`;
    case 'conv2d':
      return `Conv2D, ${l.filters} filters, kernel ${l.kernelSize}×${l.kernelSize}, ReLU`;
    case 'separableConv':
      return `Depthwise-separable conv, kernel ${l.kernelSize}, then ${l.filters} filters 1×1, ReLU`;
    case 'maxPool':
      return `Max pooling, size ${l.size}`;
    case 'avgPool':
      return `Average pooling, size ${l.size}`;
    case 'dropout':
      return `Dropout, rate ${l.rate}`;
  }
}

/**
 * Checks a layer list against the features it will see and plans every shape. Convolutions need features
 * laid out in time ([frames, coefficients] from MFE, MFCC or spectrogram); conv layers come before dense
 * layers; pooling follows a convolution. Padding is 'same' for convolutions and pooling (pool stride = size),
 * so a shape only shrinks by pooling. Throws StudioError('architecture') saying which layer to change.
 */
export function planArchitecture(
  featureShape: readonly number[],
  layers: readonly ArchitectureLayerSpec[],
  head: OutputHead,
): Architecture {
  const featureCount = featureShape.reduce((a, b) => a * b, 1);
  if (featureCount <= 0) fail('The impulse gives no features: generate features first.');
  const planned: PlannedLayer[] = [
    { type: 'input', outputShape: [featureCount], params: 0, title: `Input, ${featureCount} features` },
  ];
  const convTypes = new Set(
    layers.filter((l) => l.type === 'conv1d' || l.type === 'conv2d').map((l) => l.type),
  );
  if (convTypes.size > 1) fail('Use either Conv1D or Conv2D layers in one network, not both.');
  // Separable blocks follow the other convolutions' layout; alone they are 2-D, as in DS-CNN.
  const separable = layers.some((l) => l.type === 'separableConv');
  const style: Architecture['style'] =
    convTypes.has('conv2d') || (separable && !convTypes.has('conv1d'))
      ? 'conv2d'
      : convTypes.has('conv1d')
        ? 'conv1d'
        : 'dense';
  let shape: number[] = [featureCount];
  if (style !== 'dense') {
    if (featureShape.length !== 2) {
      fail(
        'Convolution layers need features laid out in time (MFE, MFCC or spectrogram); this block gives a flat list — use dense layers.',
      );
    }
    shape = style === 'conv1d' ? [featureShape[0], featureShape[1]] : [featureShape[0], featureShape[1], 1];
    planned.push({
      type: 'reshape',
      outputShape: [...shape],
      params: 0,
      title: `Reshape to ${shape.join('×')}`,
    });
  }
  let flat = style === 'dense';
  let lastWasConvOrPool = false;
  layers.forEach((l, i) => {
    let params = 0;
    checkLayer(l, i);
    switch (l.type) {
      case 'dense':
        if (!flat) {
          const n = shape.reduce((a, b) => a * b, 1);
          planned.push({ type: 'flatten', outputShape: [n], params: 0, title: `Flatten to ${n}` });
          shape = [n];
          flat = true;
        }
        params = shape[0] * l.units + l.units;
        shape = [l.units];
        lastWasConvOrPool = false;
        break;
      case 'conv1d':
      case 'conv2d':
      case 'separableConv': {
        if (flat)
          fail(`Layer ${i + 1}: a convolution cannot follow a dense layer; move it before the dense layers.`);
        const inChannels = shape[shape.length - 1];
        const kernelCells = style === 'conv1d' ? l.kernelSize : l.kernelSize * l.kernelSize;
        params =
          l.type === 'separableConv'
            ? kernelCells * inChannels + inChannels + inChannels * l.filters + l.filters
            : kernelCells * inChannels * l.filters + l.filters;
        shape = [...shape.slice(0, -1), l.filters];
        lastWasConvOrPool = true;
        break;
      }
      case 'maxPool':
      case 'avgPool':
        if (!lastWasConvOrPool)
          fail(`Layer ${i + 1}: pooling must follow a convolution (or another pooling layer).`);
        shape =
          style === 'conv1d'
            ? [Math.ceil(shape[0] / l.size), shape[1]]
            : [Math.ceil(shape[0] / l.size), Math.ceil(shape[1] / l.size), shape[2]];
        break;
      case 'dropout':
        break;
    }
    planned.push({ type: l.type, spec: l, outputShape: [...shape], params, title: describeLayer(l) });
  });
  if (!flat) {
    const n = shape.reduce((a, b) => a * b, 1);
    planned.push({ type: 'flatten', outputShape: [n], params: 0, title: `Flatten to ${n}` });
    shape = [n];
  }
  const units = head.kind === 'classifier' ? head.classes : 1;
  if (head.kind === 'classifier' && units < 2)
    fail('A classifier needs at least two labels in the training set.');
  planned.push({
    type: 'output',
    outputShape: [units],
    params: shape[0] * units + units,
    title: head.kind === 'classifier' ? `Output, ${units} classes, softmax` : 'Output, 1 value, linear',
  });
  return { layers: planned, totalParams: planned.reduce((n, l) => n + l.params, 0), style, head };
}

/** The architecture of a neural learning block for the impulse's features and the number of labels. */
export function planFor(
  learn: NeuralBlock,
  featureShape: readonly number[],
  classCount: number,
): Architecture {
  return planArchitecture(
    featureShape,
    learn.layers,
    learn.kind === 'classifier' ? { kind: 'classifier', classes: classCount } : { kind: 'regression' },
  );
}
