import { StudioError } from '../errors';
import { planArchitecture, type Architecture, type ArchitectureLayerSpec } from '../learn/architecture';
import type { LayerWeights } from '../learn/tfModel';

/** A structurally pruned network: the smaller architecture and its weights, and the masked original. */
export interface StructuredPruning {
  arch: Architecture;
  weights: LayerWeights[];
  /** The original architecture's weights with the removed filters / neurons zeroed (same shapes). */
  maskedWeights: LayerWeights[];
  /** Per pruned layer (architecture layer index): which of its filters / neurons were kept. */
  kept: Map<number, number[]>;
}

/** The feature shape the planner was given, read back from a planned architecture. */
export function featureShapeOf(arch: Architecture): number[] {
  if (arch.style === 'dense') return [...arch.layers[0].outputShape];
  return arch.layers[1].outputShape.slice(0, 2);
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The `keep` columns of a [cells, in, out] kernel with the largest L1 norm, in index order. */
function strongestOutputs(lw: LayerWeights, cells: number, keepIn: number[], keep: number): number[] {
  const inN = lw.kernelShape[lw.kernelShape.length - 2];
  const outN = lw.kernelShape[lw.kernelShape.length - 1];
  const norms = range(outN).map((o) => {
    let s = 0;
    for (let c = 0; c < cells; c++)
      for (const i of keepIn) s += Math.abs(lw.kernel[(c * inN + i) * outN + o]);
    return s;
  });
  return range(outN)
    .sort((a, b) => norms[b] - norms[a] || a - b)
    .slice(0, keep)
    .sort((a, b) => a - b);
}

/** The sub-kernel of a [cells, in, out] kernel (and its bias) on the given inputs and outputs. */
function selectKernel(lw: LayerWeights, cells: number, keepIn: number[], keepOut: number[]): LayerWeights {
  const inN = lw.kernelShape[lw.kernelShape.length - 2];
  const outN = lw.kernelShape[lw.kernelShape.length - 1];
  const kernel = new Float32Array(cells * keepIn.length * keepOut.length);
  let n = 0;
  for (let c = 0; c < cells; c++)
    for (const i of keepIn) for (const o of keepOut) kernel[n++] = lw.kernel[(c * inN + i) * outN + o];
  return {
    kernel,
    kernelShape: [...lw.kernelShape.slice(0, -2), keepIn.length, keepOut.length],
    bias: Float32Array.from(keepOut, (o) => lw.bias[o]),
  };
}

/** A copy of the weights with the outputs not kept zeroed (kernel columns and bias). */
function zeroOutputs(lw: LayerWeights, keepOut: number[]): LayerWeights {
  const outN = lw.kernelShape[lw.kernelShape.length - 1];
  const keep = new Set(keepOut);
  const kernel = Float32Array.from(lw.kernel, (v, i) => (keep.has(i % outN) ? v : 0));
  const bias = Float32Array.from(lw.bias, (v, o) => (keep.has(o) ? v : 0));
  return { kernel, kernelShape: [...lw.kernelShape], bias };
}

/**
 * Structured pruning: removes `fraction` of the filters of every conv and separable
 * block and of the neurons of every hidden dense layer, those with the smallest L1 norm, together with the
 * matching input channels of the next layer (a depthwise kernel loses the channel; a dense layer after a flatten
 * loses that channel's rows at every position). The output layer keeps its classes. With ReLU and a zeroed
 * bias a removed unit outputs 0, so the smaller network computes what the masked original does.
 */
export function pruneStructured(
  arch: Architecture,
  weights: readonly LayerWeights[],
  fraction: number,
): StructuredPruning {
  if (!(fraction >= 0 && fraction < 1))
    throw new StudioError('compress', 'The fraction of filters to remove must be from 0 to below 1.');
  const small: LayerWeights[] = [];
  const masked: LayerWeights[] = [];
  const specs: ArchitectureLayerSpec[] = [];
  const kept = new Map<number, number[]>();
  // Indices of the current activation's last dimension (channels, or features once flat) that survive.
  let keepIn: number[] = range(arch.layers[0].outputShape[0]);
  let w = 0;
  const next = () => {
    const lw = weights[w++];
    if (!lw) throw new StudioError('compress', 'The model has fewer weight tensors than its architecture.');
    return lw;
  };
  const keepCount = (n: number) => Math.max(1, Math.round(n * (1 - fraction)));
  arch.layers.forEach((layer, i) => {
    const inShape = i > 0 ? arch.layers[i - 1].outputShape : [];
    const spec = layer.spec;
    switch (layer.type) {
      case 'input':
      case 'reshape':
        keepIn = range(layer.outputShape[layer.outputShape.length - 1]);
        return;
      case 'flatten': {
        const channels = inShape[inShape.length - 1];
        const cells = inShape.slice(0, -1).reduce((a, b) => a * b, 1);
        keepIn = range(cells).flatMap((c) => keepIn.map((k) => c * channels + k));
        return;
      }
      case 'output': {
        const lw = next();
        small.push(selectKernel(lw, 1, keepIn, range(layer.outputShape[0])));
        masked.push(zeroOutputs(lw, range(layer.outputShape[0])));
        return;
      }
    }
    if (!spec) return;
    if (spec.type === 'maxPool' || spec.type === 'avgPool' || spec.type === 'dropout') {
      specs.push(spec);
      return;
    }
    if (spec.type === 'separableConv') {
      const depthwise = next();
      const cells = depthwise.kernel.length / depthwise.kernelShape[2];
      // The depthwise kernel [KH, KW, C, 1] is a [cells, C, 1] kernel whose channel c feeds output c only.
      const channels = depthwise.kernelShape[2];
      const asColumns = { ...depthwise, kernelShape: [cells, 1, channels] };
      const dw = selectKernel(asColumns, cells, [0], keepIn);
      small.push({ ...dw, kernelShape: [...depthwise.kernelShape.slice(0, 2), keepIn.length, 1] });
      masked.push({ ...zeroOutputs(asColumns, keepIn), kernelShape: [...depthwise.kernelShape] });
    }
    const lw = next();
    const cells = lw.kernel.length / (lw.kernelShape.at(-2)! * lw.kernelShape.at(-1)!);
    const units = lw.kernelShape[lw.kernelShape.length - 1];
    const keepOut = strongestOutputs(lw, cells, keepIn, keepCount(units));
    small.push(selectKernel(lw, cells, keepIn, keepOut));
    masked.push(zeroOutputs(lw, keepOut));
    kept.set(i, keepOut);
    specs.push(
      spec.type === 'dense' ? { ...spec, units: keepOut.length } : { ...spec, filters: keepOut.length },
    );
    keepIn = keepOut;
  });
  if (w !== weights.length)
    throw new StudioError('compress', 'The model has more weight tensors than its architecture.');
  return {
    arch: planArchitecture(featureShapeOf(arch), specs, arch.head),
    weights: small,
    maskedWeights: masked,
    kept,
  };
}
