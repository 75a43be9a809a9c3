/**
 * MFE block, Mel-filterbank energies (DESIGN.md §5, Edge Impulse implementation version 4): int16 values / 2^15
 * → pre-emphasis 0.98 (shift 1) → frames → |rfft|²/nFFT → mel energies (0 → 1e-10) → loudness scaling
 * with the noise floor → clipped to [0, 1] → quantised to 8 bits: round(x·256) / 256.
 * The Python reference casts round(x·256) to uint8, so a full-scale cell (256) wraps to 0; we clamp it to 255.
 */
import type { DspBlock, WindowShape } from './block';
import { melBand, requireAudioWindow, requireFftLength, requireWindowLength } from './audioChecks';
import { BoundedCache } from './boundedCache';
import { getRealFft, type RealFft } from './fft';
import { frameLayout, type FrameLayout } from './framing';
import { framesTouching, windowFrameMatrices, type FrameRows } from './frameReuse';
import { applyMelFilterbank, getMelFilterbank, type MelFilterbank } from './mel';
import { numberRule, paramSpecNotes, parseParamSpec, type ParamRules, type ParamSpec } from './params';
import { getLoudnessLevels, type LoudnessLevels } from './quantisedLoudness';
import { preemphasis, preemphasisSpan } from './preemphasis';

export type MfeParams = {
  frame_length: number;
  frame_stride: number;
  num_filters: number;
  fft_length: number;
  low_frequency: number;
  /** 0 means fs/2. */
  high_frequency: number;
  noise_floor_db: number;
};

const TITLE = 'Audio (MFE)';

const defaults: MfeParams = {
  frame_length: 0.02,
  frame_stride: 0.01,
  num_filters: 40,
  fft_length: 256,
  low_frequency: 0,
  high_frequency: 0,
  noise_floor_db: -52,
};

const rules: ParamRules<MfeParams> = {
  frame_length: numberRule({ above: 0 }),
  frame_stride: numberRule({ above: 0 }),
  num_filters: numberRule({ integer: true, min: 2 }),
  fft_length: numberRule({ integer: true, min: 2, max: 65536 }),
  low_frequency: numberRule({ min: 0 }),
  high_frequency: numberRule({ min: 0 }),
  noise_floor_db: numberRule({ below: 12 }),
};

const spec: ParamSpec<MfeParams> = {
  title: TITLE,
  defaults,
  rules,
  // Edge Impulse's mfe/dsp.py reads win_size only for implementation versions 1 and 2, whose sliding mean
  // normalisation (cmvnw) version 3 replaced with the noise floor; parameters.json still lists it.
  ignored: {
    win_size:
      'only implementation versions 1 and 2 of the block use it (their sliding mean normalisation); ' +
      'version 4, which the studio runs, scales by the noise floor instead',
  },
};

const PRE_COF = 0.98;
const INT16_SCALE = 1 / 32768;

interface MfePlan {
  layout: FrameLayout;
  fft: RealFft;
  bank: MelFilterbank;
  /** Loudness scaling and quantisation of a mel energy (quantisedLoudness.ts). */
  levels: LoudnessLevels;
  /** The frame-reuse view of the block (frameReuse.ts). */
  frames: FrameRows<Float32Array>;
  /**
   * Scratch: the pre-emphasised window, one pre-emphasised frame, one power spectrum, one frame's mel
   * energies.
   */
  signal: Float64Array;
  frame: Float64Array;
  power: Float64Array;
  energies: Float64Array;
}

const plans = new BoundedCache<MfePlan>(16);

function plan(p: MfeParams, window: WindowShape): MfePlan {
  requireAudioWindow(TITLE, window);
  requireFftLength(TITLE, p.fft_length);
  const fs = window.frequencyHz;
  const key = `${Object.values(p).join('/')}/${fs}/${window.frames}`;
  return plans.get(key, () => {
    const { lowHz, highHz } = melBand(TITLE, p.low_frequency, p.high_frequency, fs);
    const layout = frameLayout(TITLE, fs, window.frames, p.frame_length, p.frame_stride);
    const bank = getMelFilterbank(TITLE, p.num_filters, p.fft_length, fs, lowHz, highHz);
    const fft = getRealFft(p.fft_length);
    // The FFT reads only the first fft_length samples of a longer frame.
    const read = Math.min(layout.length, p.fft_length);
    const planned: MfePlan = {
      layout,
      fft,
      bank,
      levels: getLoudnessLevels(p.noise_floor_db),
      frames: {
        layout,
        width: p.num_filters,
        ownFrames: framesTouching(1 % window.frames, layout),
        allocate: (length) => new Float32Array(length),
        frameRow(signal, windowStart, windowFrames, f, out, offset) {
          const { frame } = planned;
          preemphasisSpan(
            signal,
            windowStart,
            windowFrames,
            f * layout.stride,
            read,
            PRE_COF,
            1,
            INT16_SCALE,
            frame,
          );
          frameFeatures(p, planned, frame, 0, read, out, offset);
        },
      },
      signal: new Float64Array(window.frames),
      frame: new Float64Array(read),
      power: new Float64Array(fft.bins),
      energies: new Float64Array(p.num_filters),
    };
    return planned;
  });
}

/**
 * One frame's features, input[offset … offset + length − 1] of the pre-emphasised signal → out[outOffset …]:
 * power spectrum → mel energies → loudness scaling → 8-bit quantisation.
 */
function frameFeatures(
  p: MfeParams,
  { fft, bank, levels, power, energies }: MfePlan,
  input: Float64Array,
  offset: number,
  length: number,
  out: Float32Array,
  outOffset: number,
): void {
  const filters = p.num_filters;
  const invN = 1 / p.fft_length;
  fft.power(input, offset, length, power);
  applyMelFilterbank(bank, power, energies, 0);
  for (let i = 0; i < filters; i++) out[outOffset + i] = levels.level(energies[i] * invN);
}

export const mfeBlock: DspBlock<MfeParams> = {
  id: 'mfe',
  title: TITLE,
  defaults,
  parseParams: (json) => parseParamSpec(spec, json),
  paramNotes: (json) => paramSpecNotes(spec, json),
  describe(params, window) {
    const { layout } = plan(params, window);
    return { featureCount: layout.count * params.num_filters, shape: [layout.count, params.num_filters] };
  },
  run(params, window, shape) {
    requireWindowLength(TITLE, window, shape);
    const planned = plan(params, shape);
    const { layout, signal } = planned;
    const filters = params.num_filters;
    preemphasis(window, PRE_COF, 1, INT16_SCALE, signal);
    const out = new Float32Array(layout.count * filters);
    for (let f = 0; f < layout.count; f++)
      frameFeatures(params, planned, signal, f * layout.stride, layout.length, out, f * filters);
    return out;
  },
  *runWindows(params, signal, starts, shape) {
    const { frames } = plan(params, shape);
    // A copy, so that a caller writing into its row cannot change the frames kept for the next windows.
    const out = new Float32Array(frames.layout.count * params.num_filters);
    for (const rows of windowFrameMatrices(frames, signal, starts, shape.frames)) {
      out.set(rows);
      yield out;
    }
  },
};
