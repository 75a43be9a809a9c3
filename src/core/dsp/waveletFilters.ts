/**
 * Filter banks of the wavelets Edge Impulse's spectral block offers (parameters.json `wavelet`), derived from
 * their definitions and laid out as PyWavelets lays them out (its `Wavelet(name).dec_lo` / `dec_hi`, the filters
 * `pywt.wavedec` convolves with):
 *
 * - Daubechies dbN (haar = db1) and symlets symN: spectral factorisation of Daubechies' polynomial
 *   P_N(y) = Σ_{k<N} C(N−1+k, k) yᵏ, y = sin²(ω/2) (Daubechies, "Ten Lectures on Wavelets", 1992, §6.1): each
 *   root y gives the pair z, 1/z of z² − (2 − 4y)z + 1 = 0, and the low-pass filter is (1 + z)ᴺ times one root
 *   of each pair. dbN takes every root inside the unit circle (extremal phase); symN the least asymmetric
 *   choice (§8.1.1), fixed per N in SYMLET_OUTSIDE.
 * - Coiflets coifN: waveletCoiflets.ts.
 * - Biorthogonal biorN.M (Cohen, Daubechies & Feauveau 1992; Ten Lectures §8.3): the reconstruction low-pass is
 *   √2·((1 + z)/2)ᴺ (a B-spline), the decomposition one √2·((1 + z)/2)ᴹ·P_l(y) with N + M = 2l. bior4.4, 5.5 and
 *   6.8 instead split P_l's roots between the two filters, as in SPLIT_BIORTHOGONAL. rbioN.M is biorN.M with the
 *   two filter pairs swapped and reversed (PyWavelets wavelets.c).
 *
 * For float32 data PyWavelets' C core uses the float32 roundings of the same coefficients, except that coiflets
 * are stored normalised to sum 1 and multiplied by √2 in float32.
 */
import { coifletScaling } from './waveletCoiflets';
import {
  complex,
  convolve,
  div,
  polynomialRoots,
  scale,
  sqrt,
  abs,
  conj,
  type Complex,
} from './waveletPolynomial';

/** Edge Impulse's list (spectral_analysis/parameters.json), in its order. */
export const WAVELETS = [
  'bior1.3',
  'bior1.5',
  'bior2.2',
  'bior2.4',
  'bior2.6',
  'bior2.8',
  'bior3.1',
  'bior3.3',
  'bior3.5',
  'bior3.7',
  'bior3.9',
  'bior4.4',
  'bior5.5',
  'bior6.8',
  'coif1',
  'coif2',
  'coif3',
  'db2',
  'db3',
  'db4',
  'db5',
  'db6',
  'db7',
  'db8',
  'db9',
  'db10',
  'haar',
  'rbio1.3',
  'rbio1.5',
  'rbio2.2',
  'rbio2.4',
  'rbio2.6',
  'rbio2.8',
  'rbio3.1',
  'rbio3.3',
  'rbio3.5',
  'rbio3.7',
  'rbio3.9',
  'rbio4.4',
  'rbio5.5',
  'rbio6.8',
  'sym2',
  'sym3',
  'sym4',
  'sym5',
  'sym6',
  'sym7',
  'sym8',
  'sym9',
  'sym10',
] as const;

export type WaveletName = (typeof WAVELETS)[number];

export interface WaveletFilters {
  /** Decomposition low-pass and high-pass filters (PyWavelets dec_lo, dec_hi), for float64 data. */
  decLo: Float64Array;
  decHi: Float64Array;
  /** The same filters as PyWavelets applies them to float32 data. */
  decLo32: Float32Array;
  decHi32: Float32Array;
}

/** A filter pair before the high-pass is derived: reconstruction and decomposition low-pass, same length. */
interface LowPass {
  recLo: number[];
  decLo: number[];
  /** float32 coefficients when they are not simply the float64 ones rounded (coiflets). */
  recLo32?: number[];
  decLo32?: number[];
}

const f32 = Math.fround;

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** P_l(y)'s coefficients, highest power first. */
function daubechiesPolynomial(l: number): number[] {
  return Array.from({ length: l }, (_, i) => binomial(l - 1 + (l - 1 - i), l - 1 - i));
}

/**
 * P_l's roots grouped so that each group has real coefficients: a real root alone, a complex pair together
 * (represented by the member with positive imaginary part); groups ordered by increasing real part.
 */
function rootGroups(l: number): Complex[][] {
  if (l === 1) return [];
  const roots = polynomialRoots(daubechiesPolynomial(l));
  const groups: Complex[][] = [];
  for (const y of roots) {
    if (Math.abs(y.im) <= 1e-9 * abs(y)) groups.push([complex(y.re)]);
    else if (y.im > 0) groups.push([y, conj(y)]);
  }
  return groups.sort((a, b) => a[0].re - b[0].re);
}

/** The root of z² − (2 − 4y)z + 1 = 0 inside the unit circle (the other is its reciprocal). */
function insideRoot(y: Complex): Complex {
  const b = complex(2 - 4 * y.re, -4 * y.im);
  const d = sqrt(complex(b.re * b.re - b.im * b.im - 4, 2 * b.re * b.im));
  const plus = scale(complex(b.re + d.re, b.im + d.im), 0.5);
  const minus = scale(complex(b.re - d.re, b.im - d.im), 0.5);
  // The larger root has no cancellation; the one inside is its reciprocal.
  return div(complex(1), abs(plus) >= abs(minus) ? plus : minus);
}

const factor = (root: Complex): Complex[] => [complex(1), complex(-root.re, -root.im)];

/** The taps of a polynomial's real part, scaled so that they sum to √2. */
function normalised(taps: Complex[]): number[] {
  const sum = taps.reduce((s, t) => s + t.re, 0);
  return taps.map((t) => (t.re * Math.SQRT2) / sum);
}

/** (1 + z)ᴺ times one z-root per y-root of P_N: inside the unit circle unless `outside[group]`. */
function orthogonalLowPass(n: number, outside: readonly boolean[] = []): number[] {
  let taps = [complex(1)];
  for (let i = 0; i < n; i++) taps = convolve(taps, [complex(1), complex(1)]);
  rootGroups(n).forEach((group, g) => {
    for (const y of group) {
      const z = insideRoot(y);
      taps = convolve(taps, factor(outside[g] ? div(complex(1), conj(z)) : z));
    }
  });
  return normalised(taps);
}

/**
 * For symN, which root groups (ordered as rootGroups orders them) take the z outside the unit circle: the
 * factorisations of the published symlet tables (Matlab's and PyWavelets' symN). For N ≤ 9 they are the least
 * asymmetric ones (smallest squared deviation of the phase from its best line through 0, over 0 < ω < π), but
 * not for sym10, so they are listed rather than searched for.
 */
const SYMLET_OUTSIDE: Record<number, string> = {
  2: '0',
  3: '0',
  4: '01',
  5: '10',
  6: '101',
  7: '100',
  8: '0101',
  9: '0110',
  10: '10101',
};

function orthogonal(n: number, outside?: string): LowPass {
  const recLo = orthogonalLowPass(n, outside ? [...outside].map((bit) => bit === '1') : []);
  return { recLo, decLo: [...recLo].reverse() };
}

/** ((1 + z)/2)ⁿ. */
function spline(n: number): number[] {
  return Array.from({ length: n + 1 }, (_, k) => binomial(n, k) / 2 ** n);
}

/** A polynomial in y = (2 − z − 1/z)/4 given by its coefficients (constant term first), as symmetric taps. */
function inY(coefficients: readonly number[]): number[] {
  const half = coefficients.length - 1;
  const out = new Array<number>(2 * half + 1).fill(0);
  let power = [1];
  coefficients.forEach((c, k) => {
    power.forEach((p, i) => (out[half - k + i] += c * p));
    power = convolveReal(power, [-0.25, 0.5, -0.25]);
  });
  return out;
}

function convolveReal(a: readonly number[], b: readonly number[]): number[] {
  return convolve(
    a.map((x) => complex(x)),
    b.map((x) => complex(x)),
  ).map((c) => c.re);
}

/** Π (1 − y/y_k) over the given roots of P_l, as symmetric taps in z. */
function rootProduct(roots: readonly Complex[]): number[] {
  let taps = [complex(1)];
  for (const y of roots) {
    const edge = div(complex(0.25), y);
    taps = convolve(taps, [edge, complex(1 - 2 * edge.re, -2 * edge.im), edge]);
  }
  return taps.map((t) => t.re);
}

/**
 * √2 times a symmetric filter, placed in `length` slots as PyWavelets' tables place it: odd-length filters
 * centred on length/2 − 1 (reconstruction) or length/2 (decomposition), even-length ones in the middle.
 */
function place(taps: readonly number[], length: number, decomposition: boolean): number[] {
  const odd = taps.length % 2 === 1;
  const start = odd
    ? length / 2 - (decomposition ? 0 : 1) - (taps.length - 1) / 2
    : (length - taps.length) / 2;
  const out = new Array<number>(length).fill(0);
  taps.forEach((t, i) => (out[start + i] = t * Math.SQRT2));
  return out;
}

/** biorN.M with P_l's roots split: the reconstruction side takes the root group at `recGroup`. */
const SPLIT_BIORTHOGONAL: Record<
  string,
  { l: number; decSpline: number; recSpline: number; recGroup: number }
> = {
  '4.4': { l: 4, decSpline: 4, recSpline: 4, recGroup: 0 },
  '5.5': { l: 5, decSpline: 4, recSpline: 6, recGroup: 0 },
  '6.8': { l: 7, decSpline: 8, recSpline: 6, recGroup: 1 },
};

function biorthogonal(n: number, m: number): LowPass {
  const length = n === 1 ? 2 * m : 2 * m + 2;
  const split = SPLIT_BIORTHOGONAL[`${n}.${m}`];
  let rec: number[];
  let dec: number[];
  if (split) {
    const groups = rootGroups(split.l);
    rec = convolveReal(spline(split.recSpline), rootProduct(groups[split.recGroup]));
    dec = convolveReal(
      spline(split.decSpline),
      rootProduct(groups.filter((_, g) => g !== split.recGroup).flat()),
    );
  } else {
    const l = (n + m) / 2;
    rec = spline(n);
    dec = convolveReal(spline(m), inY(daubechiesPolynomial(l).reverse()));
  }
  return { recLo: place(rec, length, false), decLo: place(dec, length, true) };
}

function coiflet(k: number): LowPass {
  const c = coifletScaling(k);
  const recLo = c.map((x) => x * Math.SQRT2);
  const recLo32 = c.map((x) => f32(f32(x) * f32(Math.SQRT2)));
  return { recLo, decLo: [...recLo].reverse(), recLo32, decLo32: [...recLo32].reverse() };
}

function lowPass(name: WaveletName): LowPass {
  if (name === 'haar') return orthogonal(1);
  const [, family, order] = /^([a-z]+)(\d+(?:\.\d+)?)$/.exec(name) ?? [];
  const [n, m] = order.split('.').map(Number);
  switch (family) {
    case 'db':
      return orthogonal(n);
    case 'sym':
      return orthogonal(n, SYMLET_OUTSIDE[n]);
    case 'coif':
      return coiflet(n);
    case 'bior':
      return biorthogonal(n, m);
    default: {
      // rbio: bior's two filter pairs swapped and each reversed.
      const { recLo, decLo } = biorthogonal(n, m);
      return { recLo: [...decLo].reverse(), decLo: [...recLo].reverse() };
    }
  }
}

/** dec_hi[i] = (−1)^(F−1−i)·rec_lo[i] (quadrature mirror, PyWavelets wavelets.c). */
function highPass(recLo: readonly number[]): number[] {
  const last = recLo.length - 1;
  return recLo.map((x, i) => ((last - i) % 2 ? -x : x));
}

const cache = new Map<WaveletName, WaveletFilters>();

/** The filter bank of one of WAVELETS (derived once, then cached). */
export function waveletFilters(name: WaveletName): WaveletFilters {
  let filters = cache.get(name);
  if (!filters) {
    const { recLo, decLo, recLo32, decLo32 } = lowPass(name);
    filters = {
      decLo: Float64Array.from(decLo),
      decHi: Float64Array.from(highPass(recLo)),
      decLo32: Float32Array.from(decLo32 ?? decLo),
      decHi32: Float32Array.from(highPass(recLo32 ?? recLo)),
    };
    cache.set(name, filters);
  }
  return filters;
}
