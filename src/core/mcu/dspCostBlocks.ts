/**
 * The operation counts of each processing block (DESIGN.md §5) for one window, as named stages of instruction
 * and float-operation mixes: FFT length and count, filter sections, mel weights, DCT, logs, moments. Counts come
 * from the block's own plan (frame layout, kept bins, mel filterbank), so they follow the configured parameters.
 */
import type { BlockId, BlockParams, WindowShape } from '../dsp/block';
import { getBlock } from '../dsp/blocks';
import { melBand } from '../dsp/audioChecks';
import { decimatedLength } from '../dsp/decimator';
import { frameLayout } from '../dsp/framing';
import { getMelFilterbank } from '../dsp/mel';
import { spectralAnalyses, type SpectralParams } from '../dsp/spectral';
import type { Mix } from './costMix';
import { sumMixes } from './costMix';
import {
  GENERATED_CMVN_VALUE,
  GENERATED_CMVN_WINDOW_ROW,
  GENERATED_DCT_MAC,
  GENERATED_LOG,
  GENERATED_MAX_HOLD_BIN,
  GENERATED_MEAN_VALUE,
  GENERATED_MEL_MAC,
  GENERATED_MOMENT_FINISH,
  GENERATED_MOMENT_VALUE,
  GENERATED_PREEMPHASIS_SAMPLE,
  GENERATED_ROW,
  GENERATED_SCALE_VALUE,
  GENERATED_SOS_SECTION,
  GENERATED_SOS_VALUE,
  GENERATED_SUM_BIN,
  generatedPowerSpectrumMix,
} from './dspCostGenerated';

/**
 * How the block's arithmetic is written: Edge Impulse's SDK (its published figures calibrate the DSP fit), or
 * the studio's own float32 C as codegen/dsp generates it (dspCostGenerated.ts; MFE, MFCC and spectrogram are
 * always the studio's).
 */
export type DspImplementation = 'edge-impulse-sdk' | 'plain-float32';

export interface DspStage {
  name: string;
  mix: Mix;
}

/** One pass over n values: a load, a store and the loop step per value. */
const PASS: Mix = { int: { load: 1, store: 1, alu: 0.5, branch: 0.5 } };

function stage(name: string, terms: ReadonlyArray<readonly [Mix, number]>): DspStage {
  return { name, mix: sumMixes(terms) };
}

/**
 * A real FFT of n points as the n/2-point complex radix-2 transform and the split into the real spectrum:
 * (n/4)·log2(n/2) butterflies of one complex multiply and two complex adds, then n/2 + 1 split bins.
 */
export function realFftMix(n: number): Mix {
  const half = n / 2;
  const butterflies = (half / 2) * Math.log2(half);
  return sumMixes([
    [{ single: { mul: 4, add: 6 }, int: { load: 6, store: 4, alu: 1, branch: 0.5 } }, butterflies],
    [{ single: { mul: 4, add: 8 }, int: { load: 6, store: 2, alu: 1, branch: 1 } }, half + 1],
    [{ int: { load: 2, store: 2, alu: 2 } }, half],
  ]);
}

/** |X|² / n of every bin. */
const POWER_BIN: Mix = { single: { mul: 3, add: 1 }, int: { load: 2, store: 1, branch: 0.5 } };
/** Mean, mean square and central moments 2–4 (two passes), then RMS, skewness and kurtosis. */
const MOMENT_VALUE: Mix = { single: { add: 6, mul: 4 }, int: { load: 2, alu: 1, branch: 1 } };
const MOMENT_FINISH: Mix = { single: { sqrt: 1, div: 4, exp: 2, log: 2 } };
/** One second-order section per value (direct form II transposed: 5 multiplies, 4 adds, two state words). */
const SOS_VALUE: Mix = { single: { mul: 5, add: 4 }, int: { load: 7, store: 3, alu: 1 } };
/**
 * Edge Impulse's Butterworth (dsp/spectral/filters.hpp) per value and section: 2 float multiplies and adds, then
 * `A·(w0 + 2.0·w1 + w2)` in double (four float → double conversions, 2 double multiplies and adds, one back).
 */
const EI_BUTTERWORTH_VALUE: Mix = {
  single: { mul: 2, add: 2 },
  double: { convert: 5, mul: 2, add: 2 },
  int: { load: 6, store: 3, alu: 1 },
};
/** Its per-window design, per section: sin in double and the coefficient arithmetic; tan and pow once per axis. */
const EI_BUTTERWORTH_DESIGN_SECTION: Mix = { double: { trig: 1, mul: 6, add: 4, div: 3 } };
const EI_BUTTERWORTH_DESIGN: Mix = { double: { trig: 1, exp: 1, log: 1 } };

/** The reference's decimation stages (common/sampling.py get_ratio_combo, as in spectral.ts). */
const DECIMATION_STAGES: Record<number, number[]> = {
  1: [],
  3: [3],
  10: [10],
  30: [3, 10],
  100: [10, 10],
  1000: [10, 10, 10],
};
/** The decimator's order-8 Chebyshev low-pass is 4 second-order sections. */
const DECIMATOR_SECTIONS = 4;

function spectralAxis(
  params: SpectralParams,
  samples: number,
  fftLength: number,
  keptBins: number,
  step: number,
): Array<readonly [Mix, number]> {
  const frames = Math.ceil(samples / step);
  const bins = fftLength / 2 + 1;
  return [
    [PASS, 2 * samples],
    [{ single: { add: 2 } }, samples],
    [MOMENT_VALUE, samples],
    [MOMENT_FINISH, 2],
    [PASS, frames * fftLength],
    [realFftMix(fftLength), frames],
    [POWER_BIN, frames * bins],
    [{ single: { add: 1 }, int: { load: 2, store: 1 } }, frames * bins],
    [MOMENT_VALUE, bins],
    [{ single: { log: params['do-log'] ? 1 : 0 } }, keptBins],
  ];
}

/** The generated spectral analysis of one axis (codegen/dsp spectral_features): the same work in its own loops. */
function generatedSpectralAxis(
  params: SpectralParams,
  samples: number,
  fftLength: number,
  keptBins: number,
  step: number,
): Array<readonly [Mix, number]> {
  const bins = fftLength / 2 + 1;
  const spectra: Array<readonly [Mix, number]> = [];
  for (let start = 0; start < samples; start += step)
    spectra.push([generatedPowerSpectrumMix(fftLength, Math.min(fftLength, samples - start)), 1]);
  return [
    [GENERATED_MEAN_VALUE, samples],
    [GENERATED_MOMENT_VALUE, samples + bins],
    [GENERATED_MOMENT_FINISH, 2],
    [{ single: { sqrt: 1 } }, 1],
    ...spectra,
    [GENERATED_MAX_HOLD_BIN, spectra.length * bins],
    [GENERATED_LOG, params['do-log'] ? keptBins : 0],
  ];
}

function spectralStages(params: SpectralParams, window: WindowShape, impl: DspImplementation): DspStage[] {
  const generated = impl === 'plain-float32';
  const { fftLength, main, lowFreq } = spectralAnalyses(params, window);
  const step = params['do-fft-overlap'] ? fftLength - fftLength / 2 : fftLength;
  const axes = window.axes;
  const sections = params['filter-type'] === 'none' ? 0 : params['filter-order'] / 2;
  let length = window.frames;
  const decimation: Array<readonly [Mix, number]> = [];
  for (const ratio of DECIMATION_STAGES[params['input-decimation-ratio']]) {
    decimation.push([SOS_VALUE, axes * length * DECIMATOR_SECTIONS]);
    length = decimatedLength(length, ratio);
  }
  const filter: Array<readonly [Mix, number]> =
    impl === 'edge-impulse-sdk'
      ? [
          [EI_BUTTERWORTH_VALUE, axes * main.samples * sections],
          [EI_BUTTERWORTH_DESIGN_SECTION, axes * sections],
          [EI_BUTTERWORTH_DESIGN, sections > 0 ? axes : 0],
        ]
      : [
          [GENERATED_SOS_SECTION, axes * main.samples * sections],
          [GENERATED_SOS_VALUE, sections > 0 ? axes * main.samples : 0],
        ];
  const axis = generated ? generatedSpectralAxis : spectralAxis;
  const stages = [
    stage('scale', [
      [generated ? GENERATED_SCALE_VALUE : { single: { mul: 1 }, ...PASS }, axes * window.frames],
    ]),
    stage('decimation', decimation),
    stage(`Butterworth filter (${sections} sections)`, filter),
    stage(
      `statistics and FFT ${fftLength} spectra`,
      axis(params, main.samples, fftLength, main.lastBin - main.firstBin + 1, step).map(
        ([mix, n]) => [mix, n * axes] as const,
      ),
    ),
  ];
  if (lowFreq !== null) {
    stages.push(
      stage('extra low-frequency analysis', [
        [SOS_VALUE, axes * main.samples * DECIMATOR_SECTIONS],
        ...axis(params, lowFreq.samples, fftLength, lowFreq.lastBin - lowFreq.firstBin + 1, step).map(
          ([mix, n]) => [mix, n * axes] as const,
        ),
      ]),
    );
  }
  return stages.filter((s) => !isEmpty(s.mix));
}

function isEmpty(mix: Mix): boolean {
  return [mix.int, mix.single, mix.double].every((counts) =>
    Object.values(counts ?? {}).every((n) => n === 0),
  );
}

interface AudioPlan {
  frames: number;
  frameLength: number;
  fftLength: number;
  bins: number;
  filters: number;
  melWeights: number;
}

function audioPlan(title: string, p: BlockParams, window: WindowShape, mel: boolean): AudioPlan {
  const fs = window.frequencyHz;
  const layout = frameLayout(title, fs, window.frames, Number(p.frame_length), Number(p.frame_stride));
  const fftLength = Number(p.fft_length);
  const filters = mel ? Number(p.num_filters) : 0;
  let melWeights = 0;
  if (mel) {
    const { lowHz, highHz } = melBand(title, Number(p.low_frequency), Number(p.high_frequency), fs);
    melWeights = getMelFilterbank(title, filters, fftLength, fs, lowHz, highHz).weights.length;
  }
  return {
    frames: layout.count,
    frameLength: layout.length,
    fftLength,
    bins: fftLength / 2 + 1,
    filters,
    melWeights,
  };
}

function spectrumStages(a: AudioPlan): DspStage[] {
  return [
    stage(`${a.frames} frames × FFT ${a.fftLength}`, [
      [generatedPowerSpectrumMix(a.fftLength, Math.min(a.frameLength, a.fftLength)), a.frames],
    ]),
  ];
}

function audioStages(block: BlockId, params: BlockParams, window: WindowShape): DspStage[] {
  const title = getBlock(block).title;
  if (block === 'spectrogram') {
    const a = audioPlan(title, params, window, false);
    return [
      ...spectrumStages(a),
      stage('log scaling', [
        [{ single: { log: 1, add: 2, mul: 2 }, int: { load: 1, store: 1 } }, a.frames * a.bins],
      ]),
    ];
  }
  const a = audioPlan(title, params, window, true);
  // The generated code pre-emphasises each frame's samples as it frames them.
  const preemphasis = stage('pre-emphasis', [
    [GENERATED_PREEMPHASIS_SAMPLE, a.frames * Math.min(a.frameLength, a.fftLength)],
  ]);
  const melBank = stage(`mel filterbank (${a.filters} filters)`, [
    [GENERATED_MEL_MAC, a.frames * a.melWeights],
    [GENERATED_ROW, a.frames * a.filters],
  ]);
  if (block === 'mfe')
    return [
      preemphasis,
      ...spectrumStages(a),
      melBank,
      stage('log and noise floor', [
        [{ single: { mul: 3, add: 2, log: 1, convert: 1 }, int: { alu: 3, store: 1 } }, a.frames * a.filters],
      ]),
    ];
  const keep = Number(params.num_cepstral);
  return [
    preemphasis,
    ...spectrumStages(a),
    stage('frame energy', [[GENERATED_SUM_BIN, a.frames * a.bins]]),
    melBank,
    stage('log', [[GENERATED_LOG, a.frames * (a.filters + 1)]]),
    stage(`DCT (${keep} of ${a.filters})`, [
      [GENERATED_DCT_MAC, a.frames * (keep - 1) * a.filters],
      [GENERATED_ROW, a.frames * (keep - 1)],
    ]),
    stage('cepstral mean and variance normalisation', [
      [GENERATED_CMVN_VALUE, a.frames * keep],
      [GENERATED_CMVN_WINDOW_ROW, keep * 2 * Number(params.win_size)],
    ]),
  ];
}

function flatStages(block: BlockId, params: BlockParams, window: WindowShape): DspStage[] {
  const values = window.frames * window.axes;
  if (block === 'raw') return [stage('scale', [[{ single: { mul: 1 }, ...PASS }, values]])];
  return [
    stage('scale, minimum and maximum', [[{ single: { mul: 1, add: 2 }, ...PASS }, values]]),
    stage('moments', [
      [MOMENT_VALUE, values],
      [MOMENT_FINISH, window.axes],
    ]),
    stage('statistics', [[{ single: { sqrt: 2 } }, window.axes * (params.rms || params.stdev ? 1 : 0)]]),
  ];
}

/**
 * The stages of one window of the block with its (already parsed) parameters. Throws the block's own
 * StudioError('dsp-config') when the parameters do not fit the window.
 */
export function dspStages(
  block: BlockId,
  params: BlockParams,
  window: WindowShape,
  impl: DspImplementation,
): DspStage[] {
  getBlock(block).describe(params, window);
  switch (block) {
    case 'spectral':
      return spectralStages(params as SpectralParams, window, impl);
    case 'mfe':
    case 'mfcc':
    case 'spectrogram':
      return audioStages(block, params, window);
    case 'raw':
    case 'flatten':
      return flatStages(block, params, window);
  }
}
