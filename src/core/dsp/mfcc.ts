/**
 * MFCC block (DESIGN.md §5, Edge Impulse implementation version 4): raw int16 values → pre-emphasis
 * (pre_cof, pre_shift, circular) → frames → |rfft|²/nFFT → mel energies (0 → 1e-10) → natural log →
 * orthonormal DCT-II, first num_cepstral kept → coefficient 0 := ln(frame energy = Σ power, 0 → 1e-10) →
 * sliding mean and variance normalisation over win_size frames.
 */
import type { DspBlock, WindowShape } from './block';
import { StudioError } from '../errors';
import { melBand, requireAudioWindow, requireFftLength, requireWindowLength } from './audioChecks';
import { BoundedCache } from './boundedCache';
import { SlidingCmvn } from './cmvn';
import { applyDctRows, getDctMatrix } from './dct';
import { getRealFft, type RealFft } from './fft';
import { frameLayout, type FrameLayout } from './framing';
import { framesTouching, windowFrameMatrices, type FrameRows } from './frameReuse';
import { applyMelFilterbank, getMelFilterbank, type MelFilterbank } from './mel';
import { numberRule, parseBlockParams, type ParamRules } from './params';
import { preemphasis, preemphasisSpan } from './preemphasis';

export type MfccParams = {
  num_cepstral: number;
  frame_length: number;
  frame_stride: number;
  num_filters: number;
  fft_length: number;
  win_size: number;
  low_frequency: number;
  /** 0 means fs/2. */
  high_frequency: number;
  pre_cof: number;
  pre_shift: number;
};

const TITLE = 'Audio (MFCC)';

const defaults: MfccParams = {
  num_cepstral: 13,
  frame_length: 0.02,
  frame_stride: 0.02,
  num_filters: 32,
  fft_length: 256,
  win_size: 101,
  low_frequency: 0,
  high_frequency: 0,
  pre_cof: 0.98,
  pre_shift: 1,
};

const rules: ParamRules<MfccParams> = {
  num_cepstral: numberRule({ integer: true, min: 1 }),
  frame_length: numberRule({ above: 0 }),
  frame_stride: numberRule({ above: 0 }),
  num_filters: numberRule({ integer: true, min: 2 }),
  fft_length: numberRule({ integer: true, min: 2, max: 65536 }),
  win_size: numberRule({ integer: true, odd: true, min: 1 }),
  low_frequency: numberRule({ min: 0 }),
  high_frequency: numberRule({ min: 0 }),
  pre_cof: numberRule(),
  pre_shift: numberRule({ integer: true, min: 1 }),
};

interface MfccPlan {
  layout: FrameLayout;
  fft: RealFft;
  bank: MelFilterbank;
  /** num_cepstral × num_filters. */
  dct: Float64Array;
  cmvn: SlidingCmvn;
  /** The frame-reuse view of the block (frameReuse.ts): a frame's row is its cepstra before normalisation. */
  frames: FrameRows<Float64Array>;
  /**
   * Scratch: the pre-emphasised window, one pre-emphasised frame, one power spectrum, one frame's log mel
   * energies, all cepstra.
   */
  signal: Float64Array;
  frame: Float64Array;
  power: Float64Array;
  logMel: Float64Array;
  cepstra: Float64Array;
}

const plans = new BoundedCache<MfccPlan>(16);

function plan(p: MfccParams, window: WindowShape): MfccPlan {
  requireAudioWindow(TITLE, window);
  requireFftLength(TITLE, p.fft_length);
  if (p.num_cepstral > p.num_filters)
    throw new StudioError(
      'dsp-config',
      `${TITLE}: num_cepstral ${p.num_cepstral} is more than num_filters ${p.num_filters}: the DCT of ` +
        `${p.num_filters} mel energies has only ${p.num_filters} coefficients. Lower num_cepstral or raise num_filters.`,
    );
  const fs = window.frequencyHz;
  const key = `${Object.values(p).join('/')}/${fs}/${window.frames}`;
  return plans.get(key, () => {
    const { lowHz, highHz } = melBand(TITLE, p.low_frequency, p.high_frequency, fs);
    const layout = frameLayout(TITLE, fs, window.frames, p.frame_length, p.frame_stride);
    const bank = getMelFilterbank(TITLE, p.num_filters, p.fft_length, fs, lowHz, highHz);
    const fft = getRealFft(p.fft_length);
    // The FFT reads only the first fft_length samples of a longer frame.
    const read = Math.min(layout.length, p.fft_length);
    const planned: MfccPlan = {
      layout,
      fft,
      bank,
      dct: getDctMatrix(p.num_filters, p.num_cepstral),
      cmvn: new SlidingCmvn(layout.count, p.num_cepstral, p.win_size),
      frames: {
        layout,
        width: p.num_cepstral,
        ownFrames: framesTouching(p.pre_shift % window.frames, layout),
        allocate: (length) => new Float64Array(length),
        frameRow(signal, windowStart, windowFrames, f, out, offset) {
          const { frame } = planned;
          preemphasisSpan(
            signal,
            windowStart,
            windowFrames,
            f * layout.stride,
            read,
            p.pre_cof,
            p.pre_shift,
            1,
            frame,
          );
          frameCepstra(p, planned, frame, 0, read, out, offset);
        },
      },
      signal: new Float64Array(window.frames),
      frame: new Float64Array(read),
      power: new Float64Array(fft.bins),
      logMel: new Float64Array(p.num_filters),
      cepstra: new Float64Array(layout.count * p.num_cepstral),
    };
    return planned;
  });
}

/**
 * One frame's cepstra before normalisation, from input[offset … offset + length − 1] of the pre-emphasised
 * signal → out[outOffset …]: power spectrum → ln mel energies → DCT-II, coefficient 0 := ln frame energy.
 */
function frameCepstra(
  p: MfccParams,
  { fft, bank, dct, power, logMel }: MfccPlan,
  input: Float64Array,
  offset: number,
  length: number,
  out: Float64Array,
  outOffset: number,
): void {
  const filters = p.num_filters;
  const keep = p.num_cepstral;
  const invN = 1 / p.fft_length;
  fft.power(input, offset, length, power);
  applyMelFilterbank(bank, power, logMel, 0);
  // The frame energy Σ power[k], added in bin order, a few bins beside each log: its additions wait on one
  // another, and there the logs' latency hides them.
  const bins = power.length;
  const binsPerLog = Math.ceil(bins / filters);
  let energy = 0;
  let k = 0;
  for (let i = 0; i < filters; i++) {
    for (const end = Math.min(k + binsPerLog, bins); k < end; k++) energy += power[k];
    const e = logMel[i] * invN;
    logMel[i] = Math.log(e === 0 ? 1e-10 : e);
  }
  energy *= invN;
  out[outOffset] = Math.log(energy === 0 ? 1e-10 : energy);
  applyDctRows(dct, filters, logMel, out, outOffset, 1, keep);
}

export const mfccBlock: DspBlock<MfccParams> = {
  id: 'mfcc',
  title: TITLE,
  defaults,
  parseParams: (json) => parseBlockParams(TITLE, defaults, json, rules),
  describe(params, window) {
    const { layout } = plan(params, window);
    return { featureCount: layout.count * params.num_cepstral, shape: [layout.count, params.num_cepstral] };
  },
  run(params, window, shape) {
    requireWindowLength(TITLE, window, shape);
    const planned = plan(params, shape);
    const { layout, cmvn, signal, cepstra } = planned;
    const keep = params.num_cepstral;
    preemphasis(window, params.pre_cof, params.pre_shift, 1, signal);
    for (let f = 0; f < layout.count; f++)
      frameCepstra(params, planned, signal, f * layout.stride, layout.length, cepstra, f * keep);
    const out = new Float32Array(layout.count * keep);
    cmvn.apply(cepstra, out);
    return out;
  },
  *runWindows(params, signal, starts, shape) {
    const { frames, cmvn } = plan(params, shape);
    const out = new Float32Array(frames.layout.count * params.num_cepstral);
    for (const cepstra of windowFrameMatrices(frames, signal, starts, shape.frames)) {
      cmvn.apply(cepstra, out);
      yield out;
    }
  },
};
