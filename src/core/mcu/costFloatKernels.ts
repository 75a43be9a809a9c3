/**
 * Float32 kernels and the data movers (RESHAPE, QUANTIZE, DEQUANTIZE) of every runtime, as instruction mixes per
 * unit of work (costMix.ts).
 */
import { generatedFloat32Plan } from './costGenerated';
import type { Mix } from './costMix';
import { constantReads, plan, REFERENCE_TAP, taps, type KernelPlan, type Runtime } from './costPlan';
import type { OpWork } from './opWork';

/** RESHAPE copies its buffer in TFLM (a generated build aliases it); QUANTIZE/DEQUANTIZE convert each value. */
export function reshapeOrConvert(w: OpWork, runtime: Runtime): KernelPlan {
  if (w.family === 'reshape') {
    if (runtime === 'studio-generated') return plan('aliased buffer', 'other', [], 0);
    const bytes = w.outputElements * (w.arithmetic === 'float32' ? 4 : 1);
    return plan('memcpy', 'other', [[{ int: { load: 0.25, store: 0.25 } }, bytes]], 0);
  }
  const element: Mix =
    w.family === 'quantize'
      ? { single: { div: 1, convert: 1 }, int: { load: 1, alu: 4, store: 1 } }
      : { single: { convert: 1, mul: 1 }, int: { load: 1, alu: 2, store: 1 } };
  return plan(
    w.family === 'quantize' ? 'AffineQuantize' : 'Dequantize',
    'other',
    [[element, w.outputElements]],
    0,
  );
}

/**
 * Float32 kernels: TFLM runs reference_ops for every float op (CMSIS-NN has none); the generated build's
 * convolutions and dense layers are counted like its int8 kernels (costGenerated.ts), its other float loops so.
 */
export function float32Plan(w: OpWork, runtime: Runtime, cache: number): KernelPlan {
  const generated = runtime === 'studio-generated';
  if (generated && (w.family === 'conv' || w.family === 'depthwise'))
    return generatedFloat32Plan(w, constantReads(w, w.outputPixels, cache));
  if (generated && w.family === 'fullyConnected') return generatedFloat32Plan(w, constantReads(w, 1, cache));
  const mac: Mix = { single: { mac: 1 }, int: { load: 2, alu: 3, branch: 1 } };
  const output: Mix = { single: { add: 1 }, int: { alu: 2, load: 1, store: 1 } };
  const name = generated ? 'generated float loop' : 'reference_ops (float)';
  switch (w.family) {
    case 'conv':
    case 'depthwise':
      return plan(
        name,
        'window',
        [
          [mac, w.inBoundsMacs],
          [REFERENCE_TAP, taps(w)],
          [output, w.outputElements],
        ],
        constantReads(w, w.outputPixels, cache),
      );
    case 'fullyConnected':
      return plan(
        name,
        'matrix',
        [
          [mac, w.macs],
          [output, w.outputElements],
        ],
        constantReads(w, 1, cache),
      );
    case 'pool':
      return plan(
        name,
        'other',
        [
          [{ single: { add: 1 }, int: { load: 1, branch: 0.5 } }, w.windowReads],
          [{ single: { div: w.kind === 'AVERAGE_POOL_2D' ? 1 : 0 }, int: { store: 1 } }, w.outputElements],
        ],
        0,
      );
    case 'softmax':
      return plan(
        name,
        'other',
        [
          [{ single: { exp: 1, add: 2, mul: 1 }, int: { load: 3, store: 1 } }, w.outputElements],
          [{ single: { div: 1 } }, w.outputElements / w.outputChannels],
        ],
        0,
      );
    case 'add':
      return plan(name, 'other', [[{ single: { add: 1 }, int: { load: 2, store: 1 } }, w.outputElements]], 0);
    case 'mean':
      return plan(
        name,
        'other',
        [
          [{ single: { add: 1 }, int: { load: 1 } }, w.windowReads],
          [{ single: { div: 1 }, int: { store: 1 } }, w.outputElements],
        ],
        0,
      );
    default:
      return reshapeOrConvert(w, runtime);
  }
}
