/**
 * MFCC in C, step for step as mfcc.ts: raw int16 values → pre-emphasis (pre_cof, pre_shift, circular) →
 * frames → |rfft|² / nFFT → mel energies (0 → 1e-10) → natural log → orthonormal DCT-II, first num_cepstral
 * kept → coefficient 0 := ln(frame energy) → sliding mean and variance normalisation over win_size frames
 * (cmvn.ts).
 */
import type { WindowShape } from '../../../dsp/block';
import { melBand } from '../../../dsp/audioChecks';
import { symmetricRow } from '../../../dsp/cmvn';
import { getDctMatrix } from '../../../dsp/dct';
import { frameLayout } from '../../../dsp/framing';
import { getMelFilterbank } from '../../../dsp/mel';
import type { MfccParams } from '../../../dsp/mfcc';
import type { EmittedBlock } from '../blockEmitter';
import type { CUnit } from '../cUnit';
import { addFft } from '../steps/fftC';
import { addFraming, addMelFilterbank, addPreemphasis, addZeroEnergy } from '../steps/audioStepsC';

const TITLE = 'Audio (MFCC)';

const CMVN = `
/*
 * Sliding cepstral mean and variance normalisation of x (FRAME_COUNT rows × NUM_CEPSTRAL), in place
 * (cmvn.ts, speechpy's cmvnw with variance normalisation): rows are padded by (CMVN_WINDOW − 1) / 2 on each
 * side by mirror reflection including the edge row (numpy 'symmetric', CMVN_SOURCE_ROW); each value minus the
 * mean of its window, then divided by the population std of the centred padded rows in its window + 1e-10.
 * Window sums slide (the entering row added, the leaving one subtracted), as in the studio; the first sums are
 * taken of x − origin (the column's first padded value), so the log energy's offset costs no precision and a
 * constant column centres to exactly 0, as in float64.
 */
static void cmvn(float *x)
{
    int c;
    int r;
    int w;
    for (c = 0; c < NUM_CEPSTRAL; c++) {
        const float origin = x[CMVN_SOURCE_ROW[0] * NUM_CEPSTRAL + c];
        float sum = 0.0f;
        float squares = 0.0f;
        for (w = 0; w < CMVN_WINDOW; w++) sum += x[CMVN_SOURCE_ROW[w] * NUM_CEPSTRAL + c] - origin;
        for (r = 0; r < FRAME_COUNT; r++) {
            centred[r] = (x[r * NUM_CEPSTRAL + c] - origin) - sum / (float)CMVN_WINDOW;
            if (r + 1 < FRAME_COUNT)
                sum += x[CMVN_SOURCE_ROW[r + CMVN_WINDOW] * NUM_CEPSTRAL + c] - x[CMVN_SOURCE_ROW[r] * NUM_CEPSTRAL + c];
        }
        sum = 0.0f;
        for (w = 0; w < CMVN_WINDOW; w++) {
            const float v = centred[CMVN_SOURCE_ROW[w]];
            sum += v;
            squares += v * v;
        }
        for (r = 0; r < FRAME_COUNT; r++) {
            const float mean = sum / (float)CMVN_WINDOW;
            const float variance = squares / (float)CMVN_WINDOW - mean * mean;
            const float std = variance > 0.0f ? sqrtf(variance) : 0.0f;
            x[r * NUM_CEPSTRAL + c] = centred[r] / (std + CMVN_EPSILON);
            if (r + 1 < FRAME_COUNT) {
                const float enter = centred[CMVN_SOURCE_ROW[r + CMVN_WINDOW]];
                const float leave = centred[CMVN_SOURCE_ROW[r]];
                sum += enter - leave;
                squares += enter * enter - leave * leave;
            }
        }
    }
}`;

const DCT_STEP = `
        for (k = 1; k < NUM_CEPSTRAL; k++) {
            float sum = 0.0f;
            for (i = 0; i < MEL_FILTERS; i++) sum += DCT_ROWS[k - 1][i] * log_mel[i];
            cepstra[k] = sum;
        }`;

/** The block's routine; with a single coefficient there is no DCT row to compute. */
function mfccRoutine(keep: number): string {
  return `
/* MFCC of one window: the cepstra of every frame into features, then normalised in place (mfcc.ts run). */
static void mfcc(const float *window, float *features)
{
    int f;
    int i;
    int k;
    for (f = 0; f < FRAME_COUNT; f++) {
        float *cepstra = features + f * NUM_CEPSTRAL;
        float energy = 0.0f;
        preemphasis_frame(window, f * FRAME_STRIDE, frame);
        fft_power(frame, FFT_INPUT, power);
        for (k = 0; k < FFT_BINS; k++) energy += power[k];
        energy *= INV_FFT_LENGTH;
        mel_energies(power, log_mel);
        for (i = 0; i < MEL_FILTERS; i++) {
            const float e = log_mel[i] * INV_FFT_LENGTH;
            log_mel[i] = logf(e == 0.0f ? ZERO_ENERGY : e);
        }
        /* coefficient 0 is the log frame energy; 1 … NUM_CEPSTRAL − 1 the DCT of the log mel energies */
        cepstra[0] = logf(energy == 0.0f ? ZERO_ENERGY : energy);${keep > 1 ? DCT_STEP : ''}
    }
    cmvn(features);
}`;
}

export function emitMfcc(unit: CUnit, params: MfccParams, shape: WindowShape): EmittedBlock {
  const fs = shape.frequencyHz;
  const layout = frameLayout(TITLE, fs, shape.frames, params.frame_length, params.frame_stride);
  const { lowHz, highHz } = melBand(TITLE, params.low_frequency, params.high_frequency, fs);
  const bank = getMelFilterbank(TITLE, params.num_filters, params.fft_length, fs, lowHz, highHz);
  const keep = params.num_cepstral;
  const filters = params.num_filters;
  addFraming(unit, layout, params.fft_length, fs);
  addFft(unit, params.fft_length);
  addPreemphasis(unit, params.pre_cof, params.pre_shift, shape.frames, {
    value: 1,
    meaning: 'MFCC takes the raw int16 values, not scaled.',
  });
  addMelFilterbank(unit, bank);
  addZeroEnergy(unit);
  unit.define('NUM_CEPSTRAL', keep, 'Cepstral coefficients kept per frame (num_cepstral).');
  if (keep > 1)
    unit.floatTable(
      'DCT_ROWS',
      getDctMatrix(filters, keep).subarray(filters),
      'Rows 1 … NUM_CEPSTRAL − 1 of the orthonormal DCT-II matrix (dct.ts; row 0 is replaced by the log energy).',
      filters,
    );
  const win = params.win_size;
  const pad = (win - 1) / 2;
  unit.define('CMVN_WINDOW', win, 'Frames of the sliding normalisation window (win_size, odd).');
  unit.defineFloat('CMVN_EPSILON', 1e-10, 'Added to the std before dividing by it.');
  unit.intTable(
    'CMVN_SOURCE_ROW',
    Array.from({ length: layout.count + win - 1 }, (_, p) => symmetricRow(p - pad, layout.count)),
    `The frame each of the FRAME_COUNT + ${win - 1} padded rows repeats (numpy 'symmetric' padding, cmvn.ts).`,
  );
  unit.buffer(
    'frame',
    Math.min(layout.length, params.fft_length),
    'The pre-emphasised samples of one frame the FFT reads.',
  );
  unit.buffer('power', params.fft_length / 2 + 1, 'Power spectrum of one frame.');
  unit.buffer('log_mel', filters, "One frame's log mel energies.");
  unit.buffer('centred', layout.count, 'One cepstral coefficient of every frame, minus its sliding mean.');
  unit.routine('cmvn', CMVN);
  unit.routine('mfcc', mfccRoutine(keep));
  return {
    entry: 'mfcc',
    arithmetic:
      'The studio computes pre-emphasis, FFT, mel energies, logarithms, DCT and normalisation in float64; here ' +
      'they are float32.',
  };
}
