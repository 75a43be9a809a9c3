import { StudioError } from '../errors';
import type { Graph, Tensor } from '../ir/graph';
import type { Architecture } from '../learn/architecture';
import type { LayerWeights } from '../learn/tfModel';

function constant(graph: Graph, index: number): { tensor: Tensor; data: Float32Array } {
  const tensor = graph.tensors[index];
  if (tensor.dtype !== 'float32' || !(tensor.data instanceof Float32Array))
    throw new StudioError('compress', 'Only a float32 model can be compressed (its weights must be float).');
  return { tensor, data: tensor.data };
}

/**
 * The tfjs layer weights of a float32 graph made by `exportGraph`, in layer order: the inverse of its layouts
 * (FULLY_CONNECTED [out, in] → [in, out]; CONV_2D [O, KH, KW, I] → [K, I, O] for conv1d or [KH, KW, I, O];
 * DEPTHWISE_CONV_2D [1, KH, KW, C] → [KH, KW, C, 1], element for element). Compression starts from the stored
 * model this way, so it fine-tunes exactly the network that was trained.
 */
export function layerWeightsFromGraph(graph: Graph, arch: Architecture): LayerWeights[] {
  const result: LayerWeights[] = [];
  for (const op of graph.ops) {
    if (op.kind !== 'FULLY_CONNECTED' && op.kind !== 'CONV_2D' && op.kind !== 'DEPTHWISE_CONV_2D') continue;
    const { tensor, data } = constant(graph, op.inputs[1]);
    const bias = Float32Array.from(constant(graph, op.inputs[2]).data);
    if (op.kind === 'FULLY_CONNECTED') {
      const [units, inputs] = tensor.shape;
      const kernel = new Float32Array(units * inputs);
      for (let o = 0; o < units; o++)
        for (let i = 0; i < inputs; i++) kernel[i * units + o] = data[o * inputs + i];
      result.push({ kernel, kernelShape: [inputs, units], bias });
    } else if (op.kind === 'DEPTHWISE_CONV_2D') {
      const [, kh, kw, channels] = tensor.shape;
      result.push({ kernel: Float32Array.from(data), kernelShape: [kh, kw, channels, 1], bias });
    } else {
      const [outC, kh, kw, inC] = tensor.shape;
      const kernel = new Float32Array(data.length);
      for (let o = 0; o < outC; o++)
        for (let y = 0; y < kh; y++)
          for (let x = 0; x < kw; x++)
            for (let c = 0; c < inC; c++)
              kernel[((y * kw + x) * inC + c) * outC + o] = data[((o * kh + y) * kw + x) * inC + c];
      const kernelShape = arch.style === 'conv1d' ? [kw, inC, outC] : [kh, kw, inC, outC];
      result.push({ kernel, kernelShape, bias });
    }
  }
  return result;
}
