/**
 * MFE in C, step for step as mfe.ts: int16 values / 2^15 → pre-emphasis 0.98 (shift 1) → frames →
 * |rfft|² / nFFT → mel energies (0 → 1e-10) → noise-floor loudness scaling → clipped to [0, 1] → 8-bit
 * quantisation round(x·256) / 256, 256 clamped to 255.
 */
import type { WindowShape } from '../../../dsp/block';
import { melBand } from '../../../dsp/audioChecks';
import { frameLayout } from '../../../dsp/framing';
import { getMelFilterbank } from '../../../dsp/mel';
import type { MfeParams } from '../../../dsp/mfe';
import type { EmittedBlock } from '../blockEmitter';
import type { CUnit } from '../cUnit';
import { addFft } from '../steps/fftC';
import {
  addFraming,
  addMelFilterbank,
  addNoiseFloorScale,
  addPreemphasis,
  addZeroEnergy,
} from '../steps/audioStepsC';

/** mfe.ts: the fixed pre-emphasis of implementation version 4. */
const PRE_COF = 0.98;
const PRE_SHIFT = 1;
const INT16_SCALE = 1 / 32768;
const TITLE = 'Audio (MFE)';

export function emitMfe(unit: CUnit, params: MfeParams, shape: WindowShape): EmittedBlock {
  const fs = shape.frequencyHz;
  const layout = frameLayout(TITLE, fs, shape.frames, params.frame_length, params.frame_stride);
  const { lowHz, highHz } = melBand(TITLE, params.low_frequency, params.high_frequency, fs);
  const bank = getMelFilterbank(TITLE, params.num_filters, params.fft_length, fs, lowHz, highHz);
  addFraming(unit, layout, params.fft_length, fs);
  addFft(unit, params.fft_length);
  addPreemphasis(unit, PRE_COF, PRE_SHIFT, shape.frames, {
    value: INT16_SCALE,
    meaning: 'int16 values are scaled by 1 / 2^15 first (exact in float32).',
  });
  addMelFilterbank(unit, bank);
  addZeroEnergy(unit);
  addNoiseFloorScale(unit, params.noise_floor_db);
  unit.defineFloat('QUANTISATION_STEPS', 256, 'Features are quantised to multiples of 1/256.');
  unit.defineFloat(
    'QUANTISED_MAX',
    255,
    'The largest quantised step (the reference wraps 256 to 0; we clamp).',
  );
  unit.buffer(
    'frame',
    Math.min(layout.length, params.fft_length),
    'The pre-emphasised samples of one frame the FFT reads.',
  );
  unit.buffer('power', params.fft_length / 2 + 1, 'Power spectrum of one frame.');
  unit.buffer('energies', params.num_filters, "One frame's mel energies.");
  unit.routine(
    'quantise',
    `
/*
 * 8-bit quantisation as the reference: round half to even of x·256 (numpy.around; rintf in the default
 * rounding mode), / 256. The reference casts to uint8, which wraps a full-scale 256 to 0: clamped to 255.
 */
static float quantise(float x)
{
    float q = rintf(x * QUANTISATION_STEPS);
    if (q > QUANTISED_MAX) q = QUANTISED_MAX;
    return q / QUANTISATION_STEPS;
}`,
  );
  unit.routine(
    'mfe',
    `
/* MFE of one window: frame by frame, filter by filter (mfe.ts run). */
static void mfe(const float *window, float *features)
{
    int f;
    int i;
    for (f = 0; f < FRAME_COUNT; f++) {
        preemphasis_frame(window, f * FRAME_STRIDE, frame);
        fft_power(frame, FFT_INPUT, power);
        mel_energies(power, energies);
        for (i = 0; i < MEL_FILTERS; i++) {
            const float e = energies[i] * INV_FFT_LENGTH;
            const float x = noise_floor_scale(e == 0.0f ? ZERO_ENERGY : e);
            features[f * MEL_FILTERS + i] = quantise(x < 0.0f ? 0.0f : x > 1.0f ? 1.0f : x);
        }
    }
}`,
  );
  return {
    entry: 'mfe',
    arithmetic:
      'The studio computes pre-emphasis, FFT, mel energies and logarithms in float64; here they are float32. ' +
      'Quantisation to 1/256 then gives the same value except where the value before rounding lies within the ' +
      'float32 error of a rounding boundary, where the two may differ by one step (1/256).',
  };
}
