/**
 * What the studio's generated DSP C (codegen/dsp) executes per unit of work, the instructions GCC emits for it
 * (arm-none-eabi-gcc -Os -mcpu=cortex-m4 -mfloat-abi=hard, read off the disassembly): float loads and stores
 * count as loads and stores, VMLA/VMLS as a float MAC, loop steps and compares as ALU work. The FFT is the
 * generated one: the n/2-point complex transform in radix 4 (a radix-2 first stage when log2(n/2) is odd) from
 * bit-reversed packing, then the split into the real power spectrum.
 */
import type { Mix } from './costMix';
import { sumMixes } from './costMix';

/** Packing one complex point in bit-reversed order; a sample pair inside the input adds its two copies. */
const PACK_POINT: Mix = { int: { load: 3, store: 2, alu: 7, branch: 2 } };
const PACK_SAMPLES: Mix = { int: { load: 2, store: 2, alu: 1 } };
/** A radix-2 butterfly of the first stage: two complex adds. */
const RADIX2_BUTTERFLY: Mix = { single: { add: 4 }, int: { load: 4, store: 4, alu: 6, branch: 1 } };
/** A radix-4 butterfly: 3 complex twiddle products (6 VMUL, 6 VMLA/VNMLS), 16 adds, 8 values in and out. */
const RADIX4_BUTTERFLY: Mix = {
  single: { mul: 6, mac: 6, add: 16 },
  int: { load: 16, store: 11, alu: 11, branch: 1 },
};
/** The twiddle loads and index set-up of one butterfly group (one j of a stage). */
const RADIX4_GROUP: Mix = { int: { load: 12, store: 6, alu: 24, branch: 4 } };
/** One bin of the split into the real spectrum and its |X|²: 6 loads, 4 adds, 6 multiplies, 5 MACs, a store. */
const SPLIT_BIN: Mix = { single: { add: 4, mul: 6, mac: 5 }, int: { load: 6, store: 1, alu: 2, branch: 1 } };

/** The generated real FFT's power spectrum of n points from `inputs` samples (the rest zero-padded). */
export function generatedPowerSpectrumMix(n: number, inputs: number): Mix {
  const half = n / 2;
  const log2 = Math.round(Math.log2(half));
  const radix2First = log2 % 2 === 1;
  const radix4Stages = Math.floor(log2 / 2);
  // Groups per radix-4 stage: q = 1, 4, 16, … (2, 8, 32, … after a radix-2 first stage).
  let groups = 0;
  for (let s = 0, q = radix2First ? 2 : 1; s < radix4Stages; s++, q *= 4) groups += q;
  return sumMixes([
    [PACK_POINT, half],
    [PACK_SAMPLES, Math.min(inputs, n) / 2],
    [RADIX2_BUTTERFLY, radix2First ? half / 2 : 0],
    [RADIX4_BUTTERFLY, (radix4Stages * half) / 4],
    [RADIX4_GROUP, groups],
    [SPLIT_BIN, half + 1],
  ]);
}

/** A pass that reads, scales and writes each value. */
export const GENERATED_SCALE_VALUE: Mix = {
  single: { mul: 1 },
  int: { load: 1, store: 1, alu: 1, branch: 1 },
};
/** One value through one second-order section (transposed direct form II, coefficients reloaded). */
export const GENERATED_SOS_SECTION: Mix = {
  single: { mac: 3, mul: 2, add: 1 },
  int: { load: 7, store: 2, alu: 6, branch: 1 },
};
/** The per-value loop around the sections: the value in and out. */
export const GENERATED_SOS_VALUE: Mix = { int: { load: 3, store: 1, alu: 3, branch: 1 } };
/** numpy's pairwise mean and its subtraction, per value. */
export const GENERATED_MEAN_VALUE: Mix = {
  single: { add: 2 },
  int: { load: 2, store: 1, alu: 3, branch: 2 },
};
/** statistics(): three passes per value (sums; central m2; z³ and z⁴). */
export const GENERATED_MOMENT_VALUE: Mix = {
  single: { add: 6, mul: 2, mac: 4 },
  int: { load: 3, alu: 3, branch: 3 },
};
/** statistics() per call: five divisions, one square root, the stores. */
export const GENERATED_MOMENT_FINISH: Mix = {
  single: { div: 5, sqrt: 1, add: 4, mul: 2 },
  int: { load: 6, store: 8, alu: 16, branch: 3 },
};
/** The max-hold of one bin over the frames: scale, compare, store when larger. */
export const GENERATED_MAX_HOLD_BIN: Mix = {
  single: { mul: 1 },
  int: { load: 1, store: 0.5, alu: 3, branch: 1 },
};
/** A logarithm of a kept value (log10f, logf), with its zero test. */
export const GENERATED_LOG: Mix = {
  single: { log: 1, mul: 1 },
  int: { load: 1, store: 1, alu: 5, branch: 2 },
};

/** Pre-emphasis of one frame sample: the sample, the earlier one (wrapped), a VMLS, the store. */
export const GENERATED_PREEMPHASIS_SAMPLE: Mix = {
  single: { mac: 1 },
  int: { load: 3, store: 1, alu: 6, branch: 1 },
};
/** A float MAC of the mel filterbank (its loop test and step are two branches) or of the DCT (one). */
export const GENERATED_MEL_MAC: Mix = { single: { mac: 1 }, int: { load: 2, alu: 2, branch: 2 } };
export const GENERATED_DCT_MAC: Mix = { single: { mac: 1 }, int: { load: 2, alu: 2, branch: 1 } };
/** The set-up and store of one mel filter or one DCT row. */
export const GENERATED_ROW: Mix = { int: { load: 4, store: 1, alu: 8, branch: 2 } };
/** The frame energy: one add per power bin. */
export const GENERATED_SUM_BIN: Mix = { single: { add: 1 }, int: { load: 1, alu: 2, branch: 1 } };
/** CMVN per value: the centring and the normalisation passes (two divisions, a square root). */
export const GENERATED_CMVN_VALUE: Mix = {
  single: { add: 10, mul: 3, mac: 1, div: 3, sqrt: 1 },
  int: { load: 8, store: 3, alu: 16, branch: 4 },
};
/** CMVN per column and window row: the two initial window sums over the mirrored rows. */
export const GENERATED_CMVN_WINDOW_ROW: Mix = {
  single: { add: 2, mac: 0.5 },
  int: { load: 3, alu: 4, mul: 0.5, branch: 1 },
};
