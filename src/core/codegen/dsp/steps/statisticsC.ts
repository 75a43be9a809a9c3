/**
 * Population statistics in C (statistics.ts): mean, mean square, variance, skewness and excess kurtosis with
 * SciPy 1.7's zero-variance rule, and numpy's pairwise float32 mean.
 */
import type { CUnit } from '../cUnit';

const STATISTICS = `
/* Population statistics of a series (statistics.ts). */
typedef struct {
    float mean;
    float mean_square;
    float variance;
    float skewness;
    float kurtosis;
} statistics_t;

/*
 * Statistics of x[0], x[stride], … (count ≥ 1 values): mean, mean square (RMS²), population variance m2,
 * skewness m3 / m2^1.5 and excess kurtosis m4 / m2² − 3 of the central moments m_k = mean((x − mean)^k). When
 * m2 ≤ (resolution · mean)² the variance counts as zero (SciPy 1.7): skewness 0, kurtosis −3.
 *
 * The studio computes these in float64; here they are float32 with two changes of method that keep the
 * mathematics and most of the precision: every sum is taken of x − x[0] (exact for values within a factor 2
 * of each other), so an offset such as gravity on an accelerometer axis costs no precision and a constant
 * series has exactly zero variance, as in float64; the third and fourth moments are means of z³ and z⁴ for
 * z = (x − mean) / sqrt(m2), so they cannot overflow float32 for large values such as spectral powers.
 */
static void statistics(const float *x, int count, int stride, float resolution, statistics_t *s)
{
    const float origin = x[0];
    float offset_sum = 0.0f;
    float square_sum = 0.0f;
    float m2 = 0.0f;
    float z3 = 0.0f;
    float z4 = 0.0f;
    float offset;
    float zero_variance;
    int i;
    for (i = 0; i < count; i++) {
        const float v = x[i * stride];
        offset_sum += v - origin;
        square_sum += v * v;
    }
    /* mean = origin + offset; deviations are (x − origin) − offset */
    offset = offset_sum / (float)count;
    for (i = 0; i < count; i++) {
        const float d = (x[i * stride] - origin) - offset;
        m2 += d * d;
    }
    m2 /= (float)count;
    s->mean = origin + offset;
    s->mean_square = square_sum / (float)count;
    s->variance = m2;
    zero_variance = resolution * s->mean;
    if (m2 <= zero_variance * zero_variance) {
        s->skewness = 0.0f;
        s->kurtosis = -3.0f;
        return;
    }
    {
        const float inv_std = 1.0f / sqrtf(m2);
        for (i = 0; i < count; i++) {
            const float z = ((x[i * stride] - origin) - offset) * inv_std;
            const float z2 = z * z;
            z3 += z2 * z;
            z4 += z2 * z2;
        }
    }
    s->skewness = z3 / (float)count;
    s->kurtosis = z4 / (float)count - 3.0f;
}
`;

/** numpy's pairwise summation in `type` arithmetic, named `sum`. */
function pairwiseSum(type: 'float' | 'double', sum: string): string {
  return `
/*
 * numpy's pairwise summation of x[0 … count) in ${type} (umath pairwise_sum, statistics.ts pairwiseSum):
 * eight accumulators over blocks of at most 128 values, halves rounded down to a multiple of 8 above that.
 */
static ${type} ${sum}(const ${type} *x, int count)
{
    enum { ACCUMULATORS = 8, BLOCK = 128 };
    ${type} r[ACCUMULATORS];
    ${type} sum;
    int i;
    int a;
    if (count < ACCUMULATORS) {
        sum = 0;
        for (i = 0; i < count; i++) sum += x[i];
        return sum;
    }
    if (count <= BLOCK) {
        for (a = 0; a < ACCUMULATORS; a++) r[a] = x[a];
        for (i = ACCUMULATORS; i < count - count % ACCUMULATORS; i += ACCUMULATORS)
            for (a = 0; a < ACCUMULATORS; a++) r[a] += x[i + a];
        sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < count; i++) sum += x[i];
        return sum;
    }
    {
        int half = count / 2;
        half -= half % ACCUMULATORS;
        return ${sum}(x, half) + ${sum}(x + half, count - half);
    }
}`;
}

/** np.mean in `type` arithmetic from the pairwise sum `sum`, named `mean`. */
function pairwiseMean(type: 'float' | 'double', sum: string, mean: string): string {
  return `
/* np.mean of a ${type} series: the pairwise sum divided by the count (statistics.ts numpyMean${type === 'float' ? 'Float32' : 'Float64'}). */
static ${type} ${mean}(const ${type} *x, int count)
{
    return ${sum}(x, count) / (${type})count;
}`;
}

/** Adds `statistics_t` and `statistics(x, count, stride, resolution, out)`. */
export function addStatistics(unit: CUnit): void {
  unit.routine('statistics', STATISTICS);
}

/** Adds `numpy_mean(x, count)`: numpy's pairwise float32 mean, bit for bit. */
export function addNumpyMean(unit: CUnit): void {
  unit.routine('pairwise_sum', pairwiseSum('float', 'pairwise_sum'));
  unit.routine('numpy_mean', pairwiseMean('float', 'pairwise_sum', 'numpy_mean'));
}

/** Adds np.sum of a `type` array, bit for bit: `numpy_sum` (float) or `numpy_sum_wide` (double). */
export function addNumpySum(unit: CUnit, type: 'float' | 'double'): void {
  const wide = type === 'double' ? '_wide' : '';
  unit.routine(`pairwise_sum${wide}`, pairwiseSum(type, `pairwise_sum${wide}`));
  unit.routine(
    `numpy_sum${wide}`,
    `
/*
 * np.sum of x[0 … count) in ${type} (statistics.ts numpySum): numpy reduces in buffers of NPY_BUFSIZE = 8192
 * values, each summed pairwise, the buffers' sums added one after another.
 */
static ${type} numpy_sum${wide}(const ${type} *x, int count)
{
    enum { NUMPY_BUFFER = 8192 };
    ${type} sum = 0;
    int at;
    for (at = 0; at < count; at += NUMPY_BUFFER)
        sum += pairwise_sum${wide}(x + at, count - at < NUMPY_BUFFER ? count - at : NUMPY_BUFFER);
    return sum;
}`,
  );
}

/** Adds `numpy_mean_wide(x, count)`: numpy's pairwise float64 mean, bit for bit. */
export function addNumpyMeanWide(unit: CUnit): void {
  unit.routine('pairwise_sum_wide', pairwiseSum('double', 'pairwise_sum_wide'));
  unit.routine('numpy_mean_wide', pairwiseMean('double', 'pairwise_sum_wide', 'numpy_mean_wide'));
}
