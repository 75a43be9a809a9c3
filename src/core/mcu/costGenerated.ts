/**
 * What the studio's generated C (codegen/c: tml_convolution.c, tml_fully_connected.c, tml_pooling.c,
 * tml_softmax.c) executes per unit of work. The kernels are generic loops over a parameter struct, so the
 * counts are those of the instructions GCC emits for them (arm-none-eabi-gcc -Os -mcpu=cortex-m4, read off the
 * disassembly; the loop bounds and shapes are loaded from the struct, a few locals are spilled to the stack):
 * - CONV_2D: per window tap the bounds test, two NHWC index computations (four MLAs), the input-offset set-up
 *   and the entry of tml_dot_int8; its DSP loop (two word loads, four SXTB16/SXTAB16, two SMLAD per 4 MACs,
 *   with spills) and its scalar tail (per MAC two byte loads and an MLA);
 * - DEPTHWISE_CONV_2D: per in-bounds tap both indices and one MAC, no inner loop;
 * - every int8 output: the requantize call (MultiplyByQuantizedMultiplier with SMULL, the nudge, the rounding
 *   shift, the offset and the clamp);
 * - SOFTMAX: gemmlowp's fixed-point exp twice per value (sum, then output), each about eight SRDHM calls.
 * The same counts stand for other Thumb-2 cores (the same source, the same compiler); other ISAs are estimated
 * with them. The DSP-extension path of tml_dot_int8 is taken where the core has it (__ARM_FEATURE_DSP).
 */
import type { Mix } from './costMix';
import { sumMixes } from './costMix';
import type { KernelPlan } from './costPlan';
import type { OpWork } from './opWork';

/** One loop of the kernel's outer nest: bound load, compare, the taken branch back. */
const LOOP_STEP: Mix = { int: { load: 1, alu: 2, branch: 1 } };
/** Per output channel of a convolution: the group's channel base (SDIV), bias add, the call, the store. */
const CONV_OUTPUT: Mix = { int: { load: 10, store: 5, alu: 10, mul: 1, divide: 1, branch: 4 } };
/** Per output of a depthwise convolution: the channel and multiplier loops, bias, the call, the store. */
const DEPTHWISE_OUTPUT: Mix = { int: { load: 12, store: 6, alu: 16, branch: 5 } };
/** requantize(): 9 loads, push and pop of 5 registers, SMULL, ≈ 36 ALU/IT/not-taken branches, the return. */
const REQUANTIZE_CALL: Mix = { int: { load: 15, store: 5, mul64: 1, alu: 36, branch: 2 } };
/** FULLY_CONNECTED inlines the requantisation: per output ≈ 70 instructions with the row set-up. */
const DENSE_OUTPUT: Mix = { int: { load: 12, store: 2, mul64: 1, alu: 52, branch: 3 } };
/** Per filter row of a window: the row index (MLA), its bounds test, the column loop entry and exit. */
const WINDOW_ROW: Mix = { int: { load: 6, store: 1, mul: 1, alu: 8, branch: 3 } };
/** Per in-bounds CONV_2D tap: bounds test, both NHWC indices, offset pair, tml_dot_int8 entry and exit tests. */
const CONV_TAP: Mix = { int: { load: 13, store: 1, mul: 7, alu: 15, branch: 2 } };
/** Per in-bounds depthwise tap: bounds test, both indices (five MUL/MLA), two byte loads, the MAC. */
const DEPTHWISE_TAP: Mix = { int: { load: 12, mul: 5, alu: 8, branch: 2 } };
/** Per tap outside the image: the index, the failed bounds test and the loop step. */
const OUTSIDE_TAP: Mix = { int: { load: 3.5, mul: 1, alu: 3.5, branch: 3 } };
/** tml_dot_int8's DSP loop per 4 MACs in CONV_2D (with four stack spills) and in FULLY_CONNECTED (one). */
const CONV_DOT4: Mix = { int: { load: 6, store: 4, unpack: 4, dualMac: 2, alu: 6, branch: 2 } };
const DENSE_DOT4: Mix = { int: { load: 3, store: 1, unpack: 4, dualMac: 2, alu: 5, branch: 2 } };
/** tml_dot_int8's scalar loop per MAC (the tail on DSP cores, all of it elsewhere). */
const CONV_DOT1: Mix = { int: { load: 4, store: 1, mul: 1, alu: 3, branch: 2 } };
const DENSE_DOT1: Mix = { int: { load: 2, mul: 1, alu: 3, branch: 2 } };

/** gemmlowp SaturatingRoundingDoublingHighMul as an outlined call: SMULL, the nudge in 64 bits, the shift. */
const SRDHM_CALL: Mix = { int: { mul64: 1, alu: 16, load: 2, store: 2, branch: 2 } };
/**
 * One exp_on_negative_values: the beta rescale and the polynomial (six SRDHMs), the barrel shifter's seven
 * tests with a multiply for each set bit of the remainder (taken as half of the five that can be set).
 */
const SOFTMAX_EXP: Mix = sumMixes([
  [SRDHM_CALL, 6 + 2.5],
  [{ int: { load: 4, alu: 40, branch: 8 } }, 1],
]);
/** Per row: the reciprocal of the sum (Newton-Raphson: seven SRDHMs) and the loops' set-up. */
const SOFTMAX_ROW: Mix = sumMixes([
  [SRDHM_CALL, 7],
  [{ int: { load: 8, alu: 40, branch: 6 } }, 1],
]);
/** Per value: the max pass, then the sum and output passes, each with one exp; the output's rounding shift. */
const SOFTMAX_VALUE: Mix = sumMixes([
  [SOFTMAX_EXP, 2],
  [{ int: { load: 6, store: 1, alu: 30, branch: 4 } }, 1],
]);

/** A window read of pooling and MEAN: the cell index (three MLAs), the load, the compare or add, the step. */
const POOL_READ: Mix = { int: { load: 3, mul: 3, alu: 3, branch: 1 } };
const POOL_OUTPUT: Mix = { int: { load: 6, store: 1, alu: 12, branch: 3 } };
/** int8 ADD: both inputs' rescale (three multiply-by-quantized-multiplier in line) and the clamp per value. */
const ADD_VALUE: Mix = { int: { load: 10, store: 1, mul64: 3, alu: 60, branch: 3 } };

function plan(
  path: string,
  group: KernelPlan['group'],
  terms: ReadonlyArray<readonly [Mix, number]>,
  constantReads: number,
): KernelPlan {
  return { path, group, mix: sumMixes(terms), constantReads };
}

/** The window taps of a convolution: all of them, those inside the image, and the filter rows visited. */
function windowCounts(w: OpWork) {
  const taps = w.outputElements * w.kernelH * w.kernelW;
  const inside = w.family === 'depthwise' ? w.inBoundsMacs : w.inBoundsMacs / Math.max(1, w.tapDepth);
  return { inside, outside: taps - inside, rows: w.outputElements * w.kernelH };
}

/** The dot product's loop iterations per tap: DSP blocks of four and the scalar rest. */
function dotTerms(depth: number, dsp: boolean, dot4: Mix, dot1: Mix): Array<readonly [Mix, number]> {
  const blocks = dsp ? Math.floor(depth / 4) : 0;
  return [
    [dot4, blocks],
    [dot1, depth - 4 * blocks],
  ];
}

/**
 * The generated kernel of an int8 op. `dsp`: the core has the DSP extension, so tml_dot_int8 takes its SMLAD
 * path. `reads`: the weight bytes read per inference for that op's re-read pattern (costKernels.ts).
 */
export function generatedInt8Plan(w: OpWork, dsp: boolean, reads: number): KernelPlan {
  switch (w.family) {
    case 'conv': {
      const { inside, outside, rows } = windowCounts(w);
      return plan(
        'tml_conv_2d_int8',
        'window',
        [
          ...dotTerms(w.tapDepth, dsp, CONV_DOT4, CONV_DOT1).map(([m, n]) => [m, n * inside] as const),
          [CONV_TAP, inside],
          [OUTSIDE_TAP, outside],
          [WINDOW_ROW, rows],
          [CONV_OUTPUT, w.outputElements],
          [REQUANTIZE_CALL, w.outputElements],
          [LOOP_STEP, w.outputPixels],
        ],
        reads,
      );
    }
    case 'depthwise': {
      const { inside, outside, rows } = windowCounts(w);
      return plan(
        'tml_depthwise_conv_2d_int8',
        'window',
        [
          [DEPTHWISE_TAP, inside],
          [OUTSIDE_TAP, outside],
          [WINDOW_ROW, rows],
          [DEPTHWISE_OUTPUT, w.outputElements],
          [REQUANTIZE_CALL, w.outputElements],
          [LOOP_STEP, w.outputPixels],
        ],
        reads,
      );
    }
    case 'fullyConnected':
      return plan(
        'tml_fully_connected_int8',
        'matrix',
        [
          ...dotTerms(w.tapDepth, dsp, DENSE_DOT4, DENSE_DOT1).map(
            ([m, n]) => [m, n * w.outputElements] as const,
          ),
          [DENSE_OUTPUT, w.outputElements],
        ],
        reads,
      );
    case 'pool':
    case 'mean':
      return plan(
        w.family === 'mean' ? 'tml_mean_int8' : `tml_${w.kind.toLowerCase()}_int8`,
        'other',
        [
          [POOL_READ, w.windowReads],
          [POOL_OUTPUT, w.outputElements],
          [{ int: { divide: 1 } }, w.kind === 'MAX_POOL_2D' ? 0 : w.outputElements],
          [REQUANTIZE_CALL, w.family === 'mean' ? w.outputElements : 0],
        ],
        0,
      );
    case 'softmax':
      return plan(
        'tml_softmax_int8',
        'other',
        [
          [SOFTMAX_VALUE, w.outputElements],
          [SOFTMAX_ROW, w.outputElements / w.outputChannels],
        ],
        0,
      );
    case 'add':
      return plan('tml_add_int8', 'other', [[ADD_VALUE, w.outputElements]], 0);
    default:
      throw new RangeError(`no generated int8 kernel plan for ${w.family}`);
  }
}

/** The float32 inner loop per MAC (two VLDR, VMLA, the index step) and the bias, clamp and store per output. */
const FLOAT_MAC: Mix = { single: { mac: 1 }, int: { load: 2, alu: 2, branch: 1 } };
const FLOAT_OUTPUT: Mix = { single: { add: 1 }, int: { load: 8, store: 4, alu: 12, branch: 5 } };

/** The generated float32 CONV_2D, DEPTHWISE_CONV_2D or FULLY_CONNECTED: the int8 kernels' loop nest, float MACs. */
export function generatedFloat32Plan(w: OpWork, reads: number): KernelPlan {
  if (w.family === 'fullyConnected')
    return plan(
      'tml_fully_connected_f32',
      'matrix',
      [
        [FLOAT_MAC, w.macs],
        [FLOAT_OUTPUT, w.outputElements],
      ],
      reads,
    );
  const { inside, outside, rows } = windowCounts(w);
  return plan(
    w.family === 'depthwise' ? 'tml_depthwise_conv_2d_f32' : 'tml_conv_2d_f32',
    'window',
    [
      [FLOAT_MAC, w.inBoundsMacs],
      [w.family === 'depthwise' ? DEPTHWISE_TAP : CONV_TAP, inside],
      [OUTSIDE_TAP, outside],
      [WINDOW_ROW, rows],
      [FLOAT_OUTPUT, w.outputElements],
      [LOOP_STEP, w.outputPixels],
    ],
    reads,
  );
}
