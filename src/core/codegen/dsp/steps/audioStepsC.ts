/**
 * The steps the audio blocks share, in C: framing settings, pre-emphasis of one frame, the mel filterbank
 * (the sparse tables mel.ts builds) and the noise-floor loudness scaling (loudness.ts).
 */
import type { FrameLayout } from '../../../dsp/framing';
import type { MelFilterbank } from '../../../dsp/mel';
import type { CUnit } from '../cUnit';

/** FRAME_LENGTH, FRAME_STRIDE, FRAME_COUNT and FFT_INPUT (the samples of a frame the FFT reads). */
export function addFraming(unit: CUnit, layout: FrameLayout, fftLength: number, fs: number): void {
  unit.define('FRAME_LENGTH', layout.length, `Samples per frame (frame_length at ${fs} Hz, framing.ts).`);
  unit.define(
    'FRAME_STRIDE',
    layout.stride,
    'Samples between the starts of consecutive frames (frame_stride).',
  );
  unit.define(
    'FRAME_COUNT',
    layout.count,
    'Frames in the window: (WINDOW_FRAMES − FRAME_LENGTH) / FRAME_STRIDE + 1.',
  );
  unit.define(
    'FFT_INPUT',
    Math.min(layout.length, fftLength),
    'Samples of a frame the FFT reads: a frame longer than FFT_LENGTH is cut to its first FFT_LENGTH.',
  );
}

/**
 * `preemphasis_frame(window, start, out)`: samples start … start + FFT_INPUT − 1 of the pre-emphasised window
 * y[t] = s·x[t] − c·s·x[t − shift], the index circular as numpy.roll (preemphasis.ts). The studio filters the
 * whole window first; each value depends only on the window, so filtering frame by frame gives the same values
 * with a frame-sized buffer instead of a window-sized one.
 */
export function addPreemphasis(
  unit: CUnit,
  coefficient: number,
  shift: number,
  windowFrames: number,
  scale: { value: number; meaning: string },
): void {
  unit.defineFloat('PRE_COF', coefficient, 'Pre-emphasis coefficient c (pre_cof).');
  unit.define(
    'PRE_SHIFT',
    shift % windowFrames,
    'Pre-emphasis shift in samples (pre_shift modulo the window).',
  );
  unit.defineFloat('INPUT_SCALE', scale.value, scale.meaning);
  unit.routine(
    'preemphasis_frame',
    `
/* Pre-emphasised samples start … start + FFT_INPUT − 1 of the window (preemphasis.ts, numpy.roll's wrap). */
static void preemphasis_frame(const float *window, int start, float *out)
{
    int i;
    for (i = 0; i < FFT_INPUT; i++) {
        const int t = start + i;
        const int earlier = t >= PRE_SHIFT ? t - PRE_SHIFT : t - PRE_SHIFT + WINDOW_FRAMES;
        out[i] = window[t] * INPUT_SCALE - PRE_COF * (window[earlier] * INPUT_SCALE);
    }
}`,
  );
}

/** The mel filterbank of mel.ts as sparse tables and `mel_energies(spectrum, out)`. */
export function addMelFilterbank(unit: CUnit, bank: MelFilterbank): void {
  unit.define('MEL_FILTERS', bank.filters, 'Triangular mel filters (num_filters).');
  unit.intTable('MEL_FIRST_BIN', bank.first, 'First FFT bin each mel filter weighs (mel.ts).');
  unit.intTable('MEL_BIN_COUNT', bank.count, 'Bins each mel filter weighs.');
  unit.intTable('MEL_WEIGHT_OFFSET', bank.offset, "Where each filter's weights start in MEL_WEIGHTS.");
  unit.floatTable(
    'MEL_WEIGHTS',
    bank.weights,
    'The non-zero triangle weights of every filter, filter after filter (mel.ts).',
  );
  unit.routine(
    'mel_energies',
    `
/* out[i] = Σ weight · spectrum[k] over the bins of mel filter i (mel.ts applyMelFilterbank). */
static void mel_energies(const float *spectrum, float *out)
{
    int i;
    int k;
    for (i = 0; i < MEL_FILTERS; i++) {
        const float *weights = MEL_WEIGHTS + MEL_WEIGHT_OFFSET[i];
        const float *bins = spectrum + MEL_FIRST_BIN[i];
        float sum = 0.0f;
        for (k = 0; k < MEL_BIN_COUNT[i]; k++) sum += weights[k] * bins[k];
        out[i] = sum;
    }
}`,
  );
}

/** Edge Impulse's loudness scaling with the block's noise floor: `noise_floor_scale(power)`. */
export function addNoiseFloorScale(unit: CUnit, noiseFloorDb: number): void {
  unit.defineFloat('NOISE_FLOOR_DB', noiseFloorDb, 'noise_floor_db: this loudness maps to 0.');
  unit.defineFloat(
    'HEADROOM_DB',
    12,
    'The loudness 12 dB above 0 dB maps to 1 (implementation version ≥ 3).',
  );
  unit.defineFloat('MIN_POWER', 1e-30, 'Powers are clipped below at 1e-30 before the logarithm.');
  unit.routine(
    'noise_floor_scale',
    `
/* (10·log10(max(p, 1e-30)) − NOISE_FLOOR_DB) / (HEADROOM_DB − NOISE_FLOOR_DB) for a power p (loudness.ts). */
static float noise_floor_scale(float p)
{
    const float db = 10.0f * log10f(p < MIN_POWER ? MIN_POWER : p);
    return (db - NOISE_FLOOR_DB) / (HEADROOM_DB - NOISE_FLOOR_DB);
}`,
  );
}

/** A zero energy takes 1e-10 before any logarithm (DESIGN.md §5): ZERO_ENERGY. */
export function addZeroEnergy(unit: CUnit): void {
  unit.defineFloat('ZERO_ENERGY', 1e-10, 'An energy of exactly 0 counts as 1e-10 before any logarithm.');
}
