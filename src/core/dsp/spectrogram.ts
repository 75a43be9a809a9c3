/**
 * Spectrogram block (DESIGN.md §5, Edge Impulse implementation version 4): raw values (not scaled) → frames
 * (frame and stride ≥ 4 samples) → |rfft|²/nFFT → loudness scaling with the noise floor → clipped below at 0
 * (version 4 has no upper clip). Features: frames × (nFFT/2 + 1).
 */
import type { DspBlock, WindowShape } from './block';
import { requireAudioWindow, requireFftLength, requireWindowLength } from './audioChecks';
import { BoundedCache } from './boundedCache';
import { getRealFft, type RealFft } from './fft';
import { frameLayout, type FrameLayout } from './framing';
import { windowFrameMatrices, type FrameRows } from './frameReuse';
import { noiseFloorScale } from './loudness';
import { numberRule, paramSpecNotes, parseParamSpec, type ParamRules, type ParamSpec } from './params';

export type SpectrogramParams = {
  frame_length: number;
  frame_stride: number;
  fft_length: number;
  noise_floor_db: number;
};

const TITLE = 'Spectrogram';
const MIN_FRAME_SAMPLES = 4;

const defaults: SpectrogramParams = {
  frame_length: 0.02,
  frame_stride: 0.01,
  fft_length: 128,
  noise_floor_db: -52,
};

const rules: ParamRules<SpectrogramParams> = {
  frame_length: numberRule({ above: 0 }),
  frame_stride: numberRule({ above: 0 }),
  fft_length: numberRule({ integer: true, min: 2, max: 65536 }),
  noise_floor_db: numberRule({ below: 12 }),
};

const spec: ParamSpec<SpectrogramParams> = {
  title: TITLE,
  defaults,
  rules,
  // parameters.json shows it for no implementation version: it only drew axes on Studio's spectrogram image.
  ignored: { show_axes: 'display only (axes on the spectrogram graph); the features do not depend on it' },
};

interface SpectrogramPlan {
  layout: FrameLayout;
  fft: RealFft;
  /** The frame-reuse view of the block (frameReuse.ts): no pre-emphasis, so no frame is a window's own. */
  frames: FrameRows<Float32Array>;
  /** Scratch: one power spectrum. */
  power: Float64Array;
}

const plans = new BoundedCache<SpectrogramPlan>(16);

function plan(p: SpectrogramParams, window: WindowShape): SpectrogramPlan {
  requireAudioWindow(TITLE, window);
  requireFftLength(TITLE, p.fft_length);
  const fs = window.frequencyHz;
  const key = `${Object.values(p).join('/')}/${fs}/${window.frames}`;
  return plans.get(key, () => {
    const layout = frameLayout(TITLE, fs, window.frames, p.frame_length, p.frame_stride, MIN_FRAME_SAMPLES);
    const fft = getRealFft(p.fft_length);
    const planned: SpectrogramPlan = {
      layout,
      fft,
      frames: {
        layout,
        width: fft.bins,
        ownFrames: 0,
        allocate: (length) => new Float32Array(length),
        frameRow(signal, windowStart, _windowFrames, f, out, offset) {
          frameFeatures(p, planned, signal, windowStart + f * layout.stride, out, offset);
        },
      },
      power: new Float64Array(fft.bins),
    };
    return planned;
  });
}

/** One frame's features, input[offset …] (one frame) → out[outOffset …]: power spectrum → loudness scaling. */
function frameFeatures(
  p: SpectrogramParams,
  { layout, fft, power }: SpectrogramPlan,
  input: Float32Array,
  offset: number,
  out: Float32Array,
  outOffset: number,
): void {
  const invN = 1 / p.fft_length;
  const floor = p.noise_floor_db;
  fft.power(input, offset, layout.length, power);
  for (let k = 0; k < fft.bins; k++) {
    const x = noiseFloorScale(power[k] * invN, floor);
    out[outOffset + k] = x < 0 ? 0 : x;
  }
}

export const spectrogramBlock: DspBlock<SpectrogramParams> = {
  id: 'spectrogram',
  title: TITLE,
  defaults,
  parseParams: (json) => parseParamSpec(spec, json),
  paramNotes: (json) => paramSpecNotes(spec, json),
  describe(params, window) {
    const { layout, fft } = plan(params, window);
    return { featureCount: layout.count * fft.bins, shape: [layout.count, fft.bins] };
  },
  run(params, window, shape) {
    requireWindowLength(TITLE, window, shape);
    const planned = plan(params, shape);
    const { layout, fft } = planned;
    const out = new Float32Array(layout.count * fft.bins);
    for (let f = 0; f < layout.count; f++)
      frameFeatures(params, planned, window, f * layout.stride, out, f * fft.bins);
    return out;
  },
  *runWindows(params, signal, starts, shape) {
    const { frames } = plan(params, shape);
    // A copy, so that a caller writing into its row cannot change the frames kept for the next windows.
    const out = new Float32Array(frames.layout.count * frames.width);
    for (const rows of windowFrameMatrices(frames, signal, starts, shape.frames)) {
      out.set(rows);
      yield out;
    }
  },
};
