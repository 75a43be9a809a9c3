/**
 * Butterworth low/high-pass filters as second-order sections, designed exactly as SciPy's
 * `butter(order, 2·cutoff/fs, btype, output='sos')` (buttap poles, lp2lp/lp2hp, bilinear transform with
 * pre-warping, zpk2sos pairing 'nearest'), then rounded to float32 as Edge Impulse's spectral block does
 * (DESIGN.md §5), and filtered from zero state as `scipy.signal.sosfilt`.
 */
import { StudioError } from '../errors';
import { BoundedCache } from './boundedCache';
import { bilinear, lowpassToHighpass, lowpassToLowpass, zpkToSos, type Zpk } from './zpk';

export type FilterType = 'low' | 'high';

/**
 * Second-order sections, row-major: section s is [b0, b1, b2, 1, a1, a2] at 6·s. Values are float32 numbers
 * when `float32` rounding was asked for.
 */
export interface Sos {
  readonly sections: number;
  readonly coefficients: Float64Array;
}

/** Analog Butterworth prototype of order n, cutoff 1 rad/s (SciPy buttap: poles −e^(iπm/2n), m = −n+1, −n+3, …). */
export function butterworthPrototype(order: number): Zpk {
  const poles = [];
  for (let m = -order + 1; m < order; m += 2) {
    const angle = (Math.PI * m) / (2 * order);
    poles.push({ re: -Math.cos(angle), im: -Math.sin(angle) });
  }
  return { zeros: [], poles, gain: 1 };
}

/**
 * Digital low/high-pass SOS from an analog low-pass prototype with cutoff `wn` (fraction of Nyquist, 0 < wn < 1),
 * as SciPy's iirfilter: pre-warp with fs = 2, transform, bilinear, zpk2sos.
 */
export function digitalSos(prototype: Zpk, wn: number, type: FilterType): Sos {
  const fs = 2;
  const warped = 2 * fs * Math.tan((Math.PI * wn) / fs);
  const analog = type === 'low' ? lowpassToLowpass(prototype, warped) : lowpassToHighpass(prototype, warped);
  const rows = zpkToSos(bilinear(analog, fs));
  const coefficients = new Float64Array(rows.length * 6);
  rows.forEach((row, s) => coefficients.set(row, 6 * s));
  return { sections: rows.length, coefficients };
}

/** SciPy `butter(order, wn, type, output='sos')` in float64 (wn = 2·cutoff/fs). */
export function butterSos(order: number, wn: number, type: FilterType): Sos {
  if (!Number.isInteger(order) || order < 1)
    throw new StudioError(
      'dsp-params',
      `Butterworth filter order ${order} is not supported: use an integer ≥ 1.`,
    );
  if (!(wn > 0 && wn < 1))
    throw new StudioError(
      'dsp-config',
      `Butterworth cut-off ${wn} (fraction of Nyquist) must be between 0 and 1: choose a cut-off frequency ` +
        'above 0 and below half the sampling frequency.',
    );
  return digitalSos(butterworthPrototype(order), wn, type);
}

const cache = new BoundedCache<Sos>(64);

/**
 * The float32-rounded SOS Edge Impulse's spectral block filters with (`np.float32(butter(...))`), for a
 * cut-off in Hz at sampling frequency `fsHz`. Designed once per (type, order, cutoff, fs) and cached (the 64
 * most recent designs).
 */
export function butterworthFloat32(type: FilterType, order: number, cutoffHz: number, fsHz: number): Sos {
  return cache.get(`${type}|${order}|${cutoffHz}|${fsHz}`, () => {
    const designed = butterSos(order, (2 * cutoffHz) / fsHz, type);
    return { sections: designed.sections, coefficients: designed.coefficients.map(Math.fround) };
  });
}

/**
 * True when every section's poles lie strictly inside the unit circle: 1 + a1·z⁻¹ + a2·z⁻² is stable iff
 * |a2| < 1 and |a1| < 1 + a2.
 */
export function isStable(sos: Sos): boolean {
  const k = sos.coefficients;
  for (let s = 0; s < sos.sections; s++) {
    const a1 = k[6 * s + 4];
    const a2 = k[6 * s + 5];
    if (!(Math.abs(a2) < 1 && Math.abs(a1) < 1 + a2)) return false;
  }
  return true;
}

/**
 * `scipy.signal.sosfilt` from zero state on float32 data with float32 coefficients, in float32 arithmetic
 * (transposed direct form II, as SciPy's _sosfilt loop). Each operation is computed in float64 and rounded
 * with Math.fround: a product of two float32 values is exact in float64, and a float64 sum rounded once to
 * float32 equals the float32 sum (53 ≥ 2·24 + 2 bits), so this is bit-exact float32 arithmetic.
 * Filters `data[0 … length)` in place; `state` is scratch of at least 2·sections values.
 */
export function sosfiltFloat32(sos: Sos, data: Float32Array, length: number, state: Float64Array): void {
  const k = sos.coefficients;
  const sections = sos.sections;
  state.fill(0, 0, 2 * sections);
  const f = Math.fround;
  for (let n = 0; n < length; n++) {
    let x = data[n];
    for (let s = 0, o = 0; s < sections; s++, o += 6) {
      const z0 = state[2 * s];
      const z1 = state[2 * s + 1];
      const y = f(f(k[o] * x) + z0);
      state[2 * s] = f(f(f(k[o + 1] * x) - f(k[o + 4] * y)) + z1);
      state[2 * s + 1] = f(f(k[o + 2] * x) - f(k[o + 5] * y));
      x = y;
    }
    data[n] = x;
  }
}

/**
 * `scipy.signal.sosfilt` in float64 (the reference's arithmetic once its data is float64, e.g. after
 * decimation), in place on `data[0 … length)`. `state` holds 2·sections initial values (zeros for a filter
 * from rest) and ends with the final state.
 */
export function sosfiltFloat64(sos: Sos, data: Float64Array, length: number, state: Float64Array): void {
  const k = sos.coefficients;
  const sections = sos.sections;
  for (let n = 0; n < length; n++) {
    let x = data[n];
    for (let s = 0, o = 0; s < sections; s++, o += 6) {
      const y = k[o] * x + state[2 * s];
      state[2 * s] = k[o + 1] * x - k[o + 4] * y + state[2 * s + 1];
      state[2 * s + 1] = k[o + 2] * x - k[o + 5] * y;
      x = y;
    }
    data[n] = x;
  }
}
