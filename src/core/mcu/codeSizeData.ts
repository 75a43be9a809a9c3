/**
 * Measured code sizes (bytes of .text + .data in flash) of the two kinds of build a model can be deployed with,
 * all for a Cortex-M4F (arm-none-eabi-gcc 12.2, -Os -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16,
 * -ffunction-sections -fdata-sections, linked with --gc-sections and newlib-nano), read with arm-none-eabi-size:
 *
 * - TensorFlow Lite Micro 90b983c with its reference kernels and with its CMSIS-NN kernels (ARM_MATH_DSP): a
 *   program that registers some ops in a MicroMutableOpResolver, then AllocateTensors() and Invoke(). `base` is
 *   the program with no op registered (interpreter, allocator, greedy planner, flatbuffer reader, error strings,
 *   plus ≈ 1.9 KB of newlib-nano start-up and string routines). Each op's figure is its marginal cost: the
 *   program with all eleven ops minus the program with all but that op. `shared` is what the ops pull in
 *   together (quantisation helpers, tensor utilities, option parsers) beyond the sum of their marginals.
 * - The studio's generated C (src/core/codegen, kernel library as of this file): the size of each kernel
 *   function and helper (arm-none-eabi-nm -S), the per-layer parameter tables and the invoke function of the
 *   KWS model's generated build.
 *
 * Other cores are taken to need the same: Thumb-2 on the Cortex-M33 and M7 is close to it; the Cortex-M0+ (Thumb-1)
 * and the Xtensa LX7 compile differently and were not measured.
 */
import type { OpKind } from '../ir/graph';

export const TFLM_BUILD =
  'TFLite Micro 90b983c, arm-none-eabi-gcc 12.2 -Os for a Cortex-M4F, --gc-sections, measured with arm-none-eabi-size';

export interface TfliteMicroCodeTable {
  base: number;
  shared: number;
  perOp: Record<OpKind, number>;
}

export const TFLM_CODE: Record<'tflm-reference' | 'tflm-cmsis-nn', TfliteMicroCodeTable> = {
  'tflm-reference': {
    base: 19_032,
    shared: 9_740,
    perOp: {
      CONV_2D: 4_232,
      DEPTHWISE_CONV_2D: 3_696,
      FULLY_CONNECTED: 3_856,
      AVERAGE_POOL_2D: 1_576,
      MAX_POOL_2D: 1_632,
      RESHAPE: 1_628,
      SOFTMAX: 5_784,
      QUANTIZE: 2_116,
      DEQUANTIZE: 796,
      ADD: 5_508,
      MEAN: 3_784,
    },
  },
  'tflm-cmsis-nn': {
    base: 19_032,
    shared: 11_880,
    perOp: {
      CONV_2D: 22_476,
      DEPTHWISE_CONV_2D: 15_024,
      FULLY_CONNECTED: 10_328,
      AVERAGE_POOL_2D: 2_016,
      MAX_POOL_2D: 2_272,
      RESHAPE: 1_628,
      SOFTMAX: 7_884,
      QUANTIZE: 2_116,
      DEQUANTIZE: 792,
      ADD: 8_040,
      MEAN: 3_784,
    },
  },
};

/**
 * Whole programs measured beside the table, to check how well base + shared + Σ per-op predicts a build (the
 * shared part is counted in full, so small op sets come out a few per cent high).
 */
export const TFLM_CHECKS: ReadonlyArray<{
  runtime: 'tflm-reference' | 'tflm-cmsis-nn';
  ops: OpKind[];
  bytes: number;
}> = [
  {
    runtime: 'tflm-reference',
    ops: ['CONV_2D', 'DEPTHWISE_CONV_2D', 'AVERAGE_POOL_2D', 'RESHAPE', 'FULLY_CONNECTED', 'SOFTMAX'],
    bytes: 49_376,
  },
  { runtime: 'tflm-reference', ops: ['FULLY_CONNECTED', 'SOFTMAX'], bytes: 35_464 },
  {
    runtime: 'tflm-reference',
    ops: ['QUANTIZE', 'FULLY_CONNECTED', 'SOFTMAX', 'DEQUANTIZE'],
    bytes: 38_488,
  },
  {
    runtime: 'tflm-cmsis-nn',
    ops: ['CONV_2D', 'DEPTHWISE_CONV_2D', 'AVERAGE_POOL_2D', 'RESHAPE', 'FULLY_CONNECTED', 'SOFTMAX'],
    bytes: 89_972,
  },
  { runtime: 'tflm-cmsis-nn', ops: ['FULLY_CONNECTED', 'SOFTMAX'], bytes: 45_844 },
  {
    runtime: 'tflm-cmsis-nn',
    ops: ['QUANTIZE', 'FULLY_CONNECTED', 'SOFTMAX', 'DEQUANTIZE'],
    bytes: 49_032,
  },
];

/**
 * TFLite Micro's RAM outside the arena: its .data and .bss (292 B with no op, up to 312 B with kernels), the
 * MicroInterpreter object (208 B) and the MicroMutableOpResolver<N> (12 B + 36 B per op type), the usual
 * static objects of a sketch (sizeof read from the same compiler).
 */
export const TFLM_STATICS = { data: 312, interpreter: 208, resolverBase: 12, resolverPerOp: 36 };

export const GENERATED_BUILD =
  "the studio's generated C kernel library, arm-none-eabi-gcc 12.2 -Os for a Cortex-M4F, function sizes from arm-none-eabi-nm";

/** Sizes of the generated kernel library's functions, helpers and the library routines they call. */
export const GENERATED_FUNCTIONS: Record<string, number> = {
  tml_conv_2d_int8: 416,
  tml_conv_2d_f32: 396,
  tml_depthwise_conv_2d_int8: 320,
  tml_depthwise_conv_2d_f32: 388,
  requantize: 152,
  tml_fully_connected_int8: 340,
  tml_fully_connected_f32: 188,
  tml_max_pool_2d_int8: 184,
  tml_max_pool_2d_f32: 224,
  tml_average_pool_2d_int8: 224,
  tml_average_pool_2d_f32: 236,
  bounds_of: 60,
  tml_softmax_int8: 360,
  tml_softmax_f32: 200,
  exp_of_difference: 144,
  tml_saturating_rounding_doubling_high_mul: 72,
  tml_rounding_divide_by_pot: 28,
  exp_of_minus_power_of_two: 28,
  tml_add_int8: 160,
  tml_add_f32: 142,
  cursor_advance: 76,
  tml_multiply_by_quantized_multiplier_smaller_than_one: 100,
  tml_mean_int8: 236,
  tml_mean_f32: 104,
  layout_of: 50,
  input_index: 64,
  tml_quantize_f32_to_int8: 38,
  tml_quantize_value: 96,
  tml_requantize_int8: 184,
  tml_dequantize_int8_to_f32: 42,
  /** newlib's double exp with the soft double routines a single-precision FPU needs (measured link delta). */
  'libm exp': 3_672,
  /** newlib's roundf (measured link delta). */
  'libm roundf': 104,
};

type Arithmetic = 'int8' | 'float32';

/** The functions each op needs in the generated build (RESHAPE needs none: it renames a buffer). */
export const GENERATED_KERNELS: Record<OpKind, Record<Arithmetic, string[]>> = {
  CONV_2D: { int8: ['tml_conv_2d_int8', 'requantize'], float32: ['tml_conv_2d_f32'] },
  DEPTHWISE_CONV_2D: {
    int8: ['tml_depthwise_conv_2d_int8', 'requantize'],
    float32: ['tml_depthwise_conv_2d_f32'],
  },
  FULLY_CONNECTED: { int8: ['tml_fully_connected_int8'], float32: ['tml_fully_connected_f32'] },
  MAX_POOL_2D: { int8: ['tml_max_pool_2d_int8', 'bounds_of'], float32: ['tml_max_pool_2d_f32', 'bounds_of'] },
  AVERAGE_POOL_2D: {
    int8: ['tml_average_pool_2d_int8', 'bounds_of'],
    float32: ['tml_average_pool_2d_f32', 'bounds_of'],
  },
  SOFTMAX: {
    int8: [
      'tml_softmax_int8',
      'exp_of_difference',
      'tml_saturating_rounding_doubling_high_mul',
      'tml_rounding_divide_by_pot',
      'exp_of_minus_power_of_two',
    ],
    float32: ['tml_softmax_f32', 'libm exp'],
  },
  ADD: {
    int8: ['tml_add_int8', 'cursor_advance', 'tml_multiply_by_quantized_multiplier_smaller_than_one'],
    float32: ['tml_add_f32', 'cursor_advance'],
  },
  MEAN: {
    int8: ['tml_mean_int8', 'layout_of', 'input_index'],
    float32: ['tml_mean_f32', 'layout_of', 'input_index'],
  },
  QUANTIZE: {
    int8: ['tml_requantize_int8'],
    float32: ['tml_quantize_f32_to_int8', 'tml_quantize_value', 'libm roundf'],
  },
  DEQUANTIZE: { int8: ['tml_dequantize_int8_to_f32'], float32: ['tml_dequantize_int8_to_f32'] },
  RESHAPE: { int8: [], float32: [] },
};

/**
 * The generated model file beyond its constants: the invoke function (≈ 24 B per layer call plus its checks,
 * 320 B for the KWS model's 12 calls), the input and output conversion functions (92 B), and each layer's
 * parameter table (shapes, strides, zero points: 956 B for its 11 layers with code, ≈ 88 B each).
 */
export const GENERATED_MODEL = { invokeBase: 32, perCall: 24, ioFunctions: 92, perLayerTable: 88 };

/**
 * The KWS model's generated build linked with a main that converts features, invokes and reads the output back
 * (the program's flash minus an empty program's), to check the generated figures against.
 */
export const GENERATED_CHECK = { model: 'kws_ref_model', bytes: 32_732 };
