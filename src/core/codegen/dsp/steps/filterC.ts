/**
 * IIR filtering in C: SciPy's sosfilt (transposed direct form II, butterworth.ts) and Edge Impulse's
 * decimate_simple (decimator.ts), with the second-order sections the TypeScript DSP designs emitted as tables.
 *
 * Precision: the studio, as the reference, filters float32 data in float32 (the Butterworth filter without
 * decimation) and everything after a decimation in float64. The float32 filter is emitted as float32 and gives
 * the same bits. The float64 steps stay double here: an order-8 Chebyshev low-pass at 0.08 of Nyquist has
 * poles within 0.02 of the unit circle, and in float32 (its coefficients rounded, its state rounded every
 * sample) it moves the decimated signal by up to 5e-5 of its range per stage, which the features amplify past
 * 1e-4. On an FPU without double support (Cortex-M4F) these steps run in software floating point.
 */
import type { Sos } from '../../../dsp/butterworth';
import { getDecimator } from '../../../dsp/decimator';
import type { CUnit } from '../cUnit';

const SOS_LAYOUT = `
/* Layout of one second-order section, as SciPy's sos rows: b0 b1 b2 a0 (= 1) a1 a2. */
enum { SOS_B0, SOS_B1, SOS_B2, SOS_A0, SOS_A1, SOS_A2, SOS_ROW };`;

/** sosfilt in place on `type` data with `type` coefficients and state. */
function sosFilter(name: string, type: 'float' | 'double'): string {
  return `
/*
 * scipy.signal.sosfilt of data[0 … length) in place, in ${type}, transposed direct form II as SciPy's _sosfilt
 * loop (butterworth.ts). state holds 2 values per section: the initial state on entry, the final one on return.
 */
static void ${name}(const ${type} *sos, int sections, ${type} *state, ${type} *data, int length)
{
    int n;
    int s;
    for (n = 0; n < length; n++) {
        ${type} x = data[n];
        for (s = 0; s < sections; s++) {
            const ${type} *k = sos + s * SOS_ROW;
            ${type} *z = state + 2 * s;
            const ${type} y = k[SOS_B0] * x + z[0];
            z[0] = k[SOS_B1] * x - k[SOS_A1] * y + z[1];
            z[1] = k[SOS_B2] * x - k[SOS_A2] * y;
            x = y;
        }
        data[n] = x;
    }
}`;
}

const DECIMATE = `
/*
 * Edge Impulse's decimate_simple(x, ratio) (decimator.ts), in double: the order-8 Chebyshev type I low-pass
 * cheby1(8, 0.05 dB, 0.8 / ratio) run as sosfilt from the steady state of the first value (sosfilt_zi · x[0]),
 * then every ratio-th value kept, starting with the first. The input is from[0 … length) when from is not
 * NULL, else data itself (decimated in place); the kept values go to data. Returns ceil(length / ratio).
 * state is scratch of 2 · DECIMATOR_SECTIONS values.
 */
static int decimate(const float *from, double *data, int length, int ratio, const double *sos,
                    const double *steady_state, double *state)
{
    const double first = from != NULL ? (double)from[0] : data[0];
    int i;
    int s;
    for (i = 0; i < 2 * DECIMATOR_SECTIONS; i++) state[i] = steady_state[i] * first;
    for (i = 0; i < length; i++) {
        double x = from != NULL ? (double)from[i] : data[i];
        for (s = 0; s < DECIMATOR_SECTIONS; s++) {
            const double *k = sos + s * SOS_ROW;
            double *z = state + 2 * s;
            const double y = k[SOS_B0] * x + z[0];
            z[0] = k[SOS_B1] * x - k[SOS_A1] * y + z[1];
            z[1] = k[SOS_B2] * x - k[SOS_A2] * y;
            x = y;
        }
        if (i % ratio == 0) data[i / ratio] = x;
    }
    return (length + ratio - 1) / ratio;
}`;

const DECIMATOR_ORDER = 8;
/** Coefficients per second-order section: b0 b1 b2 a0 a1 a2. */
const SOS_ROW = 6;
/** Filter state values `decimate` needs: 2 per second-order section. */
export const DECIMATOR_STATE_VALUES = DECIMATOR_ORDER;

/**
 * The sections as a table of rows of 6 (butterworth.ts layout) and the sosfilt routine for them: float32
 * (`sos_filter`, the Butterworth coefficients are float32 values already) or double (`sos_filter_wide`).
 */
export function addSosTable(
  unit: CUnit,
  name: string,
  sos: Sos,
  purpose: string,
  type: 'float' | 'double',
): void {
  unit.routine('SOS_LAYOUT', SOS_LAYOUT);
  if (type === 'float') {
    unit.routine('sos_filter', sosFilter('sos_filter', 'float'));
    unit.floatTable(name, sos.coefficients, purpose, SOS_ROW);
  } else {
    unit.routine('sos_filter_wide', sosFilter('sos_filter_wide', 'double'));
    unit.doubleTable(name, sos.coefficients, purpose, SOS_ROW);
  }
}

/**
 * Adds the decimator for `ratio` (3 or 10): its sections and steady state as double tables (decimator.ts's own
 * float64 values) and `decimate(...)`. Returns the names of the two tables.
 */
export function addDecimator(unit: CUnit, ratio: number): { sos: string; steadyState: string } {
  const names = { sos: `DECIMATE_BY_${ratio}_SOS`, steadyState: `DECIMATE_BY_${ratio}_STEADY_STATE` };
  if (unit.has(names.sos)) return names;
  const { sos, steadyState } = getDecimator(ratio);
  if (!unit.has('DECIMATOR_SECTIONS'))
    unit.define(
      'DECIMATOR_SECTIONS',
      DECIMATOR_ORDER / 2,
      'Second-order sections of the order-8 decimation filter.',
    );
  unit.routine('SOS_LAYOUT', SOS_LAYOUT);
  unit.doubleTable(
    names.sos,
    sos.coefficients,
    `Decimation by ${ratio}: cheby1(8, 0.05, 0.8 / ${ratio}, output='sos') in float64, as decimator.ts designs it.`,
    SOS_ROW,
  );
  unit.doubleTable(
    names.steadyState,
    steadyState,
    `sosfilt_zi of the decimation-by-${ratio} filter (decimator.ts).`,
  );
  unit.routine('decimate', DECIMATE);
  return names;
}
