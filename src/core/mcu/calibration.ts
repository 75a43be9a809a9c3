/**
 * The calibration of the cost model on published measurements (calibrationData.ts) and the table that publishes
 * it: every measurement, the model's estimate and the error.
 *
 * The fit has few parameters, each with a physical meaning (calibrationFit.ts): one efficiency per core family
 * with a TFLM + CMSIS-NN measurement (two rows each, KWS and AD, so each core's pair tests the model's split of
 * convolution and dense work), one factor for CMSIS-NN's convolution kernels shared by all cores, and one
 * efficiency for Edge Impulse's DSP code (its two gesture figures test the FPU-versus-software-float physics).
 * They minimise the worst relative error (a minimax fit), the figure the bench publishes. Bounds and checks are
 * never fitted.
 */
import type { Graph } from '../ir/graph';
import { estimateAnomaly } from './costAnomaly';
import { NN_FIT, DSP_FIT, type NnFit } from './calibrationFit';
import { MEASUREMENTS, measurementTarget, type Measurement } from './calibrationData';
import {
  anomalyDetectionGraph,
  GESTURE_ANOMALY,
  GESTURE_DSP,
  gestureClassifierGraph,
} from './calibrationModels';
import type { CoreFamily } from './cores';
import { estimateModel, type EstimateOptions } from './cost';
import { estimateDsp } from './dspCost';

export interface CalibrationFit {
  nn: NnFit;
  dspEfficiency: number;
}

export interface CalibrationRow {
  measurement: Measurement;
  target: string;
  estimateMs: number;
  /** (estimate − measured) / measured, %. */
  rawErrorPct: number;
  /** The error beyond the published figure's resolution, % of the figure; null for bounds. */
  errorPct: number | null;
  /** For a bound: the TFLM estimate is at least what the optimised engine measured. */
  boundHolds: boolean | null;
}

export interface CalibrationTable {
  rows: CalibrationRow[];
  /** Worst |errorPct| over the fitted rows and the checks. */
  worstErrorPct: number;
  fit: CalibrationFit;
}

const PUBLISHED: CalibrationFit = { nn: NN_FIT, dspEfficiency: DSP_FIT.efficiency };

function graphFor(m: Measurement, kws: Graph): Graph {
  if (m.model === 'kws') return kws;
  if (m.model === 'ad') return anomalyDetectionGraph();
  return gestureClassifierGraph();
}

function nnOptions(m: Measurement, fit: NnFit): EstimateOptions {
  if (m.stack === 'edge-impulse-eon') return { fit, withoutInterpreter: true, prepareEachInference: 'all' };
  if (m.stack === 'tflm-2.3') return { fit, prepareEachInference: 'convolutions' };
  return { fit };
}

function estimateMs(m: Measurement, kws: Graph, fit: CalibrationFit): number {
  const target = measurementTarget(m);
  const dsp = () =>
    estimateDsp(
      target,
      GESTURE_DSP.block,
      GESTURE_DSP.params,
      GESTURE_DSP.window,
      'edge-impulse-sdk',
      fit.dspEfficiency,
    ).ms;
  const nn = () => estimateModel(target, graphFor(m, kws), 'tflm-cmsis-nn', nnOptions(m, fit.nn)).ms;
  const anomaly = () =>
    estimateAnomaly(target, GESTURE_ANOMALY.clusters, GESTURE_ANOMALY.features, fit.dspEfficiency).ms;
  if (m.part === 'dsp') return dsp();
  if (m.part === 'nn') return nn();
  if (m.part === 'anomaly') return anomaly();
  return dsp() + nn() + anomaly();
}

function row(m: Measurement, kws: Graph, fit: CalibrationFit): CalibrationRow {
  const estimate = estimateMs(m, kws, fit);
  const nearest = Math.min(Math.max(estimate, m.ms - m.resolutionMs), m.ms + m.resolutionMs);
  const bound = m.kind === 'bound';
  return {
    measurement: m,
    target: measurementTarget(m).name,
    estimateMs: estimate,
    rawErrorPct: ((estimate - m.ms) / m.ms) * 100,
    errorPct: bound ? null : ((estimate - nearest) / m.ms) * 100,
    boundHolds: bound ? estimate >= m.ms : null,
  };
}

/** Every measurement with the estimate under `fit` (the published fit unless given). */
export function calibrationTable(kws: Graph, fit: CalibrationFit = PUBLISHED): CalibrationTable {
  const rows = MEASUREMENTS.map((m) => row(m, kws, fit));
  const worstErrorPct = Math.max(...rows.map((r) => Math.abs(r.errorPct ?? 0)));
  return { rows, worstErrorPct, fit };
}

/** One fitted NN row split into what each fit parameter multiplies. */
interface NnTerms {
  core: CoreFamily;
  /** Counted cycles of CMSIS-NN's convolution kernels, of everything else, and the flash stalls. */
  window: number;
  other: number;
  stall: number;
  measured: number;
}

function nnTerms(m: Measurement, kws: Graph): NnTerms {
  const target = measurementTarget(m);
  const unit: NnFit = { efficiency: { [target.core]: 1 }, windowFactor: 1 };
  const e = estimateModel(target, graphFor(m, kws), 'tflm-cmsis-nn', nnOptions(m, unit));
  const sum = (f: (o: (typeof e.ops)[number]) => number) => e.ops.reduce((s, o) => s + f(o), 0);
  return {
    core: target.core,
    window: sum((o) => (o.windowKernel ? o.kernelCycles : 0)),
    other: sum((o) => (o.windowKernel ? 0 : o.kernelCycles) + o.overheadCycles),
    stall: sum((o) => o.stallCycles),
    measured: m.ms * target.clockMhz * 1000,
  };
}

const logError = (t: NnTerms, efficiency: number, windowFactor: number) =>
  Math.log((efficiency * (t.other + windowFactor * t.window) + t.stall) / t.measured);

/** The efficiency that makes a core's worst over- and under-estimate equal (log errors grow with it). */
function balancedEfficiency(rows: NnTerms[], windowFactor: number): number {
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    const errors = rows.map((t) => logError(t, Math.exp(mid), windowFactor));
    if (Math.max(...errors) + Math.min(...errors) > 0) hi = mid;
    else lo = mid;
  }
  return Math.exp((lo + hi) / 2);
}

function fitForWindowFactor(terms: NnTerms[], windowFactor: number): { fit: NnFit; worst: number } {
  const cores = [...new Set(terms.map((t) => t.core))];
  const efficiency: NnFit['efficiency'] = {};
  let worst = 0;
  for (const core of cores) {
    const rows = terms.filter((t) => t.core === core);
    const e = balancedEfficiency(rows, windowFactor);
    efficiency[core] = e;
    for (const t of rows) worst = Math.max(worst, Math.abs(Math.expm1(logError(t, e, windowFactor))));
  }
  return { fit: { efficiency, windowFactor }, worst };
}

/** Golden-section search of the shared convolution factor on a log scale, after a coarse scan. */
function minimaxNnFit(terms: NnTerms[]): NnFit {
  const worstAt = (logFactor: number) => fitForWindowFactor(terms, Math.exp(logFactor)).worst;
  let best = 0;
  for (let x = Math.log(0.25); x <= Math.log(4); x += 0.01) if (worstAt(x) < worstAt(best)) best = x;
  let [a, b] = [best - 0.01, best + 0.01];
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (worstAt(c) < worstAt(d)) b = d;
    else a = c;
  }
  return fitForWindowFactor(terms, Math.exp((a + b) / 2)).fit;
}

/** The DSP efficiency that balances the worst over- and under-estimate of the fitted DSP rows. */
function minimaxDspFit(rows: Measurement[], kws: Graph): number {
  const ratios = rows.map((m) => m.ms / estimateMs(m, kws, { ...PUBLISHED, dspEfficiency: 1 }));
  return Math.sqrt(Math.min(...ratios) * Math.max(...ratios));
}

/**
 * Fits the model's parameters on the fitted rows of `measurements` (the KWS model is the real file, read by the
 * caller); checks and bounds play no part.
 */
export function fitCalibration(
  kws: Graph,
  measurements: readonly Measurement[] = MEASUREMENTS,
): CalibrationFit {
  const terms = measurements.filter((m) => m.kind === 'fitted-nn').map((m) => nnTerms(m, kws));
  const dsp = measurements.filter((m) => m.kind === 'fitted-dsp');
  return { nn: minimaxNnFit(terms), dspEfficiency: minimaxDspFit(dsp, kws) };
}
