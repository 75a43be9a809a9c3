/**
 * The real FFT power spectrum in C: the algorithm of the studio's fft.ts step for step, in float32, with the
 * very tables fft.ts computes (bit reversal, twiddles) emitted as constants.
 */
import { getRealFft } from '../../../dsp/fft';
import type { CUnit } from '../cUnit';

const FFT_POWER = `
/*
 * The n/2 complex points (bit-reversed) → their FFT, in place: radix-4 decimation-in-time passes, one radix-2
 * pass first when log2(FFT_HALF) is odd (fft.ts butterflies). A pass merges four transforms of length q at
 * offsets 0, q, 2q, 3q into one of length 4q: with A1 = w^2j·a1, A2 = w^j·a2, A3 = w^3j·a3 (w = e^(-2πi/4q)),
 * the outputs are (a0 + A1) ± (A2 + A3) and (a0 − A1) ∓ i·(A2 − A3).
 */
static void fft_butterflies(void)
{
    int q = 1;
#if FFT_RADIX2_FIRST
    int a;
    for (a = 0; a < FFT_HALF; a += 2) {
        const float br = fft_re[a + 1];
        const float bi = fft_im[a + 1];
        fft_re[a + 1] = fft_re[a] - br;
        fft_im[a + 1] = fft_im[a] - bi;
        fft_re[a] += br;
        fft_im[a] += bi;
    }
    q = 2;
#endif
    for (; q < FFT_HALF; q *= 4) {
        const int size = 4 * q;
        const int step = FFT_HALF / size;
        int j;
        for (j = 0; j < q; j++) {
            const float w1r = FFT_TWIDDLE_RE[j * step];
            const float w1i = FFT_TWIDDLE_IM[j * step];
            const float w2r = FFT_TWIDDLE_RE[2 * j * step];
            const float w2i = FFT_TWIDDLE_IM[2 * j * step];
            const float w3r = FFT_TWIDDLE_RE[3 * j * step];
            const float w3i = FFT_TWIDDLE_IM[3 * j * step];
            int i0;
            for (i0 = j; i0 < FFT_HALF; i0 += size) {
                const int i1 = i0 + q;
                const int i2 = i1 + q;
                const int i3 = i2 + q;
                const float a0r = fft_re[i0];
                const float a0i = fft_im[i0];
                const float a1r = fft_re[i1] * w2r - fft_im[i1] * w2i;
                const float a1i = fft_re[i1] * w2i + fft_im[i1] * w2r;
                const float a2r = fft_re[i2] * w1r - fft_im[i2] * w1i;
                const float a2i = fft_re[i2] * w1i + fft_im[i2] * w1r;
                const float a3r = fft_re[i3] * w3r - fft_im[i3] * w3i;
                const float a3i = fft_re[i3] * w3i + fft_im[i3] * w3r;
                const float t0r = a0r + a1r;
                const float t0i = a0i + a1i;
                const float t1r = a0r - a1r;
                const float t1i = a0i - a1i;
                const float t2r = a2r + a3r;
                const float t2i = a2i + a3i;
                const float t3r = a2r - a3r;
                const float t3i = a2i - a3i;
                fft_re[i0] = t0r + t2r;
                fft_im[i0] = t0i + t2i;
                fft_re[i2] = t0r - t2r;
                fft_im[i2] = t0i - t2i;
                /* -i·t3 = t3i - i·t3r */
                fft_re[i1] = t1r + t3i;
                fft_im[i1] = t1i - t3r;
                fft_re[i3] = t1r - t3i;
                fft_im[i3] = t1i + t3r;
            }
        }
    }
}

/*
 * spectrum[k] = |X[k]|², k = 0 … FFT_HALF (not divided by FFT_LENGTH), of samples[0 … count) cut to its first
 * FFT_LENGTH values or zero-padded to FFT_LENGTH (numpy.fft.rfft's semantics; fft.ts power). The real samples
 * are packed as even + i·odd into FFT_HALF complex points, transformed, and split into the real spectrum:
 * X[k] = E[k] + W^k·O[k], E = (Z[k] + conj Z[n/2 − k]) / 2, O = (Z[k] − conj Z[n/2 − k]) / 2i.
 */
static void fft_power(const float *samples, int count, float *spectrum)
{
    int j;
    int k;
    if (count > FFT_LENGTH) count = FFT_LENGTH;
    for (j = 0; j < FFT_HALF; j++) {
        const int t = 2 * j;
        const int p = FFT_BIT_REVERSED[j];
        fft_re[p] = t < count ? samples[t] : 0.0f;
        fft_im[p] = t + 1 < count ? samples[t + 1] : 0.0f;
    }
    fft_butterflies();
    {
        const float dc = fft_re[0] + fft_im[0];
        const float nyquist = fft_re[0] - fft_im[0];
        spectrum[0] = dc * dc;
        spectrum[FFT_HALF] = nyquist * nyquist;
    }
    for (k = 1; k < FFT_HALF; k++) {
        const int m = FFT_HALF - k;
        const float er = (fft_re[k] + fft_re[m]) * 0.5f;
        const float ei = (fft_im[k] - fft_im[m]) * 0.5f;
        const float or_ = (fft_im[k] + fft_im[m]) * 0.5f;
        const float oi = (fft_re[m] - fft_re[k]) * 0.5f;
        const float wr = FFT_SPLIT_RE[k];
        const float wi = FFT_SPLIT_IM[k];
        const float xr = er + wr * or_ - wi * oi;
        const float xi = ei + wr * oi + wi * or_;
        spectrum[k] = xr * xr + xi * xi;
    }
}
`;

/**
 * Adds the FFT of length n (a power of two ≥ 2, checked by the block) to the unit: FFT_LENGTH, FFT_HALF,
 * FFT_BINS, the tables of fft.ts, the complex scratch and `fft_power(samples, count, spectrum)`.
 */
export function addFft(unit: CUnit, n: number): void {
  if (unit.has('FFT_LENGTH')) return;
  const fft = getRealFft(n);
  const half = n / 2;
  const { reversed, twiddleRe, twiddleIm, splitRe, splitIm } = fft.tables();
  unit.define('FFT_LENGTH', n, 'FFT length: a frame is cut to its first FFT_LENGTH values or zero-padded.');
  unit.define('FFT_HALF', half, 'Complex points of the packed real FFT (FFT_LENGTH / 2).');
  unit.define('FFT_BINS', fft.bins, 'Bins of the power spectrum: 0 … FFT_LENGTH / 2.');
  unit.define(
    'FFT_RADIX2_FIRST',
    Math.log2(half) % 2 === 1 ? 1 : 0,
    '1 when log2(FFT_HALF) is odd: the radix-4 passes start with one radix-2 pass.',
  );
  unit.defineFloat(
    'INV_FFT_LENGTH',
    1 / n,
    '1 / FFT_LENGTH (exact: a power of two), the power spectrum scale |X|² / FFT_LENGTH.',
  );
  unit.intTable('FFT_BIT_REVERSED', reversed, 'Bit-reversed position of each complex point (fft.ts).');
  unit.floatTable(
    'FFT_TWIDDLE_RE',
    twiddleRe,
    'cos(2πt / FFT_HALF), t < 3·FFT_HALF/4: complex FFT twiddles (fft.ts).',
  );
  unit.floatTable('FFT_TWIDDLE_IM', twiddleIm, '-sin(2πt / FFT_HALF): complex FFT twiddles (fft.ts).');
  unit.floatTable(
    'FFT_SPLIT_RE',
    splitRe,
    'cos(2πk / FFT_LENGTH), k ≤ FFT_HALF: real-spectrum split (fft.ts).',
  );
  unit.floatTable('FFT_SPLIT_IM', splitIm, '-sin(2πk / FFT_LENGTH): real-spectrum split (fft.ts).');
  unit.buffer('fft_re', half, 'Real parts of the packed complex FFT points.');
  unit.buffer('fft_im', half, 'Imaginary parts of the packed complex FFT points.');
  unit.routine('fft_power', FFT_POWER);
}
