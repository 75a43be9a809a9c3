import { StudioError } from '../errors';
import type { Activation, Graph, Op, Tensor } from '../ir/graph';
import type { Architecture } from './architecture';
import type { LayerWeights } from './tfModel';

/**
 * The float32 IR of a trained network (DESIGN.md §6 layouts): input [1, F]; conv1d becomes a 1×K CONV_2D
 * over [1, 1, T, C]; conv2d a CONV_2D over [1, T, C, 1]; pooling a *_POOL_2D with stride = size; flatten a
 * RESHAPE; dense a FULLY_CONNECTED with weights [out, in]; dropout disappears; a classifier ends in SOFTMAX.
 * A separable block becomes DEPTHWISE_CONV_2D (filter [1, KH, KW, C]) then a 1×1 CONV_2D.
 */
export function exportGraph(
  arch: Architecture,
  weights: readonly LayerWeights[],
  description: string,
): Graph {
  const tensors: Tensor[] = [];
  const ops: Op[] = [];
  const add = (t: Tensor) => tensors.push(t) - 1;
  let current = add({ name: 'input', shape: [1, arch.layers[0].outputShape[0]], dtype: 'float32' });
  let w = 0;
  const nextWeights = () => {
    const lw = weights[w++];
    if (!lw)
      throw new StudioError('export', 'The trained model has fewer weight tensors than its architecture.');
    return lw;
  };
  const reshape = (shape: number[], name: string) => {
    const shapeTensor = add({
      name: `${name}/shape`,
      shape: [shape.length],
      dtype: 'int32',
      data: Int32Array.from(shape),
    });
    const out = add({ name, shape, dtype: 'float32' });
    ops.push({ kind: 'RESHAPE', inputs: [current, shapeTensor], outputs: [out], newShape: shape });
    current = out;
  };
  const nhwc = (shape: number[]) => (arch.style === 'conv1d' ? [1, 1, ...shape] : [1, ...shape]);

  arch.layers.forEach((layer, i) => {
    const name = `${layer.type}_${i}`;
    switch (layer.type) {
      case 'input':
      case 'dropout':
        return;
      case 'reshape':
        return reshape(nhwc(layer.outputShape), name);
      case 'flatten':
        return reshape([1, layer.outputShape[0]], name);
      case 'conv1d':
      case 'conv2d':
        current = convolution(nextWeights(), name, nhwc(layer.outputShape));
        return;
      case 'separableConv': {
        const depthwise = nextWeights();
        const [kh, kw, channels] = depthwise.kernelShape;
        const inShape = nhwc(arch.layers[i - 1].outputShape);
        const f = add({
          name: `${name}/depthwise/filter`,
          shape: [1, kh, kw, channels],
          dtype: 'float32',
          // tfjs's [KH, KW, C, 1] is TFLite's [1, KH, KW, C] element for element.
          data: Float32Array.from(depthwise.kernel),
        });
        const b = add({
          name: `${name}/depthwise/bias`,
          shape: [channels],
          dtype: 'float32',
          data: Float32Array.from(depthwise.bias),
        });
        const mid = add({ name: `${name}/depthwise`, shape: inShape, dtype: 'float32' });
        ops.push({
          kind: 'DEPTHWISE_CONV_2D',
          inputs: [current, f, b],
          outputs: [mid],
          padding: 'SAME',
          strideH: 1,
          strideW: 1,
          dilationH: 1,
          dilationW: 1,
          depthMultiplier: 1,
          activation: 'RELU',
        });
        current = mid;
        current = convolution(nextWeights(), name, nhwc(layer.outputShape));
        return;
      }
      case 'maxPool':
      case 'avgPool': {
        const spec = layer.spec;
        if (spec?.type !== 'maxPool' && spec?.type !== 'avgPool')
          throw new StudioError('export', `Layer ${i + 1} is a pooling layer without its settings.`);
        const size = spec.size;
        const oneD = arch.style === 'conv1d';
        const out = add({ name, shape: nhwc(layer.outputShape), dtype: 'float32' });
        ops.push({
          kind: layer.type === 'maxPool' ? 'MAX_POOL_2D' : 'AVERAGE_POOL_2D',
          inputs: [current],
          outputs: [out],
          padding: 'SAME',
          strideH: oneD ? 1 : size,
          strideW: size,
          filterH: oneD ? 1 : size,
          filterW: size,
          activation: 'NONE',
        });
        current = out;
        return;
      }
      case 'dense':
      case 'output': {
        const head = layer.type === 'output';
        const activation: Activation = head ? 'NONE' : 'RELU';
        current = fullyConnected(
          nextWeights(),
          head ? (arch.head.kind === 'classifier' ? 'logits' : 'output') : name,
          activation,
        );
        if (head && arch.head.kind === 'classifier') {
          const out = add({ name: 'output', shape: [1, layer.outputShape[0]], dtype: 'float32' });
          ops.push({ kind: 'SOFTMAX', inputs: [current], outputs: [out], beta: 1 });
          current = out;
        }
        return;
      }
    }
  });
  if (w !== weights.length)
    throw new StudioError('export', 'The trained model has more weight tensors than its architecture.');
  return { tensors, ops, inputs: [0], outputs: [current], description };

  function convolution(lw: LayerWeights, name: string, outShape: number[]): number {
    const [filter, filterShape] = convFilterOhwi(lw);
    const f = add({ name: `${name}/filter`, shape: filterShape, dtype: 'float32', data: filter });
    const b = add({
      name: `${name}/bias`,
      shape: [lw.bias.length],
      dtype: 'float32',
      data: Float32Array.from(lw.bias),
    });
    const out = add({ name, shape: outShape, dtype: 'float32' });
    ops.push({
      kind: 'CONV_2D',
      inputs: [current, f, b],
      outputs: [out],
      padding: 'SAME',
      strideH: 1,
      strideW: 1,
      dilationH: 1,
      dilationW: 1,
      activation: 'RELU',
    });
    return out;
  }

  function fullyConnected(lw: LayerWeights, name: string, activation: Activation): number {
    const [inputs, units] = lw.kernelShape;
    const weightsOi = new Float32Array(units * inputs);
    for (let i = 0; i < inputs; i++)
      for (let o = 0; o < units; o++) weightsOi[o * inputs + i] = lw.kernel[i * units + o];
    const wt = add({ name: `${name}/weights`, shape: [units, inputs], dtype: 'float32', data: weightsOi });
    const b = add({
      name: `${name}/bias`,
      shape: [units],
      dtype: 'float32',
      data: Float32Array.from(lw.bias),
    });
    const out = add({ name, shape: [1, units], dtype: 'float32' });
    ops.push({ kind: 'FULLY_CONNECTED', inputs: [current, wt, b], outputs: [out], activation });
    return out;
  }
}

/** tfjs conv kernels are [K, I, O] (1-D) or [KH, KW, I, O] (2-D); TFLite wants [O, KH, KW, I]. */
function convFilterOhwi(lw: LayerWeights): [Float32Array, number[]] {
  const dims = lw.kernelShape.length === 3 ? [1, ...lw.kernelShape] : lw.kernelShape;
  const [kh, kw, inC, outC] = dims;
  const out = new Float32Array(lw.kernel.length);
  for (let y = 0; y < kh; y++)
    for (let x = 0; x < kw; x++)
      for (let c = 0; c < inC; c++)
        for (let o = 0; o < outC; o++)
          out[((o * kh + y) * kw + x) * inC + c] = lw.kernel[((y * kw + x) * inC + c) * outC + o];
  return [out, [outC, kh, kw, inC]];
}
