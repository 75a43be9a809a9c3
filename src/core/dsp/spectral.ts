/**
 * Spectral analysis (DESIGN.md §5; Edge Impulse's spectral_analysis block, implementation version 4). Per axis:
 * scale → optional input decimation → optional Butterworth low/high-pass → subtract the mean → the analysis:
 * - FFT: RMS, skewness, kurtosis → max-hold Welch power spectrum → spectral skewness and kurtosis → log10 → the
 *   bins the filter leaves. With `extra-low-freq`, the same features of the signal decimated by 10 follow those
 *   of every axis.
 * - Wavelet: a multilevel wavelet decomposition and 14 statistics of every sub-band (spectralWavelet.ts).
 *
 * Arithmetic follows the reference's dtypes: without decimation the signal is float32 (scaling, float32 SOS
 * filtering and numpy's float32 mean are bit-exact); decimation turns it float64 as in the reference. FFTs,
 * moments and logs are float64. Time-domain skewness/kurtosis are computed in float64 where SciPy works in
 * float32 on float32 data, so they agree with the reference to ~1e-6 relative.
 */
import { StudioError } from '../errors';
import type { DspBlock, WindowShape } from './block';
import { butterworthFloat32, isStable, sosfiltFloat32, sosfiltFloat64, type Sos } from './butterworth';
import { decimatedLength, decimateInPlace } from './decimator';
import { getRealFft, type RealFft } from './fft';
import { MAX_FRAMES } from './framing';
import { paramSpecNotes, parseParamSpec } from './params';
import {
  DECIMATION_STAGES,
  SPECTRAL_SPEC,
  SPECTRAL_TITLE as TITLE,
  type SpectralParams,
} from './spectralParams';
import { waveletAxisFeatures, waveletPlan, type WaveletPlan } from './spectralWavelet';
import {
  FLOAT32_RESOLUTION,
  FLOAT64_RESOLUTION,
  kurtosisOf,
  Moments,
  moments,
  numpyMeanFloat32,
  numpyMeanFloat64,
  skewnessOf,
} from './statistics';

export type { SpectralParams } from './spectralParams';

const EXTRA_LOW_FREQ_RATIO = 10;
/** Features before the bins: RMS, skewness, kurtosis, spectral skewness, spectral kurtosis. */
const STATISTICS = 5;

/** The bins 1…n/2 kept for a filter, as [first, last] (DESIGN.md §5), cut-off capped at fs/2. */
function keptBins(params: SpectralParams, fs: number): [number, number] {
  const n = params['fft-length'];
  const cutoff = Math.min(params['filter-cutoff'], fs / 2);
  const position = (cutoff * n) / fs;
  if (params['filter-type'] === 'low') return [1, Math.min(n / 2, Math.trunc(position + 0.5))];
  if (params['filter-type'] === 'high') return [Math.max(1, Math.trunc(position - 0.5) + 1), n / 2];
  return [1, n / 2];
}

export interface Analysis {
  /** Samples analysed per axis and their rate. */
  samples: number;
  fs: number;
  firstBin: number;
  lastBin: number;
}

/** The FFT analysis of every axis: the main one and, with extra-low-freq, the one of the signal ÷ 10. */
interface FftPlan {
  kind: 'fft';
  fft: RealFft;
  step: number;
  main: Analysis;
  lowFreq: Analysis | null;
}

/** Everything run() needs, derived once per (params, window shape). */
interface Plan {
  axes: number;
  frames: number;
  frequencyHz: number;
  stages: number[];
  sos: Sos | null;
  analysis: FftPlan | ({ kind: 'wavelet' } & WaveletPlan);
  featureCount: number;
}

function bins(a: Analysis): number {
  return a.lastBin - a.firstBin + 1;
}

function analysis(params: SpectralParams, samples: number, fs: number, what: string): Analysis {
  const [firstBin, lastBin] = keptBins(params, fs);
  if (lastBin < firstBin)
    throw new StudioError(
      'dsp-config',
      `${TITLE}: the ${params['filter-type']}-pass cut-off ${params['filter-cutoff']} Hz masks every FFT bin${what} ` +
        `(fft-length ${params['fft-length']} at ${fs} Hz): raise fft-length or move filter-cutoff.`,
    );
  return { samples, fs, firstBin, lastBin };
}

function checkFftFrames(params: SpectralParams, samples: number, step: number): void {
  const frames = Math.ceil(samples / step);
  if (frames > MAX_FRAMES)
    throw new StudioError(
      'dsp-config',
      `${TITLE}: fft-length ${params['fft-length']} needs ${frames} FFT frames for a window of ${samples} samples, ` +
        `more than ${MAX_FRAMES}: raise fft-length or shorten the window.`,
    );
}

function makePlan(params: SpectralParams, window: WindowShape): Plan {
  const { axes, frames, frequencyHz } = window;
  if (!(frequencyHz > 0) || !Number.isInteger(axes) || axes < 1 || !Number.isInteger(frames) || frames < 1)
    throw new StudioError(
      'dsp-config',
      `${TITLE} needs a window of at least one frame and one axis at a positive frequency, ` +
        `not ${frames} frames × ${axes} axes at ${frequencyHz} Hz: check the impulse's window settings.`,
    );
  const ratio = params['input-decimation-ratio'];
  const filtered = params['filter-type'] !== 'none';
  const cutoff = params['filter-cutoff'];
  if (ratio > 1 && filtered && cutoff > (frequencyHz / 2 / ratio) * 0.9)
    throw new StudioError(
      'dsp-config',
      `${TITLE}: input-decimation-ratio ${ratio} leaves a Nyquist frequency of ${frequencyHz / 2 / ratio} Hz, too ` +
        `close to filter-cutoff ${cutoff} Hz: lower the decimation ratio (the cut-off must stay below 90% of it).`,
    );
  const stages = DECIMATION_STAGES[ratio];
  const samples = stages.reduce(decimatedLength, frames);
  const fs = frequencyHz / ratio;

  let sos: Sos | null = null;
  if (filtered) {
    if (cutoff >= fs / 2)
      throw new StudioError(
        'dsp-config',
        `${TITLE}: filter-cutoff ${cutoff} Hz is at or above the Nyquist frequency (${fs / 2} Hz at ${fs} Hz): ` +
          'choose a lower cut-off frequency.',
      );
    sos = butterworthFloat32(params['filter-type'] as 'low' | 'high', params['filter-order'], cutoff, fs);
    if (!isStable(sos))
      throw new StudioError(
        'dsp-config',
        `${TITLE}: the order-${params['filter-order']} filter at ${cutoff} Hz is not stable at ${fs} Hz: move ` +
          'filter-cutoff away from 0 and from the Nyquist frequency, or lower filter-order.',
      );
  }
  const common = { axes, frames, frequencyHz, stages, sos };
  if (params['analysis-type'] === 'Wavelet') {
    const wavelet = waveletPlan(params, samples, fs);
    return { ...common, analysis: { kind: 'wavelet', ...wavelet }, featureCount: axes * wavelet.perAxis };
  }

  const n = params['fft-length'];
  const step = params['do-fft-overlap'] ? n - n / 2 : n;
  checkFftFrames(params, samples, step);
  const main = analysis(params, samples, fs, '');

  let lowFreq: Analysis | null = null;
  if (params['extra-low-freq']) {
    const lowSamples = decimatedLength(samples, EXTRA_LOW_FREQ_RATIO);
    if (lowSamples < n / 2)
      throw new StudioError(
        'dsp-config',
        `${TITLE}: extra-low-freq needs at least ${(n / 2) * EXTRA_LOW_FREQ_RATIO} samples per window, this one has ` +
          `${samples}: enlarge the window, lower fft-length or turn extra-low-freq off.`,
      );
    lowFreq = analysis(params, lowSamples, fs / EXTRA_LOW_FREQ_RATIO, ' of the extra-low-frequency analysis');
  }
  const perAxis = STATISTICS + bins(main) + (lowFreq ? STATISTICS + bins(lowFreq) : 0);
  return {
    ...common,
    analysis: { kind: 'fft', fft: getRealFft(n), step, main, lowFreq },
    featureCount: axes * perAxis,
  };
}

const plans = new WeakMap<SpectralParams, Plan>();

/**
 * The FFT analyses run() makes of every axis (the main one, then the extra low-frequency one), for naming
 * features. Wavelet analysis has none: a StudioError says so.
 */
export function spectralAnalyses(
  params: SpectralParams,
  window: WindowShape,
): { fftLength: number; main: Analysis; lowFreq: Analysis | null } {
  const { analysis } = planFor(params, window);
  if (analysis.kind !== 'fft')
    throw new StudioError(
      'dsp-config',
      `${TITLE}: Wavelet analysis has no FFT bins (analysis-type is Wavelet).`,
    );
  return { fftLength: analysis.fft.n, main: analysis.main, lowFreq: analysis.lowFreq };
}

function planFor(params: SpectralParams, window: WindowShape): Plan {
  const cached = plans.get(params);
  if (
    cached &&
    cached.axes === window.axes &&
    cached.frames === window.frames &&
    cached.frequencyHz === window.frequencyHz
  )
    return cached;
  const plan = makePlan(params, window);
  plans.set(params, plan);
  return plan;
}

/** Scratch buffers, grown on demand and reused by every window. */
let signal32 = new Float32Array(0);
let signal64 = new Float64Array(0);
let power = new Float64Array(0);
let maxPower = new Float64Array(0);
const filterState = new Float64Array(16);
const stats = new Moments();

function ensureScratch(frames: number, bins: number): void {
  if (signal32.length < frames) {
    signal32 = new Float32Array(frames);
    signal64 = new Float64Array(frames);
  }
  if (power.length < bins) {
    power = new Float64Array(bins);
    maxPower = new Float64Array(bins);
  }
}

/**
 * Features of `sig[0 … a.samples)` (mean already removed), written at out[at…].
 * Time-domain zero variance uses `resolution`, the data's dtype resolution in the reference.
 */
function extract(
  sig: Float64Array,
  a: Analysis,
  plan: FftPlan,
  doLog: boolean,
  resolution: number,
  out: Float32Array,
  at: number,
): void {
  const { fft, step } = plan;
  const n = fft.n;
  const m = moments(sig, 0, a.samples, 1, stats);
  out[at++] = Math.sqrt(m.meanSquare);
  out[at++] = skewnessOf(m, resolution);
  out[at++] = kurtosisOf(m, resolution);

  // Max-hold Welch (common/spectrum.py welch_max_hold): frames start at 0 and step while start ≤ N, a frame
  // past the end is zero-padded; the frame starting exactly at N is all zeros and cannot raise the maximum.
  maxPower.fill(0, 0, fft.bins);
  for (let start = 0; start < a.samples; start += step) {
    fft.power(sig, start, Math.min(n, a.samples - start), power);
    for (let k = 0; k < fft.bins; k++) {
      const p = power[k] / n;
      if (p > maxPower[k]) maxPower[k] = p;
    }
  }
  const sm = moments(maxPower, 0, fft.bins, 1, stats);
  out[at++] = skewnessOf(sm, FLOAT64_RESOLUTION);
  out[at++] = kurtosisOf(sm, FLOAT64_RESOLUTION);
  for (let k = a.firstBin; k <= a.lastBin; k++) {
    const p = maxPower[k];
    out[at++] = doLog ? Math.log10(p === 0 ? 1e-10 : p) : p;
  }
}

function removeMean64(sig: Float64Array, length: number): void {
  const m = numpyMeanFloat64(sig, length);
  for (let i = 0; i < length; i++) sig[i] -= m;
}

/**
 * Scales, decimates, filters and centres one axis of the window into signal64 and gives its length. Without
 * decimation every step is float32 as in the reference, so signal64 holds float32 values.
 */
function prepareAxis(plan: Plan, window: Float32Array, axis: number, scale: number): number {
  const { axes, frames, stages, sos } = plan;
  const f = Math.fround;
  let samples = frames;
  if (stages.length === 0) {
    for (let i = 0; i < frames; i++) signal32[i] = f(window[i * axes + axis] * scale);
    if (sos) sosfiltFloat32(sos, signal32, frames, filterState);
    const m = numpyMeanFloat32(signal32, frames);
    for (let i = 0; i < frames; i++) signal64[i] = f(signal32[i] - m);
  } else {
    for (let i = 0; i < frames; i++) signal64[i] = f(window[i * axes + axis] * scale);
    for (const ratio of stages) samples = decimateInPlace(signal64, samples, ratio, filterState);
    if (sos) {
      filterState.fill(0);
      sosfiltFloat64(sos, signal64, samples, filterState);
    }
    removeMean64(signal64, samples);
  }
  return samples;
}

/** The FFT features of one prepared axis: the main analysis, and the extra low-frequency one after every axis. */
function fftAxisFeatures(
  plan: Plan,
  analysis: FftPlan,
  doLog: boolean,
  axis: number,
  samples: number,
  out: Float32Array,
): void {
  const { main, lowFreq } = analysis;
  const resolution = plan.stages.length === 0 ? FLOAT32_RESOLUTION : FLOAT64_RESOLUTION;
  extract(signal64, main, analysis, doLog, resolution, out, axis * (STATISTICS + bins(main)));
  if (lowFreq) {
    const lowSamples = decimateInPlace(signal64, samples, EXTRA_LOW_FREQ_RATIO, filterState);
    removeMean64(signal64, lowSamples);
    const lowFreqStart = plan.axes * (STATISTICS + bins(main));
    extract(
      signal64,
      lowFreq,
      analysis,
      doLog,
      FLOAT64_RESOLUTION,
      out,
      lowFreqStart + axis * (STATISTICS + bins(lowFreq)),
    );
  }
}

function run(params: SpectralParams, window: Float32Array, shape: WindowShape): Float32Array {
  const plan = planFor(params, shape);
  const { axes, frames, analysis } = plan;
  if (window.length !== frames * axes)
    throw new StudioError(
      'dsp-config',
      `${TITLE}: the window holds ${window.length} values, not ${frames} frames × ${axes} axes.`,
    );
  ensureScratch(frames, analysis.kind === 'fft' ? analysis.fft.bins : 0);
  const out = new Float32Array(plan.featureCount);
  const scale = Math.fround(params['scale-axes']);
  for (let axis = 0; axis < axes; axis++) {
    const samples = prepareAxis(plan, window, axis, scale);
    if (analysis.kind === 'fft') fftAxisFeatures(plan, analysis, params['do-log'], axis, samples, out);
    else
      waveletAxisFeatures(
        analysis,
        signal64,
        samples,
        plan.stages.length === 0,
        out,
        axis * analysis.perAxis,
      );
  }
  return out;
}

export const spectralBlock: DspBlock<SpectralParams> = {
  id: 'spectral',
  title: TITLE,
  defaults: SPECTRAL_SPEC.defaults,
  parseParams: (json) => parseParamSpec(SPECTRAL_SPEC, json),
  paramNotes: (json) => paramSpecNotes(SPECTRAL_SPEC, json),
  describe(params, window) {
    const { featureCount } = planFor(params, window);
    return { featureCount, shape: [featureCount] };
  },
  run,
};
