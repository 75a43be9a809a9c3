import type { Architecture, PlannedLayer } from '../learn/architecture';

/** What one planned layer costs: its parameters and the multiply-accumulates of one inference. */
export interface LayerCost {
  title: string;
  type: PlannedLayer['type'];
  params: number;
  macs: number;
}

export interface ArchitectureCost {
  layers: LayerCost[];
  totalParams: number;
  totalMacs: number;
}

const product = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * MACs of one layer from its input and output shapes (no batch dimension). Convolutions use 'same' padding and
 * stride 1, so each output cell sees the whole kernel. Pooling, reshapes and dropout multiply nothing: 0 MACs
 * (their comparisons and additions are counted by the MCU cost model, not here).
 */
function layerMacs(layer: PlannedLayer, inShape: readonly number[], style: Architecture['style']): number {
  const spec = layer.spec;
  const inChannels = inShape[inShape.length - 1];
  const outCells = product(layer.outputShape.slice(0, -1));
  switch (layer.type) {
    case 'dense':
    case 'output':
      return inShape[0] * layer.outputShape[0];
    case 'conv1d':
    case 'conv2d':
    case 'separableConv': {
      if (!spec || !('kernelSize' in spec)) return 0;
      const kernelCells = style === 'conv1d' ? spec.kernelSize : spec.kernelSize * spec.kernelSize;
      if (spec.type === 'separableConv')
        return outCells * inChannels * kernelCells + outCells * inChannels * spec.filters;
      return outCells * kernelCells * inChannels * spec.filters;
    }
    default:
      return 0;
  }
}

/** Parameters and MACs of every layer of a planned architecture, for the editor's table and the tuner. */
export function architectureCost(arch: Architecture): ArchitectureCost {
  const layers = arch.layers.map((layer, i) => ({
    title: layer.title,
    type: layer.type,
    params: layer.params,
    macs: i === 0 ? 0 : layerMacs(layer, arch.layers[i - 1].outputShape, arch.style),
  }));
  return {
    layers,
    totalParams: layers.reduce((n, l) => n + l.params, 0),
    totalMacs: layers.reduce((n, l) => n + l.macs, 0),
  };
}
