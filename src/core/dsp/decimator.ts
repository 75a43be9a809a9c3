/**
 * Edge Impulse's `decimate_simple(x, ratio)` (processing-blocks common/sampling.py, used by spectral analysis
 * implementation version 4 for `input-decimation-ratio` and `extra-low-freq`): an order-8 Chebyshev type I
 * low-pass, `cheby1(8, 0.05, 0.8 / ratio, output='sos')`, run by `sosfilt` in float64 from the steady state
 * of the first value (`sosfilt_zi(sos) · x[0]`), then every `ratio`-th value kept, starting with the first.
 */
import { StudioError } from '../errors';
import { BoundedCache } from './boundedCache';
import { digitalSos, sosfiltFloat64, type Sos } from './butterworth';
import type { Zpk } from './zpk';

const ORDER = 8;
const RIPPLE_DB = 0.05;
const PASS_BAND = 0.8;

/** Analog Chebyshev type I prototype (SciPy cheb1ap): poles −sinh(μ + iθ) on an ellipse, ripple `rippleDb`. */
export function chebyshev1Prototype(order: number, rippleDb: number): Zpk {
  const eps = Math.sqrt(10 ** (0.1 * rippleDb) - 1);
  const mu = (1 / order) * Math.asinh(1 / eps);
  const poles = [];
  for (let m = -order + 1; m < order; m += 2) {
    const theta = (Math.PI * m) / (2 * order);
    poles.push({ re: -(Math.sinh(mu) * Math.cos(theta)), im: -(Math.cosh(mu) * Math.sin(theta)) });
  }
  let re = 1;
  let im = 0;
  for (const p of poles) [re, im] = [re * -p.re - im * -p.im, re * -p.im + im * -p.re];
  const gain = order % 2 === 0 ? re / Math.sqrt(1 + eps * eps) : re;
  return { zeros: [], poles, gain };
}

/**
 * SciPy sosfilt_zi: per section the steady state of a unit step (lfilter_zi, solving (I − Aᵀ)·zi = b[1:] −
 * a[1:]·b0 by LU with partial pivoting), scaled by the DC gain of the sections before it.
 */
export function sosSteadyState(sos: Sos): Float64Array {
  const zi = new Float64Array(2 * sos.sections);
  const k = sos.coefficients;
  let scale = 1;
  for (let s = 0; s < sos.sections; s++) {
    const [b0, b1, b2, a0, a1, a2] = k.subarray(6 * s, 6 * s + 6);
    const rows = [
      [1 + a1, -1, b1 - a1 * b0],
      [a2, 1, b2 - a2 * b0],
    ];
    const [top, bottom] = Math.abs(rows[1][0]) > Math.abs(rows[0][0]) ? [rows[1], rows[0]] : rows;
    const l = bottom[0] / top[0];
    const u11 = bottom[1] - l * top[1];
    const x1 = (bottom[2] - l * top[2]) / u11;
    const x0 = (top[2] - top[1] * x1) / top[0];
    zi[2 * s] = scale * x0;
    zi[2 * s + 1] = scale * x1;
    scale *= (b0 + b1 + b2) / (a0 + a1 + a2);
  }
  return zi;
}

export interface Decimator {
  readonly ratio: number;
  readonly sos: Sos;
  /** sosfilt_zi(sos): multiplied by the first value to start the filter in steady state. */
  readonly steadyState: Float64Array;
}

const cache = new BoundedCache<Decimator>(16);

/** The decimator for an integer ratio ≥ 2, designed once and cached. */
export function getDecimator(ratio: number): Decimator {
  if (!Number.isInteger(ratio) || ratio < 2)
    throw new StudioError('dsp-params', `Decimation ratio ${ratio} is not supported: use an integer ≥ 2.`);
  return cache.get(String(ratio), () => {
    const sos = digitalSos(chebyshev1Prototype(ORDER, RIPPLE_DB), PASS_BAND / ratio, 'low');
    return { ratio, sos, steadyState: sosSteadyState(sos) };
  });
}

/** Values left after decimating `length` values by `ratio` (x[::ratio]). */
export function decimatedLength(length: number, ratio: number): number {
  return Math.ceil(length / ratio);
}

/**
 * Decimates `data[0 … length)` in place by `ratio` in float64 and returns the new length
 * (`decimatedLength(length, ratio)`). `state` is scratch of at least 2·8/2 = 8 values.
 */
export function decimateInPlace(
  data: Float64Array,
  length: number,
  ratio: number,
  state: Float64Array,
): number {
  if (length === 0) return 0;
  const { sos, steadyState } = getDecimator(ratio);
  const first = data[0];
  for (let i = 0; i < steadyState.length; i++) state[i] = steadyState[i] * first;
  sosfiltFloat64(sos, data, length, state);
  const out = decimatedLength(length, ratio);
  for (let i = 0; i < out; i++) data[i] = data[i * ratio];
  return out;
}
