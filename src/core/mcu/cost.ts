/**
 * Cycles and latency of a model on a target, per op, for each runtime (DESIGN.md §7: latency = Σ per-op cycles at
 * the board's clock): the kernel's instruction mix (costKernels.ts) priced on the core (cores.ts), the runtime's
 * per-op overhead, the fitted efficiency (calibrationFit.ts), and the flash stalls of the weights it reads.
 */
import type { Graph } from '../ir/graph';
import { boardFloatCosts, type Target } from './boards';
import { NN_FIT, nnEfficiency, type NnFit } from './calibrationFit';
import { getCore, type IntegerSimd } from './cores';
import {
  CMSIS_WRAPPER,
  GENERATED_CALL,
  kernelPlan,
  PREPARE_MULTIPLIER,
  PREPARE_OP,
  TFLM_DISPATCH,
  type Runtime,
} from './costKernels';
import { addMix, mixCycles, type Mix } from './costMix';
import { graphWork, type OpWork } from './opWork';

export type { Runtime } from './costKernels';

export const RUNTIMES: ReadonlyArray<{ id: Runtime; title: string; description: string }> = [
  {
    id: 'tflm-reference',
    title: 'TFLite Micro, reference kernels',
    description: "TensorFlow Lite Micro's interpreter with its portable reference kernels",
  },
  {
    id: 'tflm-cmsis-nn',
    title: 'TFLite Micro + CMSIS-NN',
    description:
      "TensorFlow Lite Micro's interpreter with Arm's CMSIS-NN kernels (esp-nn on the ESP32-S3); float ops use the reference kernels",
  },
  {
    id: 'studio-generated',
    title: 'Studio generated C',
    description:
      "the studio's generated code: plain C loops with the interpreter's int8 arithmetic, statically planned, no interpreter",
  },
];

export interface EstimateOptions {
  /**
   * Run kernels' Prepare at each inference: 'all' as Edge Impulse's EON does (model_init before every invoke),
   * 'convolutions' as TFLM 2.3 did (its CONV_2D and DEPTHWISE_CONV_2D Eval recomputed the per-channel multipliers).
   */
  prepareEachInference?: 'all' | 'convolutions';
  /** Leave out the interpreter's per-op dispatch (EON: TFLM kernels called directly). Default: the runtime's own. */
  withoutInterpreter?: boolean;
  /** Another fit than the published one (the calibration fits with this). */
  fit?: NnFit;
}

export interface OpCost {
  work: OpWork;
  /** The routine or loop that runs the op. */
  path: string;
  /** Counted cycles of the kernel's loops and of the per-op overhead, before the efficiency factor. */
  kernelCycles: number;
  overheadCycles: number;
  /** Whether the convolution factor of the fit applies to kernelCycles. */
  windowKernel: boolean;
  /** Flash wait cycles of the constant data the kernel reads (not scaled by the efficiency). */
  stallCycles: number;
  /** The estimate. */
  cycles: number;
}

export interface ModelEstimate {
  runtime: Runtime;
  target: string;
  clockMhz: number;
  ops: OpCost[];
  macs: number;
  cycles: number;
  ms: number;
  efficiency: number;
  /** Whether the efficiency was fitted on measurements of this core family. */
  calibrated: boolean;
}

/**
 * The integer SIMD the runtime's kernels use on this target: CMSIS-NN needs the DSP extension, or Helium; the
 * generated C takes its SMLAD path wherever the compiler defines __ARM_FEATURE_DSP; reference kernels none.
 */
export function kernelSimd(target: Target, runtime: Runtime): IntegerSimd {
  if (runtime === 'studio-generated') return target.dspExtension ? 'dsp' : 'none';
  if (runtime !== 'tflm-cmsis-nn') return 'none';
  const simd = getCore(target.core).simd;
  if (simd === 'helium') return target.helium ? 'helium' : target.dspExtension ? 'dsp' : 'none';
  if (simd === 'dsp') return target.dspExtension ? 'dsp' : 'none';
  return simd;
}

function overheadMix(w: OpWork, runtime: Runtime, options: EstimateOptions): Mix {
  let mix: Mix =
    runtime === 'studio-generated' || options.withoutInterpreter
      ? GENERATED_CALL
      : runtime === 'tflm-cmsis-nn'
        ? addMix(TFLM_DISPATCH, CMSIS_WRAPPER)
        : TFLM_DISPATCH;
  const convolution = w.family === 'conv' || w.family === 'depthwise';
  const prepare =
    options.prepareEachInference === 'all' ||
    (options.prepareEachInference === 'convolutions' && convolution);
  if (prepare) {
    const multipliers = convolution ? w.outputChannels : w.family === 'reshape' ? 0 : 1;
    mix = addMix(addMix(mix, PREPARE_OP), PREPARE_MULTIPLIER, multipliers);
  }
  return mix;
}

/**
 * Measured ÷ counted cycles for a runtime. The generated build's mixes are counted from the instructions GCC
 * emits for its kernels (costGenerated.ts), so nothing is left to fit: 1, checked against QEMU's instruction
 * count on a Cortex-M4 (bench/deploy.ts). The TFLM kernels' counted loops take the fitted efficiency.
 */
function runtimeEfficiency(
  target: Target,
  runtime: Runtime,
  fit: NnFit,
): { value: number; calibrated: boolean } {
  if (runtime === 'studio-generated') return { value: 1, calibrated: true };
  return nnEfficiency(target.core, fit);
}

/** The cycles of one op on a target under a runtime. */
export function opCost(w: OpWork, target: Target, runtime: Runtime, options: EstimateOptions = {}): OpCost {
  const core = getCore(target.core);
  const floats = boardFloatCosts(target);
  const price = (mix: Mix) => mixCycles(mix, core.instructions, floats.single, floats.double);
  const kernel = kernelPlan(
    w,
    runtime,
    kernelSimd(target, runtime),
    target.constantMemory.dataCacheKb * 1024,
  );
  const fit = options.fit ?? NN_FIT;
  const efficiency = runtimeEfficiency(target, runtime, fit).value;
  const windowKernel = kernel.group === 'window' && runtime === 'tflm-cmsis-nn';
  const kernelCycles = price(kernel.mix);
  const overheadCycles = price(overheadMix(w, runtime, options));
  const stallCycles = kernel.constantReads * target.constantMemory.stallCyclesPerByte;
  return {
    work: w,
    path: kernel.path,
    kernelCycles,
    overheadCycles,
    windowKernel,
    stallCycles,
    cycles:
      efficiency * (kernelCycles * (windowKernel ? fit.windowFactor : 1) + overheadCycles) + stallCycles,
  };
}

/** Latency of a whole graph on a target under a runtime. */
export function estimateModel(
  target: Target,
  graph: Graph,
  runtime: Runtime,
  options: EstimateOptions = {},
): ModelEstimate {
  const ops = graphWork(graph).map((w) => opCost(w, target, runtime, options));
  const cycles = ops.reduce((s, o) => s + o.cycles, 0);
  const { value, calibrated } = runtimeEfficiency(target, runtime, options.fit ?? NN_FIT);
  return {
    runtime,
    target: target.name,
    clockMhz: target.clockMhz,
    ops,
    macs: ops.reduce((s, o) => s + o.work.macs, 0),
    cycles,
    ms: cycles / (target.clockMhz * 1000),
    efficiency: value,
    calibrated,
  };
}
