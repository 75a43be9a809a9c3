/**
 * Wavelet analysis of the spectral block in C, step for step as spectralWavelet.ts, waveletTransform.ts and
 * waveletFeatures.ts: per prepared axis `pywt.wavedec(x, wavelet, 'symmetric', level)` and the 14 features of
 * every sub-band, approximation first ([cA_level, cD_level, …, cD_1]).
 *
 * The reference works in the dtype of its data, and so do the studio and this code: float32 without input
 * decimation, float64 (double here) after one. In that arithmetic and in the same order, the wavelet transform
 * and the percentile, mean, std, var and RMS features are the same bits as the studio's (the histogram's bin
 * edges are computed in double as numpy does, so every value falls in the same bin). In float32 the densities,
 * the entropy and the final skewness/kurtosis quotients, which are float64 in the studio, are float32 here.
 * Double is kept after a decimation because a sub-band of a low-passed signal may hold values far below the
 * signal's scale, which the signal's float32 rounding would swamp.
 */
import type { WindowShape } from '../../../dsp/block';
import { decimatedLength } from '../../../dsp/decimator';
import { DECIMATION_STAGES, type SpectralParams } from '../../../dsp/spectralParams';
import { FLOAT32_RESOLUTION, FLOAT64_RESOLUTION } from '../../../dsp/statistics';
import { WAVELET_FEATURES } from '../../../dsp/waveletFeatures';
import { waveletFilters } from '../../../dsp/waveletFilters';
import { dwtLength } from '../../../dsp/waveletTransform';
import type { EmittedBlock } from '../blockEmitter';
import type { CUnit } from '../cUnit';
import { addNumpySum } from '../steps/statisticsC';
import { addAxisPreparation } from './spectralPrepareC';

/** np.histogram's bin count in the entropy feature (common/wavelet.py). */
const HISTOGRAM_BINS = 100;

/** The arithmetic of the wavelet routines: C type, literal suffix, <math.h> function suffix. */
interface Real {
  t: 'float' | 'double';
  /** `0.0f` or `0.0`. */
  zero: string;
  sqrt: string;
  log: string;
  /** numpy's float sum of this type. */
  sum: string;
}

const FLOAT: Real = { t: 'float', zero: '0.0f', sqrt: 'sqrtf', log: 'logf', sum: 'numpy_sum' };
const DOUBLE: Real = { t: 'double', zero: '0.0', sqrt: 'sqrt', log: 'log', sum: 'numpy_sum_wide' };

function dwt({ t }: Real): string {
  return `
/* x̃[k] of the half-sample symmetric extension … x1 x0 | x0 x1 … x(n−1) | x(n−1) x(n−2) … (period 2n). */
static ${t} symmetric_at(const ${t} *x, int n, int k)
{
    int m;
    if (k >= 0 && k < n) return x[k];
    m = ((k % (2 * n)) + 2 * n) % (2 * n);
    return x[m < n ? m : 2 * n - 1 - m];
}

/*
 * One level of the discrete wavelet transform with one filter: out[o] = Σ_j filter[j]·x̃[2o + 1 − j],
 * o < (n + WAVELET_TAPS − 1) / 2 (PyWavelets downsampling_convolution in symmetric mode, waveletTransform.ts),
 * every product and sum rounded to ${t}, the taps that reach past the right end first (from tap i − n down to
 * 0), then the others in increasing order.
 */
static void dwt_convolve(const ${t} *x, int n, const ${t} *filter, ${t} *out)
{
    int i;
    int j;
    int o = 0;
    for (i = 1; i < n + WAVELET_TAPS - 1; i += 2, o++) {
        const int right = i - n;
        ${t} sum = 0;
        for (j = right; j >= 0; j--) sum += filter[j] * symmetric_at(x, n, i - j);
        for (j = right + 1 > 0 ? right + 1 : 0; j < WAVELET_TAPS; j++) sum += filter[j] * symmetric_at(x, n, i - j);
        out[o] = sum;
    }
}`;
}

function sort({ t }: Real): string {
  return `
/* Moves x[root] down the max-heap x[0 … end) to its place. */
static void sift_down(${t} *x, int root, int end)
{
    for (;;) {
        int child = 2 * root + 1;
        ${t} held;
        if (child >= end) return;
        if (child + 1 < end && x[child + 1] > x[child]) child++;
        if (!(x[child] > x[root])) return;
        held = x[root];
        x[root] = x[child];
        x[child] = held;
        root = child;
    }
}

/* Sorts x[0 … n) ascending in place (heapsort: no recursion, no extra memory). */
static void sort_ascending(${t} *x, int n)
{
    int i;
    for (i = n / 2 - 1; i >= 0; i--) sift_down(x, i, n);
    for (i = n - 1; i > 0; i--) {
        const ${t} top = x[0];
        x[0] = x[i];
        x[i] = top;
        sift_down(x, 0, i);
    }
}`;
}

function entropy({ t, zero, log, sum }: Real): string {
  return `
/*
 * SciPy entropy of np.histogram(x, bins=100, density=True) (waveletFeatures.ts): 100 equal bins from the
 * minimum to the maximum, edges from np.linspace in double stored as ${t}; each value binned as numpy's fast path
 * does, then moved across an edge it lands on the wrong side of; densities count / width / n;
 * p = density / Σ density; Σ −p·ln p. Equal values all fall into one bin: entropy 0.
 */
static ${t} histogram_entropy(const ${t} *x, int n)
{
    ${t} minimum = x[0];
    ${t} maximum = x[0];
    ${t} norm;
    ${t} total;
    int i;
    int k;
    for (i = 1; i < n; i++) {
        if (x[i] < minimum) minimum = x[i];
        if (x[i] > maximum) maximum = x[i];
    }
    if (minimum == maximum) return ${zero};
    {
        const double step = ((double)maximum - (double)minimum) / (double)HISTOGRAM_BINS;
        for (k = 0; k < HISTOGRAM_BINS; k++) histogram_edges[k] = (${t})((double)k * step + (double)minimum);
        histogram_edges[HISTOGRAM_BINS] = maximum;
    }
    norm = (${t})HISTOGRAM_BINS / (maximum - minimum);
    for (k = 0; k < HISTOGRAM_BINS; k++) histogram_density[k] = ${zero};
    for (i = 0; i < n; i++) {
        int bin = (int)((x[i] - minimum) * norm);
        if (bin == HISTOGRAM_BINS) bin--;
        if (x[i] < histogram_edges[bin]) bin--;
        if (bin != HISTOGRAM_BINS - 1 && x[i] >= histogram_edges[bin + 1]) bin++;
        histogram_density[bin] += 1;
    }
    for (k = 0; k < HISTOGRAM_BINS; k++)
        histogram_density[k] = histogram_density[k] / (histogram_edges[k + 1] - histogram_edges[k]) / (${t})n;
    total = ${sum}(histogram_density, HISTOGRAM_BINS);
    for (k = 0; k < HISTOGRAM_BINS; k++) {
        const ${t} p = histogram_density[k] / total;
        histogram_density[k] = p > ${zero} ? -p * ${log}(p) : ${zero};
    }
    return ${sum}(histogram_density, HISTOGRAM_BINS);
}`;
}

function subBand({ t, zero, sqrt, sum }: Real): string {
  return `
/* np.mean of a sub-band: np.sum / count. */
static ${t} band_mean(const ${t} *x, int n)
{
    return ${sum}(x, n) / (${t})n;
}

/* Sign changes of (x > threshold) between neighbours, divided by the length. */
static float crossing_rate(const ${t} *x, int n, ${t} threshold)
{
    int changes = 0;
    int i;
    for (i = 1; i < n; i++)
        if ((x[i] > threshold) != (x[i - 1] > threshold)) changes++;
    return (float)changes / (float)n;
}

/* sorted[int((n − 1)·p/100 + 0.5)], in integers. */
static ${t} percentile(const ${t} *sorted, int n, int p)
{
    return sorted[((n - 1) * p + 50) / 100];
}

/*
 * The 14 features of one sub-band x[0 … n), n ≥ 2, at out (common/wavelet.py get_features, waveletFeatures.ts):
 * entropy, zero-crossing rate, mean-crossing rate, 5th, 25th, 75th and 95th percentile, median, then of the
 * sorted values mean, std, var (ddof 1), RMS, skewness and excess kurtosis (both 0 when the RMS is 0; 0 and −3
 * for zero variance).
 */
static void subband_features(const ${t} *x, int n, float *out)
{
    ${t} m;
    ${t} squares;
    ${t} rms;
    ${t} m2;
    ${t} m3;
    ${t} m4;
    ${t} zero_variance;
    int i;
    out[0] = (float)histogram_entropy(x, n);
    out[1] = crossing_rate(x, n, 0);
    out[2] = crossing_rate(x, n, band_mean(x, n));
    for (i = 0; i < n; i++) sorted_band[i] = x[i];
    sort_ascending(sorted_band, n);
    out[3] = (float)percentile(sorted_band, n, 5);
    out[4] = (float)percentile(sorted_band, n, 25);
    out[5] = (float)percentile(sorted_band, n, 75);
    out[6] = (float)percentile(sorted_band, n, 95);
    out[7] = (float)percentile(sorted_band, n, 50);
    m = band_mean(sorted_band, n);
    for (i = 0; i < n; i++) {
        const ${t} d = sorted_band[i] - m;
        band_scratch[i] = d * d;
    }
    squares = ${sum}(band_scratch, n);
    for (i = 0; i < n; i++) band_scratch[i] = sorted_band[i] * sorted_band[i];
    rms = ${sqrt}(band_mean(band_scratch, n));
    out[8] = (float)m;
    out[9] = (float)${sqrt}(squares / (${t})n);
    out[10] = (float)(squares / (${t})(n - 1));
    out[11] = (float)rms;
    if (rms == ${zero}) {
        out[12] = 0.0f;
        out[13] = 0.0f;
        return;
    }
    m2 = squares / (${t})n;
    for (i = 0; i < n; i++) {
        const ${t} d = sorted_band[i] - m;
        band_scratch[i] = d * d * d;
    }
    m3 = band_mean(band_scratch, n);
    for (i = 0; i < n; i++) {
        const ${t} d = sorted_band[i] - m;
        const ${t} d2 = d * d;
        band_scratch[i] = d2 * d2;
    }
    m4 = band_mean(band_scratch, n);
    zero_variance = WAVELET_RESOLUTION * m;
    zero_variance *= zero_variance;
    out[12] = m2 <= zero_variance ? 0.0f : (float)(m3 / (m2 * ${sqrt}(m2)));
    out[13] = (m2 <= zero_variance ? 0.0f : (float)(m4 / (m2 * m2))) - 3.0f;
}`;
}

function waveletAxis({ t }: Real, level: number): string {
  const body =
    level === 0
      ? '    subband_features(x, n, out);'
      : `    const ${t} *approximation = x;
    ${t} *next = band_a;
    int l;
    for (l = 1; l <= WAVELET_LEVEL; l++) {
        const int length = (n + WAVELET_TAPS - 1) / 2;
        /* cD_l goes after cA_level and cD_level … cD_(l+1) */
        dwt_convolve(approximation, n, WAVELET_DEC_HI, detail_band);
        subband_features(detail_band, length, out + (WAVELET_LEVEL - l + 1) * SUBBAND_FEATURES);
        dwt_convolve(approximation, n, WAVELET_DEC_LO, next);
        approximation = next;${level > 1 ? '\n        next = next == band_a ? band_b : band_a;' : ''}
        n = length;
    }
    subband_features(approximation, n, out);`;
  return `
/*
 * pywt.wavedec(x, wavelet, 'symmetric', WAVELET_LEVEL) of x[0 … n) and the features of every sub-band,
 * [cA_level, cD_level, …, cD_1], at out (spectralWavelet.ts). Each detail's features are written where its band
 * goes as soon as it is computed, so only the current approximation is kept.
 */
static void wavelet_axis(const ${t} *x, int n, float *out)
{
${body}
}`;
}

export function emitSpectralWavelet(unit: CUnit, params: SpectralParams, shape: WindowShape): EmittedBlock {
  const prepared = addAxisPreparation(unit, params, shape, { lowFreqFollows: false, analyseWide: true });
  const real = prepared.wide ? DOUBLE : FLOAT;
  const stages = DECIMATION_STAGES[params['input-decimation-ratio']];
  const samples = stages.reduce(decimatedLength, shape.frames);
  const level = params['wavelet-level'];
  const filters = waveletFilters(params.wavelet);
  const taps = filters.decLo.length;
  const firstBand = level === 0 ? samples : dwtLength(samples, taps);
  const perAxis = WAVELET_FEATURES.length * (level + 1);
  unit.define('WAVELET_LEVEL', level, 'wavelet-level: decomposition levels.');
  unit.define('WAVELET_TAPS', taps, `Filter length of ${params.wavelet}.`);
  unit.define(
    'SUBBAND_FEATURES',
    WAVELET_FEATURES.length,
    `Features of each sub-band: ${WAVELET_FEATURES.join(', ')}.`,
  );
  unit.define(
    'WAVELET_FEATURES_PER_AXIS',
    perAxis,
    'Features of each axis: SUBBAND_FEATURES per sub-band, WAVELET_LEVEL + 1 sub-bands.',
  );
  unit.define('HISTOGRAM_BINS', HISTOGRAM_BINS, 'Bins of the histogram the entropy feature is taken of.');
  const resolution = prepared.wide ? FLOAT64_RESOLUTION : FLOAT32_RESOLUTION;
  const resolutionMeaning = `SciPy's zero-variance resolution of the reference's ${prepared.wide ? 'float64' : 'float32'} sub-bands.`;
  if (prepared.wide) unit.defineDouble('WAVELET_RESOLUTION', resolution, resolutionMeaning);
  else unit.defineFloat('WAVELET_RESOLUTION', resolution, resolutionMeaning);
  if (level > 0) {
    const table = prepared.wide ? unit.doubleTable.bind(unit) : unit.floatTable.bind(unit);
    const kind = prepared.wide ? 'float64' : 'float32';
    table(
      'WAVELET_DEC_LO',
      prepared.wide ? filters.decLo : filters.decLo32,
      `${params.wavelet} decomposition low-pass (pywt dec_lo, as PyWavelets applies it to ${kind} data).`,
    );
    table(
      'WAVELET_DEC_HI',
      prepared.wide ? filters.decHi : filters.decHi32,
      `${params.wavelet} decomposition high-pass (pywt dec_hi, as applied to ${kind} data).`,
    );
    unit.buffer('band_a', firstBand, 'The current approximation sub-band.', real.t);
    if (level > 1)
      unit.buffer('band_b', dwtLength(firstBand, taps), 'The next approximation sub-band.', real.t);
    unit.buffer('detail_band', firstBand, 'The current detail sub-band.', real.t);
    unit.routine('dwt_convolve', dwt(real));
  }
  unit.buffer('sorted_band', firstBand, 'A sub-band, sorted.', real.t);
  unit.buffer('band_scratch', firstBand, 'Powers of the deviations of a sub-band.', real.t);
  unit.buffer('histogram_edges', HISTOGRAM_BINS + 1, 'Bin edges of the entropy histogram.', real.t);
  unit.buffer(
    'histogram_density',
    HISTOGRAM_BINS,
    'Counts, then densities, then −p·ln p of the histogram bins.',
    real.t,
  );
  addNumpySum(unit, real.t);
  unit.routine('sort_ascending', sort(real));
  unit.routine('histogram_entropy', entropy(real));
  unit.routine('subband_features', subBand(real));
  unit.routine('wavelet_axis', waveletAxis(real, level));
  unit.routine(
    'spectral_wavelet',
    `
/* Spectral analysis (wavelet) of one window: every axis in turn (spectral.ts run). */
static void spectral_wavelet(const float *window, float *features)
{
    int axis;
    for (axis = 0; axis < WINDOW_AXES; axis++) {
        int samples = WINDOW_FRAMES;
${[...prepared.declarations, '        int i;'].join('\n')}
${prepared.steps}
        wavelet_axis(${prepared.wide ? 'wide_signal' : 'signal'}, samples, features + axis * WAVELET_FEATURES_PER_AXIS);
    }
}`,
  );
  return {
    entry: 'spectral_wavelet',
    arithmetic: prepared.wide
      ? 'After the input decimation the reference and the studio work in float64, and so does this code (double): ' +
        'the decimation, the filter, the wavelet transform and the sub-band features, in the same order.'
      : 'The reference, the studio and this code work in float32 here, in the same order: the wavelet transform ' +
        'and the percentile, mean, std, var and RMS features are the same bits (the pragma below rules out fused ' +
        'multiply-adds); the entropy and the skewness/kurtosis quotients, float64 in the studio, are float32 here.',
  };
}
