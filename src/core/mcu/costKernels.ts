/**
 * Which loop runs an op under each runtime, and what that loop executes per unit of work (instruction mixes,
 * costMix.ts). The counts are read off the kernels' inner loops:
 * - TFLite Micro reference kernels (reference_integer_ops / reference_ops): one MAC per iteration with index
 *   arithmetic and a bounds check per window tap; requantisation with a 64-bit product per output.
 * - CMSIS-NN: with the DSP extension, 2 × 2 blocks of int8 read four at a time, widened by SXTB16 and
 *   accumulated by SMLAD (two MACs each); with Helium, 16-lane VMLADAVA (4 rows × 16 values per 9 vector
 *   instructions); on ARMv6-M its plain-C paths. On the ESP32-S3 the counterpart is Espressif's esp-nn (PIE).
 * - The studio's generated C: costGenerated.ts (int8) and costFloatKernels.ts (float32, RESHAPE, QUANTIZE).
 */
import type { IntegerSimd } from './cores';
import { float32Plan, reshapeOrConvert } from './costFloatKernels';
import { generatedInt8Plan } from './costGenerated';
import type { Mix } from './costMix';
import { addMix } from './costMix';
import { constantReads, plan, REFERENCE_TAP, taps, type KernelPlan, type Runtime } from './costPlan';
import type { OpWork } from './opWork';

export type { KernelPlan, Runtime } from './costPlan';

/** TFLM MultiplyByQuantizedMultiplier per output: bias and multiplier loads, SRDHM (64-bit product), rounding shift, offset, clamp. */
const REFERENCE_REQUANT: Mix = { int: { load: 3, mul64: 1, alu: 16, store: 1 } };
/** CMSIS-NN arm_nn_requantize: the same arithmetic with SMULL and packed stores. */
const CMSIS_REQUANT: Mix = { int: { load: 2, mul64: 1, alu: 10, store: 0.5 } };
/** CMSIS-NN MVE requantisation: ≈ 7 vector instructions per 4 outputs. */
const HELIUM_REQUANT: Mix = { int: { vector: 1.75 } };

/** Per MAC of the reference kernels' innermost loop: two loads, index increments, multiply-accumulate, loop branch. */
const REFERENCE_MAC: Mix = { int: { load: 2, alu: 3, mul: 1, branch: 1 } };
const REFERENCE_FC_MAC: Mix = { int: { load: 2, alu: 2, mul: 1, branch: 1 } };

/** arm_nn_mat_mult_nt_t_s8 (DSP): per 16 MACs of a 2 × 2 × 4 block, 4 word loads, 8 SXTB16, 8 SMLAD, 1 loop step. */
const DSP_MATMUL_MAC: Mix = { int: { load: 0.25, unpack: 0.5, dualMac: 0.5, alu: 0.0625, branch: 0.0625 } };
/** arm_nn_mat_mult_kernel_s8_s16 (DSP) on an int16 im2col buffer: 6 loads, 4 SXTB16, 8 SMLAD per 16 MACs. */
const DSP_IM2COL_MAC: Mix = { int: { load: 0.375, unpack: 0.25, dualMac: 0.5, alu: 0.0625, branch: 0.0625 } };
/** arm_q7_to_q15_with_offset: per value one quarter word load, half an SXTAB16, half a store, window bookkeeping. */
const DSP_IM2COL_VALUE: Mix = { int: { load: 0.25, unpack: 0.5, store: 0.5, alu: 0.25 } };
/** arm_depthwise_conv_s8_opt (DSP): per 4 channels of one tap, 3 loads, 3 unpack/pack, 2 SMLAD and pairing. */
const DSP_DEPTHWISE_MAC: Mix = { int: { load: 0.75, unpack: 0.75, dualMac: 0.5, alu: 0.5 } };
/** arm_nn_vec_mat_mult_t_s8 (DSP): per 8 MACs (2 rows × 4), 3 loads, 6 SXTB16/SXTAB16, 4 SMLAD. */
const DSP_FC_MAC: Mix = { int: { load: 0.375, unpack: 0.75, dualMac: 0.5, alu: 0.0625, branch: 0.0625 } };

/**
 * CMSIS-NN's plain-C paths (no DSP extension): 2 × 2 blocking makes each load feed two MACs; per 4 MACs two
 * input-offset adds and two pointer steps.
 */
const SCALAR_MATMUL_MAC: Mix = { int: { load: 1, mul: 1, alu: 1, branch: 0.25 } };
const SCALAR_IM2COL_VALUE: Mix = { int: { load: 1, alu: 1, store: 1 } };
const SCALAR_DEPTHWISE_MAC: Mix = { int: { load: 2, mul: 1, alu: 1, branch: 0.5 } };
const SCALAR_FC_MAC: Mix = { int: { load: 1.5, mul: 1, alu: 1, branch: 0.25 } };

/** Helium: 9 vector instructions per 64 MACs of a matrix product; depthwise in 32-bit lanes, 3 per 4 MACs. */
const HELIUM_MATMUL_MAC: Mix = { int: { vector: 9 / 64 } };
const HELIUM_IM2COL_VALUE: Mix = { int: { vector: 1 / 16, alu: 0.05 } };
const HELIUM_DEPTHWISE_MAC: Mix = { int: { vector: 0.75 } };
/** esp-nn on the ESP32-S3: EE.VMULAS.S8 (16 MACs) with its loads; depthwise in narrower lanes (estimated). */
const PIE_MATMUL_MAC: Mix = { int: { vector: 0.15 } };
const PIE_IM2COL_VALUE: Mix = { int: { vector: 1 / 16, alu: 0.1 } };
const PIE_DEPTHWISE_MAC: Mix = { int: { vector: 0.4 } };

/** TFLM's interpreter per op: node and registration lookup, eval-tensor fetches, RuntimeShape copies, the call. */
export const TFLM_DISPATCH: Mix = { int: { load: 120, store: 80, alu: 250, branch: 40 } };
/** The CMSIS-NN wrapper's per-call set-up on top (cmsis_nn_dims structs, kernel choice, scratch buffer). */
export const CMSIS_WRAPPER: Mix = { int: { load: 20, store: 40, alu: 60, branch: 10 } };
/** A generated build calls each layer's function with constant pointers. */
export const GENERATED_CALL: Mix = { int: { load: 4, store: 2, alu: 8, branch: 2 } };
/**
 * A kernel's Prepare (TFLM Init/Prepare: tensor look-ups, persistent buffers, activation range), which Edge
 * Impulse's EON runs at every inference (model_init before and model_reset after each invoke).
 */
export const PREPARE_OP: Mix = { int: { load: 150, store: 150, alu: 400, branch: 60 } };
/** One QuantizeMultiplier in Prepare: scale ratio and frexp in double, rounding, the 64-bit shift. */
export const PREPARE_MULTIPLIER: Mix = { double: { mul: 2, div: 1, add: 1, convert: 2 }, int: { alu: 40 } };

const im2colValues = (w: OpWork) => w.outputPixels * w.kernelH * w.kernelW * w.tapDepth;
const isPointwise = (w: OpWork) =>
  w.kernelH === 1 &&
  w.kernelW === 1 &&
  w.paddingFraction === 0 &&
  w.tapDepth % 4 === 0 &&
  w.inputShape[1] === w.outputShape[1];

function int8Conv(w: OpWork, runtime: Runtime, simd: IntegerSimd, cache: number): KernelPlan {
  if (runtime === 'tflm-reference')
    return plan(
      'reference_integer_ops::ConvPerChannel',
      'window',
      [
        [REFERENCE_MAC, w.inBoundsMacs],
        [REFERENCE_TAP, taps(w)],
        [REFERENCE_REQUANT, w.outputElements],
      ],
      constantReads(w, w.outputPixels, cache),
    );
  const pointwise = isPointwise(w);
  if (simd === 'helium' || simd === 'pie') {
    const [mac, im2col, requant] =
      simd === 'helium'
        ? [HELIUM_MATMUL_MAC, HELIUM_IM2COL_VALUE, HELIUM_REQUANT]
        : [PIE_MATMUL_MAC, PIE_IM2COL_VALUE, CMSIS_REQUANT];
    return plan(
      simd === 'helium' ? 'arm_convolve_s8 (MVE)' : 'esp_nn_conv_s8 (PIE)',
      'window',
      [
        [mac, w.macs],
        [im2col, pointwise ? 0 : im2colValues(w)],
        [requant, w.outputElements],
      ],
      constantReads(w, Math.ceil(w.outputPixels / 4), cache),
    );
  }
  const passes = Math.ceil(w.outputPixels / 2);
  if (simd === 'dsp')
    return pointwise
      ? plan(
          'arm_convolve_1x1_s8_fast',
          'window',
          [
            [DSP_MATMUL_MAC, w.macs],
            [CMSIS_REQUANT, w.outputElements],
          ],
          constantReads(w, passes, cache),
        )
      : plan(
          'arm_convolve_s8',
          'window',
          [
            [DSP_IM2COL_VALUE, im2colValues(w)],
            [DSP_IM2COL_MAC, w.macs],
            [CMSIS_REQUANT, w.outputElements],
          ],
          constantReads(w, passes, cache),
        );
  return plan(
    'arm_convolve_s8 (C)',
    'window',
    [
      [SCALAR_IM2COL_VALUE, pointwise ? 0 : im2colValues(w)],
      [SCALAR_MATMUL_MAC, w.macs],
      [CMSIS_REQUANT, w.outputElements],
    ],
    constantReads(w, passes, cache),
  );
}

function int8Depthwise(w: OpWork, runtime: Runtime, simd: IntegerSimd, cache: number): KernelPlan {
  const reads = constantReads(w, w.outputPixels, cache);
  if (runtime === 'tflm-reference')
    return plan(
      'reference_integer_ops::DepthwiseConvPerChannel',
      'window',
      [
        [REFERENCE_MAC, w.inBoundsMacs],
        [REFERENCE_TAP, taps(w)],
        [REFERENCE_REQUANT, w.outputElements],
      ],
      reads,
    );
  const variants: Record<IntegerSimd, readonly [string, Mix, Mix, number]> = {
    dsp: ['arm_depthwise_conv_s8_opt', DSP_DEPTHWISE_MAC, CMSIS_REQUANT, w.macs],
    helium: ['arm_depthwise_conv_s8_opt (MVE)', HELIUM_DEPTHWISE_MAC, HELIUM_REQUANT, w.macs],
    pie: ['esp_nn_depthwise_conv_s8 (PIE)', PIE_DEPTHWISE_MAC, CMSIS_REQUANT, w.macs],
    none: ['arm_depthwise_conv_s8 (C)', SCALAR_DEPTHWISE_MAC, CMSIS_REQUANT, w.inBoundsMacs],
  };
  const [path, mac, requant, macs] = variants[simd];
  return plan(
    path,
    'window',
    [
      [mac, macs],
      [requant, w.outputElements],
    ],
    reads,
  );
}

function int8FullyConnected(w: OpWork, runtime: Runtime, simd: IntegerSimd, cache: number): KernelPlan {
  const reads = constantReads(w, w.outputElements / (w.weightShape?.[0] ?? 1), cache);
  if (runtime === 'tflm-reference')
    return plan(
      'reference_integer_ops::FullyConnected',
      'matrix',
      [
        [REFERENCE_FC_MAC, w.macs],
        [REFERENCE_REQUANT, w.outputElements],
      ],
      reads,
    );
  const variants: Record<IntegerSimd, readonly [string, Mix, Mix]> = {
    dsp: ['arm_fully_connected_s8', DSP_FC_MAC, CMSIS_REQUANT],
    helium: ['arm_fully_connected_s8 (MVE)', HELIUM_MATMUL_MAC, HELIUM_REQUANT],
    pie: ['esp_nn_fully_connected_s8 (PIE)', PIE_MATMUL_MAC, CMSIS_REQUANT],
    none: ['arm_fully_connected_s8 (C)', SCALAR_FC_MAC, CMSIS_REQUANT],
  };
  const [path, mac, requant] = variants[simd];
  return plan(
    path,
    'matrix',
    [
      [mac, w.macs],
      [requant, w.outputElements],
    ],
    reads,
  );
}

function int8Other(w: OpWork, runtime: Runtime, simd: IntegerSimd): KernelPlan {
  const optimised = runtime === 'tflm-cmsis-nn';
  const average = w.kind === 'AVERAGE_POOL_2D';
  switch (w.family) {
    case 'pool': {
      const read: Mix =
        optimised && simd === 'helium'
          ? { int: { vector: 1 / 16 } }
          : optimised && simd !== 'none'
            ? { int: { load: 0.25, alu: 0.75, branch: 0.125 } }
            : { int: { load: 1, alu: 1, branch: 0.5 } };
      const output: Mix = { int: { alu: 6, store: 1, divide: average ? 1 : 0 } };
      return plan(
        optimised ? (average ? 'arm_avgpool_s8' : 'arm_max_pool_s8') : 'pooling loop',
        'other',
        [
          [read, w.windowReads],
          [output, w.outputElements],
        ],
        0,
      );
    }
    case 'softmax': {
      // gemmlowp's exp_on_negative_values and a fixed-point reciprocal per row, after a max pass.
      const element: Mix = optimised
        ? { int: { load: 3, mul64: 4, alu: 31, store: 1 } }
        : { int: { load: 3, mul64: 6, alu: 51, store: 1 } };
      const row: Mix = optimised ? { int: { mul64: 8, alu: 40 } } : { int: { mul64: 10, alu: 60 } };
      const rows = w.outputElements / w.outputChannels;
      return plan(
        optimised ? 'arm_softmax_s8' : 'reference_integer_ops::Softmax',
        'other',
        [
          [element, w.outputElements],
          [row, rows],
        ],
        0,
      );
    }
    case 'add': {
      const element: Mix =
        optimised && simd === 'helium'
          ? { int: { vector: 2 } }
          : optimised
            ? { int: { load: 1, mul64: 3, alu: 20, store: 1 } }
            : { int: { load: 2, mul64: 3, alu: 30, store: 1 } };
      return plan(
        optimised ? 'arm_elementwise_add_s8' : 'reference_integer_ops::Add',
        'other',
        [[element, w.outputElements]],
        0,
      );
    }
    case 'mean':
      return plan(
        'reference_integer_ops::Mean',
        'other',
        [
          [{ int: { load: 1, alu: 1, branch: 0.5 } }, w.windowReads],
          [addMix(REFERENCE_REQUANT, { int: { divide: 1 } }), w.outputElements],
        ],
        0,
      );
    default:
      return reshapeOrConvert(w, runtime);
  }
}

/** The generated build's int8 kernels; the weights are re-read once per output pixel (FC: once per batch row). */
function generatedPlan(w: OpWork, simd: IntegerSimd, cache: number): KernelPlan {
  switch (w.family) {
    case 'reshape':
    case 'quantize':
    case 'dequantize':
      return reshapeOrConvert(w, 'studio-generated');
    case 'fullyConnected':
      return generatedInt8Plan(
        w,
        simd === 'dsp',
        constantReads(w, w.outputElements / (w.weightShape?.[0] ?? 1), cache),
      );
    default:
      return generatedInt8Plan(w, simd === 'dsp', constantReads(w, w.outputPixels, cache));
  }
}

/**
 * The loop that runs `w` under `runtime` on a core whose optimised library uses `simd`, with a data cache of
 * `dataCacheBytes` in front of the flash holding the weights.
 */
export function kernelPlan(
  w: OpWork,
  runtime: Runtime,
  simd: IntegerSimd,
  dataCacheBytes: number,
): KernelPlan {
  if (w.arithmetic === 'float32') return float32Plan(w, runtime, dataCacheBytes);
  if (runtime === 'studio-generated') return generatedPlan(w, simd, dataCacheBytes);
  switch (w.family) {
    case 'conv':
      return int8Conv(w, runtime, simd, dataCacheBytes);
    case 'depthwise':
      return int8Depthwise(w, runtime, simd, dataCacheBytes);
    case 'fullyConnected':
      return int8FullyConnected(w, runtime, simd, dataCacheBytes);
    default:
      return int8Other(w, runtime, simd);
  }
}
