import type { OpKind } from '../../ir/graph';
import type { LayerCode, LayerContext } from './layerContext';
import { lowerFullyConnected, lowerSoftmax } from './lowerDense';
import { lowerAdd, lowerMean, lowerQuantize } from './lowerElementwise';
import { lowerConvolution, lowerPooling } from './lowerWindowed';

/** RESHAPE renames its input's buffer (modelBuffers), so it has no code. */
function lowerReshape(layer: LayerContext): LayerCode {
  return {
    comment: [
      layer.describe('input', layer.input(0)),
      layer.describe('output', layer.output()),
      'no code: the output is the input buffer under a new shape',
    ],
    call: null,
  };
}

const LOWERINGS: Record<OpKind, (layer: LayerContext) => LayerCode> = {
  FULLY_CONNECTED: lowerFullyConnected,
  CONV_2D: lowerConvolution,
  DEPTHWISE_CONV_2D: lowerConvolution,
  MAX_POOL_2D: lowerPooling,
  AVERAGE_POOL_2D: lowerPooling,
  RESHAPE: lowerReshape,
  SOFTMAX: lowerSoftmax,
  QUANTIZE: lowerQuantize,
  DEQUANTIZE: lowerQuantize,
  ADD: lowerAdd,
  MEAN: lowerMean,
};

/** The C of one op, from the kernels of tml_kernels.h. */
export function lowerLayer(layer: LayerContext): LayerCode {
  return LOWERINGS[layer.op.kind](layer);
}
