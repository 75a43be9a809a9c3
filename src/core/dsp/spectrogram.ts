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
import { noiseFloorScale } from './loudness';
import { numberRule, parseBlockParams, type ParamRules } from './params';

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

interface SpectrogramPlan {
  layout: FrameLayout;
  fft: RealFft;
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
    return { layout, fft, power: new Float64Array(fft.bins) };
  });
}

export const spectrogramBlock: DspBlock<SpectrogramParams> = {
  id: 'spectrogram',
  title: TITLE,
  defaults,
  parseParams: (json) => parseBlockParams(TITLE, defaults, json, rules),
  describe(params, window) {
    const { layout, fft } = plan(params, window);
    return { featureCount: layout.count * fft.bins, shape: [layout.count, fft.bins] };
  },
  run(params, window, shape) {
    requireWindowLength(TITLE, window, shape);
    const { layout, fft, power } = plan(params, shape);
    const bins = fft.bins;
    const invN = 1 / params.fft_length;
    const floor = params.noise_floor_db;
    const out = new Float32Array(layout.count * bins);
    for (let f = 0; f < layout.count; f++) {
      fft.power(window, f * layout.stride, layout.length, power);
      for (let k = 0; k < bins; k++) {
        const x = noiseFloorScale(power[k] * invN, floor);
        out[f * bins + k] = x < 0 ? 0 : x;
      }
    }
    return out;
  },
};
