/**
 * The first steps of spectral analysis in C, shared by FFT and wavelet analysis (spectral.ts prepareAxis): one
 * axis of the window scaled → decimated → Butterworth-filtered → centred into `signal[0 … samples)`.
 *
 * Without input decimation the reference, and the studio, work in float32: so does the C, with the same bits
 * (scaling, the float32 sosfilt, numpy's pairwise float32 mean). After a decimation they work in float64: the
 * C decimates, filters and centres in double too (`wide_signal`; see filterC.ts for why), then rounds the
 * centred signal to float32 for FFT analysis, or keeps it in double for wavelet analysis.
 */
import type { WindowShape } from '../../../dsp/block';
import { butterworthFloat32 } from '../../../dsp/butterworth';
import { decimatedLength } from '../../../dsp/decimator';
import type { SpectralParams } from '../../../dsp/spectralParams';
import { DECIMATION_STAGES } from '../../../dsp/spectralParams';
import type { CUnit } from '../cUnit';
import { addDecimator, addSosTable, DECIMATOR_STATE_VALUES } from '../steps/filterC';
import { addNumpyMean, addNumpyMeanWide } from '../steps/statisticsC';

export interface PreparedAxis {
  /** C statements (inside the loop over `axis`, with `int samples`, `int i` declared) preparing one axis. */
  steps: string;
  /** Declarations the steps need at the top of the loop body. */
  declarations: string[];
  /** True when the reference's signal is float64 here (after an input decimation): then in `wide_signal` too. */
  wide: boolean;
}

/** The extra low-frequency analysis decimates by 10 (spectral.ts). */
export const EXTRA_LOW_FREQ_RATIO = 10;

function filterName(params: SpectralParams): string {
  return params['filter-type'] === 'low' ? 'low-pass' : 'high-pass';
}

export interface PreparationOptions {
  /** An extra low-frequency analysis will decimate the prepared signal again (in double, even without input decimation). */
  lowFreqFollows: boolean;
  /** After an input decimation the analysis reads the double `wide_signal` (else the float32 `signal`). */
  analyseWide: boolean;
}

/** Adds what preparing an axis needs; the prepared axis is in `signal`, or `wide_signal` (see the options). */
export function addAxisPreparation(
  unit: CUnit,
  params: SpectralParams,
  shape: WindowShape,
  { lowFreqFollows, analyseWide }: PreparationOptions,
): PreparedAxis {
  const ratio = params['input-decimation-ratio'];
  const stages = DECIMATION_STAGES[ratio];
  const wide = stages.length > 0;
  const filtered = params['filter-type'] !== 'none';
  const fs = shape.frequencyHz / ratio;
  unit.defineFloat('SCALE_AXES', params['scale-axes'], 'scale-axes: every value is multiplied by it first.');
  unit.buffer('signal', shape.frames, 'One axis of the window, scaled, (decimated,) filtered and centred.');
  const decimating = wide || lowFreqFollows;
  if (decimating) {
    const first = wide ? stages[0] : EXTRA_LOW_FREQ_RATIO;
    unit.buffer(
      'wide_signal',
      decimatedLength(shape.frames, first),
      'The decimated axis in double precision (float64 in the reference).',
      'double',
    );
    const stateValues = Math.max(DECIMATOR_STATE_VALUES, wide && filtered ? params['filter-order'] : 0);
    unit.buffer('wide_state', stateValues, 'State of the double-precision IIR filter being run.', 'double');
  }

  const declarations: string[] = [];
  const steps = [
    `        /* scale-axes */
        for (i = 0; i < WINDOW_FRAMES; i++) signal[i] = window[i * WINDOW_AXES + axis] * SCALE_AXES;`,
  ];
  stages.forEach((stage, s) => {
    const { sos, steadyState } = addDecimator(unit, stage);
    const from = s === 0 ? 'signal' : 'NULL';
    steps.push(`        /* input-decimation-ratio ${ratio}: decimate by ${stage}${s === 0 ? ' (from the float32 values)' : ''} */
        samples = decimate(${from}, wide_signal, samples, ${stage}, &${sos}[0][0], ${steadyState}, wide_state);`);
  });
  if (filtered) {
    const sos = butterworthFloat32(
      params['filter-type'] as 'low' | 'high',
      params['filter-order'],
      params['filter-cutoff'],
      fs,
    );
    unit.define(
      'BUTTERWORTH_SECTIONS',
      sos.sections,
      `Second-order sections of the order-${params['filter-order']} Butterworth filter.`,
    );
    addSosTable(
      unit,
      'BUTTERWORTH_SOS',
      sos,
      `${filterName(params)} Butterworth, order ${params['filter-order']}, cut-off ${params['filter-cutoff']} Hz at ` +
        `${fs} Hz: SciPy butter(${params['filter-order']}, 2·cutoff/fs, '${params['filter-type']}', output='sos') ` +
        `rounded to float32, as butterworth.ts designs it${wide ? ' (applied in double, as the reference)' : ''}.`,
      wide ? 'double' : 'float',
    );
    if (wide)
      steps.push(`        /* filter-type ${params['filter-type']}: Butterworth ${filterName(params)} from zero state, in double */
        for (i = 0; i < 2 * BUTTERWORTH_SECTIONS; i++) wide_state[i] = 0.0;
        sos_filter_wide(&BUTTERWORTH_SOS[0][0], BUTTERWORTH_SECTIONS, wide_state, wide_signal, samples);`);
    else {
      unit.buffer('filter_state', 2 * sos.sections, 'State of the float32 Butterworth filter.');
      steps.push(`        /* filter-type ${params['filter-type']}: Butterworth ${filterName(params)} from zero state */
        for (i = 0; i < 2 * BUTTERWORTH_SECTIONS; i++) filter_state[i] = 0.0f;
        sos_filter(&BUTTERWORTH_SOS[0][0], BUTTERWORTH_SECTIONS, filter_state, signal, samples);`);
    }
  }
  if (wide && analyseWide) {
    addNumpyMeanWide(unit);
    declarations.push('        double mean;');
    steps.push(`        /* subtract the mean (numpy's pairwise mean, in double) */
        mean = numpy_mean_wide(wide_signal, samples);
        for (i = 0; i < samples; i++) wide_signal[i] -= mean;`);
  } else if (wide) {
    addCentreWide(unit);
    steps.push(`        /* subtract the mean (numpy's pairwise mean, in double), then round to float32 */
        centre_wide(samples);`);
  } else {
    addNumpyMean(unit);
    declarations.push('        float mean;');
    steps.push(`        /* subtract the mean (numpy's pairwise float32 mean, as the reference) */
        mean = numpy_mean(signal, samples);
        for (i = 0; i < samples; i++) signal[i] -= mean;`);
  }
  return { steps: steps.join('\n'), declarations, wide };
}

/** `centre_wide(samples)`: wide_signal minus its mean (float64, as removeMean64), rounded into signal. */
export function addCentreWide(unit: CUnit): void {
  addNumpyMeanWide(unit);
  unit.routine(
    'centre_wide',
    `
/* wide_signal[0 … samples) minus its pairwise float64 mean (spectral.ts removeMean64), and into signal as float32. */
static void centre_wide(int samples)
{
    const double mean = numpy_mean_wide(wide_signal, samples);
    int i;
    for (i = 0; i < samples; i++) {
        wide_signal[i] -= mean;
        signal[i] = (float)wide_signal[i];
    }
}`,
  );
}
