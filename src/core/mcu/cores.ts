/**
 * Per-core-family timing facts the cost model counts in (cost.ts, dspCost.ts): the cycles one instruction of each
 * class takes inside a loop, what the integer SIMD of the core is, and what each float operation costs with the
 * core's FPU or as a software routine. Every figure names where it comes from; "estimated" marks a path-length
 * estimate of ours rather than a published number. Nothing here is fitted: the fit to published measurements is
 * one efficiency factor per core (calibrationFit.ts), so these numbers keep their physical meaning.
 */

export type CoreFamily =
  'cortex-m0plus' | 'cortex-m4f' | 'cortex-m7' | 'cortex-m33' | 'cortex-m55' | 'cortex-m85' | 'xtensa-lx7';

/**
 * Integer SIMD an optimised kernel library can use: none (ARMv6-M), the DSP extension (SMLAD, SXTB16: two 16-bit
 * MACs per instruction), Helium (M-profile vector extension, 16 int8 lanes) or the ESP32-S3's PIE (128-bit).
 */
export type IntegerSimd = 'none' | 'dsp' | 'helium' | 'pie';

/** Cycles of one instruction of each class in a steady loop (pipeline effects included, caches hit). */
export interface InstructionCycles {
  /** A load (byte, halfword or word) among independent loads. */
  load: number;
  store: number;
  /** Add, subtract, shift, compare, move, sign-extend. */
  alu: number;
  /** 32-bit multiply or multiply-accumulate. */
  mul: number;
  /** 32 × 32 → 64-bit product (SMULL), as requantisation needs; a library call where the ISA has none. */
  mul64: number;
  /** A taken loop branch, refill included. */
  branch: number;
  /** An integer division (UDIV/SDIV; a library call where the ISA has none). */
  divide: number;
  /** SXTB16 / SXTAB16: four int8 → two pairs of int16 (DSP extension only). */
  unpack: number;
  /** SMLAD: two 16 × 16 MACs into a 32-bit accumulator (DSP extension only). */
  dualMac: number;
  /** One 128-bit vector instruction (Helium, PIE) in a chain of loads and MACs, beats overlapped. */
  vector: number;
}

/** Cycles of one float operation as compiled C calls it (software routines include the call). */
export interface FloatCosts {
  add: number;
  mul: number;
  /** a·b + c accumulated in a loop (a fused or chained multiply-add, or mul + add in software). */
  mac: number;
  div: number;
  sqrt: number;
  /** Float ↔ int conversion. */
  convert: number;
  /** log, log10, exp (the C library's routine). */
  log: number;
  exp: number;
  /** sin, cos, tan. */
  trig: number;
}

export interface CoreModel {
  family: CoreFamily;
  name: string;
  architecture: string;
  simd: IntegerSimd;
  instructions: InstructionCycles;
  /** Costs of float32 operations on the core's single-precision FPU (cores that have one on the listed parts). */
  singleFpu: FloatCosts | null;
  /** Costs of float64 operations on a double-precision FPU, for parts that have one. */
  doubleFpu: FloatCosts | null;
  /** Software float32 and float64 routines (libgcc and newlib), used where the part has no such FPU. */
  softSingle: FloatCosts;
  softDouble: FloatCosts;
  /** Where the figures come from. */
  source: string;
}

const NOT_AVAILABLE = Number.POSITIVE_INFINITY;

/**
 * GCC's soft float on ARMv6-M, measured by Qfplib's author on a Cortex-M0 (LPC11U68, single-cycle flash):
 * fadd 102, fmul 166, fdiv 475, fsqrt 460, fln 3960, fexp 1930, fsin ≈ 3300 cycles; dadd 168, dmul 377,
 * ddiv 1190, dsqrt 1305, dln 4375, dexp 6655, dsin 5854 (quinapalus.com, Qfplib-M0-full speed table).
 * Conversions are not in the table: estimated from the routines' path length.
 */
const V6M_SOFT_SINGLE: FloatCosts = {
  add: 102,
  mul: 166,
  mac: 268,
  div: 475,
  sqrt: 460,
  convert: 60,
  log: 3960,
  exp: 1930,
  trig: 3300,
};
const V6M_SOFT_DOUBLE: FloatCosts = {
  add: 168,
  mul: 377,
  mac: 545,
  div: 1190,
  sqrt: 1305,
  convert: 60,
  log: 4375,
  exp: 6655,
  trig: 5854,
};

/**
 * libgcc's float64 routines on ARMv7-M / ARMv8-M Mainline are hand-written Thumb-2 (ieee754-df.S) and use the
 * 1-cycle UMULL: estimated from their path lengths at about a third of the ARMv6-M figures above; newlib's
 * double log/exp/sin run ≈ 40 such operations.
 */
const V7M_SOFT_DOUBLE: FloatCosts = {
  add: 60,
  mul: 55,
  mac: 115,
  div: 350,
  sqrt: 500,
  convert: 20,
  log: 2500,
  exp: 2500,
  trig: 3000,
};
/** libgcc's float32 routines on ARMv7-M (only used on an M33/M4 built without its FPU): estimated likewise. */
const V7M_SOFT_SINGLE: FloatCosts = {
  add: 45,
  mul: 40,
  mac: 85,
  div: 200,
  sqrt: 300,
  convert: 20,
  log: 1500,
  exp: 1500,
  trig: 1800,
};

/**
 * FPv4-SP / FPv5-SP timings from the Cortex-M4 and M33 Technical Reference Manuals: VADD/VMUL 1 cycle,
 * VMLA/VFMA 3 (a dependent accumulation waits for it), VDIV and VSQRT 14, VCVT 1; newlib's logf/expf ≈ 25
 * FPU operations and a table lookup (estimated).
 */
const FPV4_SINGLE: FloatCosts = {
  add: 1,
  mul: 1,
  mac: 3,
  div: 14,
  sqrt: 14,
  convert: 1,
  log: 80,
  exp: 80,
  trig: 120,
};

/** Cortex-M7 FPv5: single precision as above; double precision (on parts with the DP unit) VADD.F64 2, VMUL.F64 3, VDIV/VSQRT.F64 ≈ 30 (Cortex-M7 TRM). */
const FPV5_DOUBLE: FloatCosts = {
  add: 2,
  mul: 3,
  mac: 4,
  div: 30,
  sqrt: 30,
  convert: 1,
  log: 150,
  exp: 150,
  trig: 200,
};

/**
 * The Cortex-M4 and M33 integer pipelines (3 stages; Cortex-M4 TRM instruction timing): LDR 2 cycles, 1 when it
 * follows another load (so ≈ 1.25 in loops of four); ALU, MUL/MLA, SMULL, SXTB16 and SMLAD 1 cycle; a taken
 * branch 1 + refill ≈ 2; UDIV/SDIV 2–12 cycles by operand size (≈ 7).
 */
const ARMV7EM_SCALAR: InstructionCycles = {
  load: 1.25,
  store: 1,
  alu: 1,
  mul: 1,
  mul64: 1,
  branch: 2,
  divide: 7,
  unpack: 1,
  dualMac: 1,
  vector: NOT_AVAILABLE,
};

/** The numbers the studio uses for each core family. */
export const CORES: Record<CoreFamily, CoreModel> = {
  'cortex-m0plus': {
    family: 'cortex-m0plus',
    name: 'Arm Cortex-M0+',
    architecture: 'ARMv6-M',
    simd: 'none',
    // Cortex-M0+ TRM: 2-stage pipeline, every load/store 2 cycles, taken branch 2, MULS 1 cycle on parts with the
    // fast multiplier (RP2040, STM32G0) but no multiply-accumulate, so an MLA is MULS + ADDS (2); no 64-bit multiply (__aeabi_lmul ≈ 4 MULS plus shifts and adds) and no
    // divide instruction (__aeabi_idiv), both estimated from the routines' path length.
    instructions: {
      load: 2,
      store: 2,
      alu: 1,
      mul: 2,
      mul64: 20,
      branch: 2,
      divide: 40,
      unpack: NOT_AVAILABLE,
      dualMac: NOT_AVAILABLE,
      vector: NOT_AVAILABLE,
    },
    singleFpu: null,
    doubleFpu: null,
    softSingle: V6M_SOFT_SINGLE,
    softDouble: V6M_SOFT_DOUBLE,
    source:
      'Arm Cortex-M0+ Technical Reference Manual (instruction timing); Qfplib-M0-full speed table for soft float',
  },
  'cortex-m4f': {
    family: 'cortex-m4f',
    name: 'Arm Cortex-M4F',
    architecture: 'ARMv7E-M (DSP extension, FPv4-SP)',
    simd: 'dsp',
    instructions: ARMV7EM_SCALAR,
    singleFpu: FPV4_SINGLE,
    doubleFpu: null,
    softSingle: V7M_SOFT_SINGLE,
    softDouble: V7M_SOFT_DOUBLE,
    source:
      'Arm Cortex-M4 Technical Reference Manual (instruction and FPU timing); libgcc ieee754-df.S (estimated)',
  },
  'cortex-m33': {
    family: 'cortex-m33',
    name: 'Arm Cortex-M33',
    architecture: 'ARMv8-M Mainline (DSP extension and FPv5-SP on the listed parts)',
    simd: 'dsp',
    instructions: ARMV7EM_SCALAR,
    singleFpu: FPV4_SINGLE,
    doubleFpu: null,
    softSingle: V7M_SOFT_SINGLE,
    softDouble: V7M_SOFT_DOUBLE,
    source: 'Arm Cortex-M33 Technical Reference Manual (same single-cycle MAC and DSP timings as the M4)',
  },
  'cortex-m7': {
    family: 'cortex-m7',
    name: 'Arm Cortex-M7',
    architecture: 'ARMv7E-M (DSP extension, FPv5)',
    simd: 'dsp',
    // Cortex-M7 TRM: 6-stage dual-issue pipeline: a load or an ALU instruction pairs with another (≈ 0.5 cycle
    // each when paired), one MAC pipe (SMLAD, MLA 1 per cycle), branch prediction makes a loop branch ≈ 1.
    instructions: {
      load: 0.6,
      store: 0.6,
      alu: 0.5,
      mul: 1,
      mul64: 1,
      branch: 1,
      divide: 7,
      unpack: 0.5,
      dualMac: 1,
      vector: NOT_AVAILABLE,
    },
    singleFpu: FPV4_SINGLE,
    doubleFpu: FPV5_DOUBLE,
    softSingle: V7M_SOFT_SINGLE,
    softDouble: V7M_SOFT_DOUBLE,
    source: 'Arm Cortex-M7 Technical Reference Manual (dual issue, FPv5 timing)',
  },
  'cortex-m55': {
    family: 'cortex-m55',
    name: 'Arm Cortex-M55',
    architecture: 'ARMv8.1-M Mainline with Helium (MVE)',
    simd: 'helium',
    // Cortex-M55 TRM: dual-beat Helium, a 128-bit instruction occupies its unit 2 cycles and a load overlaps the
    // previous MAC, so a load/MAC chain issues ≈ 1 vector instruction per cycle; scalar pipeline as the M33.
    instructions: { ...ARMV7EM_SCALAR, vector: 1 },
    singleFpu: FPV4_SINGLE,
    doubleFpu: FPV5_DOUBLE,
    softSingle: V7M_SOFT_SINGLE,
    softDouble: V7M_SOFT_DOUBLE,
    source: 'Arm Cortex-M55 Technical Reference Manual (dual-beat MVE)',
  },
  'cortex-m85': {
    family: 'cortex-m85',
    name: 'Arm Cortex-M85',
    architecture: 'ARMv8.1-M Mainline with Helium (MVE)',
    simd: 'helium',
    // Cortex-M85 TRM: dual-beat Helium like the M55, with the M7's dual-issue scalar pipeline and branch prediction.
    instructions: {
      load: 0.6,
      store: 0.6,
      alu: 0.5,
      mul: 1,
      mul64: 1,
      branch: 1,
      divide: 7,
      unpack: 0.5,
      dualMac: 1,
      vector: 1,
    },
    singleFpu: FPV4_SINGLE,
    doubleFpu: FPV5_DOUBLE,
    softSingle: V7M_SOFT_SINGLE,
    softDouble: V7M_SOFT_DOUBLE,
    source: 'Arm Cortex-M85 Technical Reference Manual (dual-beat MVE, dual-issue scalar)',
  },
  'xtensa-lx7': {
    family: 'xtensa-lx7',
    name: 'Cadence Xtensa LX7 (ESP32-S3)',
    architecture: 'Xtensa LX7 with the ESP32-S3 PIE 128-bit SIMD and a single-precision FPU',
    simd: 'pie',
    // Single-issue; loads, ALU and 32-bit MULL 1 cycle, zero-overhead LOOP makes counted loops ≈ free, MULSH + MULL
    // for a 64-bit product; PIE EE.VMULAS.S8 does 16 int8 MACs per instruction (ESP32-S3 TRM; estimated timings).
    instructions: {
      load: 1,
      store: 1,
      alu: 1,
      mul: 1,
      mul64: 2,
      branch: 1,
      divide: 10,
      unpack: NOT_AVAILABLE,
      dualMac: NOT_AVAILABLE,
      vector: 1,
    },
    // ADD.S/MUL.S/MADD.S pipelined 1 cycle (MADD.S 4-cycle latency in an accumulation), DIV.S and SQRT.S are
    // Newton sequences of ≈ 15 instructions (estimated).
    singleFpu: { add: 1, mul: 1, mac: 4, div: 30, sqrt: 30, convert: 1, log: 100, exp: 100, trig: 150 },
    doubleFpu: null,
    // libgcc's C soft float on Xtensa (estimated; no hand-written routines for this core).
    softSingle: {
      add: 60,
      mul: 60,
      mac: 120,
      div: 250,
      sqrt: 300,
      convert: 30,
      log: 2000,
      exp: 2000,
      trig: 2500,
    },
    softDouble: {
      add: 120,
      mul: 150,
      mac: 270,
      div: 600,
      sqrt: 800,
      convert: 40,
      log: 4000,
      exp: 4000,
      trig: 5000,
    },
    source: 'ESP32-S3 Technical Reference Manual, Xtensa LX7 ISA summary (estimated timings)',
  },
};

/**
 * The RP2040's boot ROM float routines (derived from Qfplib-M0-full, which the Pico SDK routes every float
 * operation to): fadd 76, fmul 62, fdiv 83, fsqrt 67, fln 277, fexp 261, fsin 584; dadd 94, dmul 163, ddiv 200,
 * dsqrt 174, dln 464, dexp 811, dsin 1624 cycles (Qfplib-M0-full speed table; RP2040 datasheet §2.8.3).
 */
export const RP2040_ROM_SINGLE: FloatCosts = {
  add: 76,
  mul: 62,
  mac: 138,
  div: 83,
  sqrt: 67,
  convert: 40,
  log: 277,
  exp: 261,
  trig: 584,
};
export const RP2040_ROM_DOUBLE: FloatCosts = {
  add: 94,
  mul: 163,
  mac: 257,
  div: 200,
  sqrt: 174,
  convert: 40,
  log: 464,
  exp: 811,
  trig: 1624,
};

/**
 * The RP2350's double-precision coprocessor (DCP), which the Pico SDK uses for float64: a handful of coprocessor
 * instructions per operation (RP2350 datasheet §3.6.2; estimated at ≈ 20–30 cycles per add or multiply).
 */
export const RP2350_DCP_DOUBLE: FloatCosts = {
  add: 25,
  mul: 30,
  mac: 55,
  div: 70,
  sqrt: 70,
  convert: 10,
  log: 600,
  exp: 600,
  trig: 800,
};

export function getCore(family: CoreFamily): CoreModel {
  return CORES[family];
}
