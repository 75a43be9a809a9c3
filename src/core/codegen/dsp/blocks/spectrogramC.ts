/**
 * Spectrogram in C, step for step as spectrogram.ts: raw values (not scaled) → frames → |rfft|² / nFFT →
 * noise-floor loudness scaling → clipped below at 0 (implementation version 4 has no upper clip).
 */
import type { WindowShape } from '../../../dsp/block';
import { frameLayout } from '../../../dsp/framing';
import type { SpectrogramParams } from '../../../dsp/spectrogram';
import type { EmittedBlock } from '../blockEmitter';
import type { CUnit } from '../cUnit';
import { addFft } from '../steps/fftC';
import { addFraming, addNoiseFloorScale } from '../steps/audioStepsC';

const TITLE = 'Spectrogram';
/** spectrogram.ts: a frame and the stride span at least 4 samples. */
const MIN_FRAME_SAMPLES = 4;

export function emitSpectrogram(unit: CUnit, params: SpectrogramParams, shape: WindowShape): EmittedBlock {
  const fs = shape.frequencyHz;
  const layout = frameLayout(
    TITLE,
    fs,
    shape.frames,
    params.frame_length,
    params.frame_stride,
    MIN_FRAME_SAMPLES,
  );
  addFraming(unit, layout, params.fft_length, fs);
  addFft(unit, params.fft_length);
  addNoiseFloorScale(unit, params.noise_floor_db);
  unit.buffer('power', params.fft_length / 2 + 1, 'Power spectrum of one frame.');
  unit.routine(
    'spectrogram',
    `
/* Spectrogram of one window: FFT_BINS loudness values per frame, frame after frame (spectrogram.ts run). */
static void spectrogram(const float *window, float *features)
{
    int f;
    int k;
    for (f = 0; f < FRAME_COUNT; f++) {
        fft_power(window + f * FRAME_STRIDE, FFT_INPUT, power);
        for (k = 0; k < FFT_BINS; k++) {
            const float x = noise_floor_scale(power[k] * INV_FFT_LENGTH);
            features[f * FFT_BINS + k] = x < 0.0f ? 0.0f : x;
        }
    }
}`,
  );
  return {
    entry: 'spectrogram',
    arithmetic: 'The studio computes the FFT and the logarithms in float64; here they are float32.',
  };
}
