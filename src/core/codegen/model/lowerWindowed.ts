/** CONV_2D, DEPTHWISE_CONV_2D and the two poolings: the ops that slide a window over an NHWC tensor. */
import type { Activation, Conv2DOp, DepthwiseConv2DOp, Padding, Pool2DOp } from '../../ir/graph';
import { quantizedActivationRange } from '../../interp/activationRange';
import { computeLeadingPadding } from '../../interp/padding';
import { quantizeMultiplier } from '../../interp/quantizeMultiplier';
import { cInt } from '../c/cLiterals';
import { type Field, floatRangeField, type LayerCode, type LayerContext } from './layerContext';

interface WindowParams {
  padding: Padding;
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
  filterHeight: number;
  filterWidth: number;
}

/** tml_window_t of an op from its NHWC input and output shapes, with TFLite's leading padding. */
function windowField(layer: LayerContext, p: WindowParams, inputDepth: number, outputDepth: number) {
  const [batches, inHeight, inWidth] = layer.tensor(layer.input(0)).shape;
  const [, outHeight, outWidth] = layer.tensor(layer.output()).shape;
  const padTop = computeLeadingPadding(p.strideH, p.dilationH, inHeight, p.filterHeight, outHeight);
  const padLeft = computeLeadingPadding(p.strideW, p.dilationW, inWidth, p.filterWidth, outWidth);
  const list = (...values: number[]) => values.map(cInt).join(', ');
  const field: Field = {
    value: [
      { value: list(batches), comment: 'batches' },
      { value: list(inHeight, inWidth, inputDepth), comment: 'input height, width, depth' },
      { value: list(outHeight, outWidth, outputDepth), comment: 'output height, width, depth' },
      { value: list(p.filterHeight, p.filterWidth), comment: 'filter height, width' },
      { value: list(p.strideH, p.strideW), comment: 'stride height, width' },
      { value: list(p.dilationH, p.dilationW), comment: 'dilation height, width' },
      { value: list(padTop, padLeft), comment: `${p.padding} padding before the first row, column` },
    ],
    comment: 'window',
  };
  const comment =
    `${p.padding} padding (top ${padTop}, left ${padLeft}), stride ${p.strideH}x${p.strideW}, ` +
    `dilation ${p.dilationH}x${p.dilationW}`;
  return { field, comment };
}

/**
 * tml_requantize_t of an int8 conv-like layer: TFLite PopulateConvolutionQuantizationParams, i.e.
 * QuantizeMultiplier(input scale · filter scale / output scale) in double per channel (a per-tensor filter
 * scale repeated), declared as one entry when every channel has the same multiplier and shift.
 */
function requantizeField(
  layer: LayerContext,
  input: number,
  filter: number,
  channels: number,
  activation: Activation,
): Field {
  const inQ = layer.quant(input);
  const outQ = layer.quant(layer.output());
  const filterScales = layer.scales(filter);
  const quantized = Array.from({ length: channels }, (_, c) =>
    quantizeMultiplier((inQ.scale * filterScales[filterScales.length === 1 ? 0 : c]) / outQ.scale),
  );
  const uniform = quantized.every(
    (q) => q.multiplier === quantized[0].multiplier && q.shift === quantized[0].shift,
  );
  const entries = uniform ? quantized.slice(0, 1) : quantized;
  const what = uniform ? 'one for every channel' : 'per output channel';
  const multiplier = layer.int32Array(
    'multiplier',
    entries.map((q) => q.multiplier),
    `Q0.31 output multipliers, ${what}`,
  );
  const shift = layer.int32Array(
    'shift',
    entries.map((q) => q.shift),
    `their power-of-two exponents, ${what}`,
  );
  const { min, max } = quantizedActivationRange(activation, outQ.scale, outQ.zeroPoint);
  return requantizeGroup(
    inQ.zeroPoint,
    outQ.zeroPoint,
    min,
    max,
    activation,
    entries.length,
    multiplier,
    shift,
  );
}

/** The fields of a tml_requantize_t. */
export function requantizeGroup(
  inputZeroPoint: number,
  outputZeroPoint: number,
  min: number,
  max: number,
  activation: Activation,
  channels: number,
  multiplier: string,
  shift: string,
): Field {
  return {
    value: [
      {
        value: `${cInt(-inputZeroPoint)}, ${cInt(outputZeroPoint)}`,
        comment: 'input offset (-zero point), output offset',
      },
      { value: `${cInt(min)}, ${cInt(max)}`, comment: `activation ${activation}: min, max` },
      { value: cInt(channels), comment: 'channels of multiplier and shift (1: the same for all)' },
      { value: `${multiplier}, ${shift}`, comment: 'multiplier, shift' },
    ],
    comment: 'requantize',
  };
}

export function lowerConvolution(layer: LayerContext): LayerCode {
  const op = layer.op as Conv2DOp | DepthwiseConv2DOp;
  const depthwise = op.kind === 'DEPTHWISE_CONV_2D';
  const [input, filter, bias] = [layer.input(0), layer.input(1), layer.optionalInput(2)];
  const output = layer.output();
  const filterShape = layer.tensor(filter).shape;
  const outputDepth = depthwise ? filterShape[3] : filterShape[0];
  const window = windowField(
    layer,
    { ...op, filterHeight: filterShape[1], filterWidth: filterShape[2] },
    layer.tensor(input).shape[3],
    outputDepth,
  );
  const shapeField: Field = depthwise
    ? { value: cInt((op as DepthwiseConv2DOp).depthMultiplier), comment: 'depth multiplier' }
    : { value: cInt(filterShape[3]), comment: 'filter input depth (one group)' };

  const int8 = layer.tensor(input).dtype === 'int8';
  const filterName = layer.constant(filter, 'filter');
  const biasName = layer.constant(bias, 'bias');
  const last = int8
    ? requantizeField(layer, input, filter, outputDepth, op.activation)
    : floatRangeField(op.activation);
  const kind = depthwise ? 'depthwise_conv' : 'conv';
  const suffix = int8 ? 'int8' : 'f32';
  layer.params(`tml_${kind}_${suffix}_t`, [window.field, shapeField, last]);
  return {
    comment: [
      layer.describe('input', input),
      layer.describe('filter', filter),
      layer.describe('bias', bias),
      layer.describe('output', output),
      `${window.comment}, activation ${op.activation}`,
    ],
    call: layer.call(`tml_${kind}_2d_${suffix}`, [layer.ref(input), filterName, biasName, layer.ref(output)]),
  };
}

export function lowerPooling(layer: LayerContext): LayerCode {
  const op = layer.op as Pool2DOp;
  const input = layer.input(0);
  const output = layer.output();
  const depth = layer.tensor(input).shape[3];
  const window = windowField(
    layer,
    { ...op, dilationH: 1, dilationW: 1, filterHeight: op.filterH, filterWidth: op.filterW },
    depth,
    depth,
  );
  const int8 = layer.tensor(input).dtype === 'int8';
  const fields = [window.field];
  if (int8) {
    const outQ = layer.quant(output);
    const { min, max } = quantizedActivationRange(op.activation, outQ.scale, outQ.zeroPoint);
    fields.push(
      { value: cInt(min), comment: 'activation min' },
      { value: cInt(max), comment: 'activation max' },
    );
  } else {
    fields.push(floatRangeField(op.activation));
  }
  const suffix = int8 ? 'int8' : 'f32';
  const kernel = op.kind === 'MAX_POOL_2D' ? 'max_pool_2d' : 'average_pool_2d';
  layer.params(`tml_pool_${suffix}_t`, fields);
  return {
    comment: [
      layer.describe('input', input),
      layer.describe('output', output),
      `${op.filterH}x${op.filterW} window, ${window.comment}, activation ${op.activation}`,
    ],
    call: layer.call(`tml_${kernel}_${suffix}`, [layer.ref(input), layer.ref(output)]),
  };
}
