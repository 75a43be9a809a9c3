/**
 * The public measurements the cost model is calibrated and checked on (DESIGN.md §7), each with the software that
 * produced it. Only TFLite Micro + CMSIS-NN rows are fitted; rows from other engines bound what a highly optimised
 * engine reaches on that core and are never fitted; Edge Impulse's gesture-impulse figures are whole milliseconds
 * of a millisecond timer, so they carry ±1 ms of resolution (which matters only for its 1–2 ms network figures).
 */
import type { BoardId, Target } from './boards';
import { BOARDS } from './boards';

export type CalibrationModel = 'kws' | 'ad' | 'gesture';
export type CalibrationPart = 'nn' | 'dsp' | 'anomaly' | 'impulse';

/**
 * fitted-nn: a TFLM + CMSIS-NN figure the NN efficiencies are fitted on; fitted-dsp: an Edge Impulse DSP figure
 * the DSP efficiency is fitted on; check: estimated and compared, not fitted; bound: another engine's figure,
 * a lower bound for TFLM's latency on that core.
 */
export type CalibrationKind = 'fitted-nn' | 'fitted-dsp' | 'check' | 'bound';

export interface Measurement {
  id: string;
  model: CalibrationModel;
  part: CalibrationPart;
  /** A catalogue board, or a part Edge Impulse describes only by core and clock. */
  target: BoardId | 'ei-cortex-m4f-80' | 'ei-cortex-m0plus-48';
  software: string;
  source: string;
  ms: number;
  /** How far the true value may lie from the figure (a timer's tick, a rounded last digit); 0 when negligible. */
  resolutionMs: number;
  kind: CalibrationKind;
  /** Which stack details the estimate takes into account (TFLM 2.3's per-inference conv multipliers, EON). */
  stack: 'tflm' | 'tflm-2.3' | 'edge-impulse-eon';
}

const MLPERF = 'MLPerf Tiny inference results, closed division, median latency';
/** Edge Impulse's figures are whole milliseconds read from a millisecond timer: ±1 ms. */
const EI_RESOLUTION_MS = 1;
const EI =
  'Edge Impulse docs, "Inference performance metrics", continuous gestures (bare metal, int8, EON, CMSIS-NN/DSP)';

function mlperf(
  target: BoardId,
  version: string,
  software: string,
  kws: number,
  ad: number,
  kind: CalibrationKind,
  stack: Measurement['stack'] = 'tflm',
): Measurement[] {
  return (
    [
      ['kws', kws],
      ['ad', ad],
    ] as const
  ).map(([model, ms]) => ({
    id: `${target}/${model}`,
    model,
    part: 'nn',
    target,
    software,
    source: `${MLPERF} ${version}`,
    ms,
    resolutionMs: 0,
    kind,
    stack,
  }));
}

export const MEASUREMENTS: Measurement[] = [
  ...mlperf('nucleo-l4r5zi', 'v0.5', 'TFLM 2.3.1 + CMSIS-NN', 181.9, 10.05, 'fitted-nn', 'tflm-2.3'),
  ...mlperf('ek-ra6m4', 'v0.7', 'TFLM + CMSIS-NN 6.5.3', 50.6, 4.61, 'fitted-nn'),
  ...mlperf('ek-ra8d1', 'v1.2', 'TFLM + CMSIS-NN 12.4', 3.465, 0.531, 'fitted-nn'),
  ...mlperf('nucleo-g0b1re', 'v1.1', 'Bosch HALE 1.0 (not TFLM)', 679, 46.6, 'bound'),
  ...mlperf('disco-f746ng', 'v1.0', 'Plumerai inference engine (not TFLM)', 19.1, 2.3, 'bound'),
  {
    id: 'ei-m4f-80/gesture-dsp',
    model: 'gesture',
    part: 'dsp',
    target: 'ei-cortex-m4f-80',
    software: 'Edge Impulse SDK spectral analysis (float32, CMSIS-DSP)',
    source: EI,
    ms: 15,
    resolutionMs: EI_RESOLUTION_MS,
    kind: 'fitted-dsp',
    stack: 'edge-impulse-eon',
  },
  {
    id: 'ei-m0plus-48/gesture-dsp',
    model: 'gesture',
    part: 'dsp',
    target: 'ei-cortex-m0plus-48',
    software: 'Edge Impulse SDK spectral analysis (float32 in software)',
    source: EI,
    ms: 370,
    resolutionMs: EI_RESOLUTION_MS,
    kind: 'fitted-dsp',
    stack: 'edge-impulse-eon',
  },
  {
    id: 'ei-m4f-80/gesture-nn',
    model: 'gesture',
    part: 'nn',
    target: 'ei-cortex-m4f-80',
    software: 'Edge Impulse EON (TFLM kernels + CMSIS-NN, no interpreter)',
    source: EI,
    ms: 1,
    resolutionMs: EI_RESOLUTION_MS,
    kind: 'check',
    stack: 'edge-impulse-eon',
  },
  {
    id: 'ei-m0plus-48/gesture-nn',
    model: 'gesture',
    part: 'nn',
    target: 'ei-cortex-m0plus-48',
    software: 'Edge Impulse EON (TFLM kernels, CMSIS-NN plain-C paths, no interpreter)',
    source: EI,
    ms: 2,
    resolutionMs: EI_RESOLUTION_MS,
    kind: 'check',
    stack: 'edge-impulse-eon',
  },
  {
    id: 'ei-m4f-80/gesture-anomaly',
    model: 'gesture',
    part: 'anomaly',
    target: 'ei-cortex-m4f-80',
    software: 'Edge Impulse SDK k-means anomaly score (float32)',
    source: EI,
    ms: 1,
    resolutionMs: EI_RESOLUTION_MS,
    kind: 'check',
    stack: 'edge-impulse-eon',
  },
  {
    id: 'ei-m0plus-48/gesture-anomaly',
    model: 'gesture',
    part: 'anomaly',
    target: 'ei-cortex-m0plus-48',
    software: 'Edge Impulse SDK k-means anomaly score (float32 in software)',
    source: EI,
    ms: 4,
    resolutionMs: EI_RESOLUTION_MS,
    kind: 'check',
    stack: 'edge-impulse-eon',
  },
  {
    id: 'ei-m0plus-48/gesture-impulse',
    model: 'gesture',
    part: 'impulse',
    target: 'ei-cortex-m0plus-48',
    software: 'Edge Impulse SDK: DSP + EON network + k-means anomaly',
    source: EI,
    ms: 376,
    resolutionMs: EI_RESOLUTION_MS,
    kind: 'check',
    stack: 'edge-impulse-eon',
  },
];

const UNKNOWN_FLASH = {
  where: 'internal flash' as const,
  stallCyclesPerByte: 0,
  dataCacheKb: 0,
  note: 'the part is not named; its flash is taken to keep up (the gesture model is a few kilobytes)',
};

/** Edge Impulse names only the core and clock of its figures' parts. */
const EI_TARGETS: Record<'ei-cortex-m4f-80' | 'ei-cortex-m0plus-48', Target> = {
  'ei-cortex-m4f-80': {
    name: 'Cortex-M4F at 80 MHz (Edge Impulse)',
    core: 'cortex-m4f',
    clockMhz: 80,
    fpu: 'single',
    dspExtension: true,
    helium: false,
    constantMemory: UNKNOWN_FLASH,
  },
  'ei-cortex-m0plus-48': {
    name: 'Cortex-M0+ at 48 MHz (Edge Impulse)',
    core: 'cortex-m0plus',
    clockMhz: 48,
    fpu: 'none',
    dspExtension: false,
    helium: false,
    constantMemory: UNKNOWN_FLASH,
  },
};

export function measurementTarget(m: Measurement): Target {
  return m.target === 'ei-cortex-m4f-80' || m.target === 'ei-cortex-m0plus-48'
    ? EI_TARGETS[m.target]
    : BOARDS[m.target];
}
