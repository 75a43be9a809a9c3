/**
 * Spectral analysis in C, step for step as spectral.ts: per axis the prepared (scaled, decimated, filtered,
 * centred) signal, then the analysis — FFT: RMS, skewness, kurtosis → max-hold Welch power spectrum →
 * spectral skewness and kurtosis → log10 → the kept bins, and with extra-low-freq the same features of the
 * signal decimated by 10 after those of every axis; Wavelet: spectralWaveletC.ts.
 */
import type { WindowShape } from '../../../dsp/block';
import { spectralAnalyses, type Analysis, type SpectralParams } from '../../../dsp/spectral';
import { FLOAT32_RESOLUTION, FLOAT64_RESOLUTION } from '../../../dsp/statistics';
import type { EmittedBlock } from '../blockEmitter';
import type { CUnit } from '../cUnit';
import { addFft } from '../steps/fftC';
import { addDecimator } from '../steps/filterC';
import { addStatistics } from '../steps/statisticsC';
import { addAxisPreparation, addCentreWide, EXTRA_LOW_FREQ_RATIO } from './spectralPrepareC';
import { emitSpectralWavelet } from './spectralWaveletC';

/** Features before the bins of every analysis: RMS, skewness, kurtosis, spectral skewness and kurtosis. */
const STATISTICS = 5;

function featureStep(doLog: boolean): string {
  return doLog
    ? '/* do-log: log10 of the power, 0 counting as 1e-10 */\n        *out++ = log10f(p == 0.0f ? LOG_ZERO_POWER : p);'
    : '/* do-log off: the power itself */\n        *out++ = p;';
}

function extractRoutine(doLog: boolean): string {
  return `
/*
 * The features of one analysis of sig[0 … samples) (mean already removed), written from out on (spectral.ts
 * extract). resolution is SciPy's zero-variance resolution for the data's dtype in the reference.
 */
static void spectral_features(const float *sig, int samples, float resolution, int first_bin, int last_bin,
                              float *out)
{
    statistics_t s;
    int start;
    int k;
    statistics(sig, samples, 1, resolution, &s);
    *out++ = sqrtf(s.mean_square);
    *out++ = s.skewness;
    *out++ = s.kurtosis;
    /*
     * Max-hold Welch (common/spectrum.py welch_max_hold): frames of FFT_LENGTH samples start at 0 and step by
     * FFT_STEP while start < samples, a frame past the end zero-padded; per bin the largest |X|² / FFT_LENGTH.
     * (The frame starting exactly at the end is all zeros and cannot raise the maximum.)
     */
    for (k = 0; k < FFT_BINS; k++) max_power[k] = 0.0f;
    for (start = 0; start < samples; start += FFT_STEP) {
        fft_power(sig + start, samples - start, power);
        for (k = 0; k < FFT_BINS; k++) {
            const float p = power[k] * INV_FFT_LENGTH;
            if (p > max_power[k]) max_power[k] = p;
        }
    }
    statistics(max_power, FFT_BINS, 1, FLOAT64_RESOLUTION, &s);
    *out++ = s.skewness;
    *out++ = s.kurtosis;
    for (k = first_bin; k <= last_bin; k++) {
        const float p = max_power[k];
        ${featureStep(doLog)}
    }
}`;
}

function binsOf(a: Analysis): number {
  return a.lastBin - a.firstBin + 1;
}

function emitSpectralFft(unit: CUnit, params: SpectralParams, shape: WindowShape): EmittedBlock {
  const { fftLength, main, lowFreq } = spectralAnalyses(params, shape);
  const prepared = addAxisPreparation(unit, params, shape, {
    lowFreqFollows: lowFreq !== null,
    analyseWide: false,
  });
  unit.defineFloat(
    'FLOAT32_RESOLUTION',
    FLOAT32_RESOLUTION,
    "SciPy's zero-variance resolution of float32 data (the signal is float32 in the reference without decimation).",
  );
  unit.defineFloat(
    'FLOAT64_RESOLUTION',
    FLOAT64_RESOLUTION,
    "SciPy's zero-variance resolution of float64 data (decimated signals and the spectrum are float64 in the reference).",
  );
  if (params['do-log'])
    unit.defineFloat('LOG_ZERO_POWER', 1e-10, 'A power of exactly 0 takes log10(1e-10) (the reference).');
  unit.define(
    'FFT_STEP',
    params['do-fft-overlap'] ? fftLength - fftLength / 2 : fftLength,
    `Samples between the starts of Welch frames (do-fft-overlap ${params['do-fft-overlap'] ? 'on: half overlap' : 'off'}).`,
  );
  addFft(unit, fftLength);
  addStatistics(unit);
  unit.buffer('power', fftLength / 2 + 1, 'Power spectrum of one Welch frame.');
  unit.buffer('max_power', fftLength / 2 + 1, 'Per-bin maximum over the Welch frames.');
  unit.define('MAIN_FIRST_BIN', main.firstBin, 'First FFT bin kept by the filter (bins 1 … FFT_LENGTH/2).');
  unit.define('MAIN_LAST_BIN', main.lastBin, 'Last FFT bin kept.');
  unit.define(
    'MAIN_FEATURES_PER_AXIS',
    STATISTICS + binsOf(main),
    'Features of each axis: 5 statistics and the kept bins.',
  );
  const steps = [
    prepared.steps,
    `        spectral_features(signal, samples, ${prepared.wide ? 'FLOAT64_RESOLUTION' : 'FLOAT32_RESOLUTION'}, MAIN_FIRST_BIN, MAIN_LAST_BIN,
                          features + axis * MAIN_FEATURES_PER_AXIS);`,
  ];
  if (lowFreq) {
    const { sos, steadyState } = addDecimator(unit, EXTRA_LOW_FREQ_RATIO);
    addCentreWide(unit);
    unit.define(
      'LOW_FREQ_FIRST_BIN',
      lowFreq.firstBin,
      `First bin kept of the extra low-frequency analysis (at ${lowFreq.fs} Hz).`,
    );
    unit.define('LOW_FREQ_LAST_BIN', lowFreq.lastBin, 'Last bin kept of the extra low-frequency analysis.');
    unit.define(
      'LOW_FREQ_FEATURES_PER_AXIS',
      STATISTICS + binsOf(lowFreq),
      'Extra low-frequency features of each axis.',
    );
    unit.define(
      'LOW_FREQ_START',
      shape.axes * (STATISTICS + binsOf(main)),
      'Where the extra low-frequency features start.',
    );
    steps.push(`        /* extra-low-freq: the centred signal decimated by ${EXTRA_LOW_FREQ_RATIO} (in double, as the reference), centred again */
        samples = decimate(${prepared.wide ? 'NULL' : 'signal'}, wide_signal, samples, ${EXTRA_LOW_FREQ_RATIO}, &${sos}[0][0], ${steadyState}, wide_state);
        centre_wide(samples);
        spectral_features(signal, samples, FLOAT64_RESOLUTION, LOW_FREQ_FIRST_BIN, LOW_FREQ_LAST_BIN,
                          features + LOW_FREQ_START + axis * LOW_FREQ_FEATURES_PER_AXIS);`);
  }
  unit.routine('spectral_features', extractRoutine(params['do-log']));
  unit.routine(
    'spectral_analysis',
    `
/* Spectral analysis of one window: every axis in turn (spectral.ts run). */
static void spectral_analysis(const float *window, float *features)
{
    int axis;
    for (axis = 0; axis < WINDOW_AXES; axis++) {
        int samples = WINDOW_FRAMES;
${[...prepared.declarations, '        int i;'].join('\n')}
${steps.join('\n')}
    }
}`,
  );
  return {
    entry: 'spectral_analysis',
    arithmetic: prepared.wide
      ? 'The studio decimates, filters and centres in float64 after an input decimation, as the reference; so does ' +
        'this code (wide_signal), then the FFT, the moments and the logarithms, float64 in the studio, are float32 here.'
      : 'Scaling, the float32 Butterworth filter and the pairwise mean are float32 in the studio too, and give ' +
        'the same bits here (the pragma below rules out fused multiply-adds). The FFT, the ' +
        'moments and the logarithms are float64 in the studio and float32 here' +
        (lowFreq ? '; the extra low-frequency decimation is double here as in the studio.' : '.'),
  };
}

export function emitSpectral(unit: CUnit, params: SpectralParams, shape: WindowShape): EmittedBlock {
  return params['analysis-type'] === 'Wavelet'
    ? emitSpectralWavelet(unit, params, shape)
    : emitSpectralFft(unit, params, shape);
}
