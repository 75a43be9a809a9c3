/**
 * Real FFT of any power-of-two length n ≥ 2, in float64, with numpy.fft.rfft's semantics: the input is cut to
 * its first n values or zero-padded to n, and the result holds bins k = 0…n/2 (n/2 + 1 of them).
 *
 * API
 * - `isPowerOfTwo(n: number): boolean` — n is an integer 2^m with m ≥ 0.
 * - `getRealFft(n: number): RealFft` — the cached transform for n (tables are built once per n).
 * - `new RealFft(n)` — throws StudioError('dsp-config') unless n is a power of two ≥ 2.
 * - `fft.n`, `fft.bins` (= n/2 + 1).
 * - `fft.forward(input, offset, length, re, im)` — X[k] = Σ x[t]·e^(−2πikt/n) of
 *   input[offset … offset + length − 1]; writes re[k], im[k] for k < bins.
 * - `fft.power(input, offset, length, out)` — out[k] = |X[k]|² for k < bins (not divided by n).
 *
 * Method: the n real samples are packed into n/2 complex ones (even + i·odd), transformed by an iterative
 * radix-2 FFT with precomputed bit reversal and twiddles, and split into the real spectrum. A RealFft keeps
 * scratch buffers, so one instance must not be used re-entrantly (JavaScript never does that by itself).
 */
import { StudioError } from '../errors';

export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0 && n <= 2 ** 30;
}

export class RealFft {
  readonly n: number;
  readonly bins: number;
  private readonly half: number;
  /** Bit-reversed position of each of the n/2 complex points. */
  private readonly reversed: Uint32Array;
  /** cos and −sin of 2πt/(n/2), t < n/4: the complex FFT's twiddles. */
  private readonly twiddleRe: Float64Array;
  private readonly twiddleIm: Float64Array;
  /** cos and −sin of 2πk/n, k ≤ n/2: the real-spectrum split's twiddles. */
  private readonly splitRe: Float64Array;
  private readonly splitIm: Float64Array;
  private readonly zr: Float64Array;
  private readonly zi: Float64Array;

  constructor(n: number) {
    if (!isPowerOfTwo(n) || n < 2)
      throw new StudioError('dsp-config', `FFT length ${n} is not supported: use a power of two ≥ 2 (e.g. 256).`);
    this.n = n;
    const half = n / 2;
    this.half = half;
    this.bins = half + 1;
    this.reversed = bitReversal(half);
    this.twiddleRe = new Float64Array(half >> 1);
    this.twiddleIm = new Float64Array(half >> 1);
    for (let t = 0; t < half >> 1; t++) {
      this.twiddleRe[t] = Math.cos((2 * Math.PI * t) / half);
      this.twiddleIm[t] = -Math.sin((2 * Math.PI * t) / half);
    }
    this.splitRe = new Float64Array(half + 1);
    this.splitIm = new Float64Array(half + 1);
    for (let k = 0; k <= half; k++) {
      this.splitRe[k] = Math.cos((2 * Math.PI * k) / n);
      this.splitIm[k] = -Math.sin((2 * Math.PI * k) / n);
    }
    this.zr = new Float64Array(half);
    this.zi = new Float64Array(half);
  }

  forward(input: ArrayLike<number>, offset: number, length: number, re: Float64Array, im: Float64Array): void {
    this.transform(input, offset, length);
    const { half, zr, zi, splitRe, splitIm } = this;
    for (let k = 0; k <= half; k++) {
      const k1 = k === half ? 0 : k;
      const k2 = k === 0 ? 0 : half - k;
      // X[k] = E[k] + W^k·O[k], E = (Z[k] + conj Z[−k]) / 2, O = (Z[k] − conj Z[−k]) / 2i
      const er = (zr[k1] + zr[k2]) * 0.5;
      const ei = (zi[k1] - zi[k2]) * 0.5;
      const or = (zi[k1] + zi[k2]) * 0.5;
      const oi = (zr[k2] - zr[k1]) * 0.5;
      const wr = splitRe[k];
      const wi = splitIm[k];
      re[k] = er + wr * or - wi * oi;
      im[k] = ei + wr * oi + wi * or;
    }
  }

  power(input: ArrayLike<number>, offset: number, length: number, out: Float64Array): void {
    this.transform(input, offset, length);
    const { half, zr, zi, splitRe, splitIm } = this;
    for (let k = 0; k <= half; k++) {
      const k1 = k === half ? 0 : k;
      const k2 = k === 0 ? 0 : half - k;
      const er = (zr[k1] + zr[k2]) * 0.5;
      const ei = (zi[k1] - zi[k2]) * 0.5;
      const or = (zi[k1] + zi[k2]) * 0.5;
      const oi = (zr[k2] - zr[k1]) * 0.5;
      const wr = splitRe[k];
      const wi = splitIm[k];
      const xr = er + wr * or - wi * oi;
      const xi = ei + wr * oi + wi * or;
      out[k] = xr * xr + xi * xi;
    }
  }

  /** Packs the input (cut or zero-padded to n) as even + i·odd into zr/zi in bit-reversed order and FFTs it. */
  private transform(input: ArrayLike<number>, offset: number, length: number): void {
    if (!(offset >= 0 && length >= 0 && offset + length <= input.length))
      throw new RangeError(`FFT input range ${offset}+${length} is outside an input of ${input.length} values`);
    const { half, reversed, zr, zi, twiddleRe, twiddleIm } = this;
    const count = Math.min(length, this.n);
    if (count === this.n) {
      for (let j = 0; j < half; j++) {
        const p = reversed[j];
        zr[p] = input[offset + 2 * j];
        zi[p] = input[offset + 2 * j + 1];
      }
    } else {
      for (let j = 0; j < half; j++) {
        const t = 2 * j;
        const p = reversed[j];
        zr[p] = t < count ? input[offset + t] : 0;
        zi[p] = t + 1 < count ? input[offset + t + 1] : 0;
      }
    }
    for (let size = 2; size <= half; size <<= 1) {
      const span = size >> 1;
      const step = half / size;
      for (let start = 0; start < half; start += size) {
        for (let j = 0, t = 0; j < span; j++, t += step) {
          const a = start + j;
          const b = a + span;
          const wr = twiddleRe[t];
          const wi = twiddleIm[t];
          const br = zr[b] * wr - zi[b] * wi;
          const bi = zr[b] * wi + zi[b] * wr;
          zr[b] = zr[a] - br;
          zi[b] = zi[a] - bi;
          zr[a] += br;
          zi[a] += bi;
        }
      }
    }
  }
}

function bitReversal(size: number): Uint32Array {
  const bits = Math.log2(size);
  const out = new Uint32Array(size);
  for (let i = 0; i < size; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    out[i] = r;
  }
  return out;
}

const cache = new Map<number, RealFft>();

/** The RealFft for n, built once and shared. */
export function getRealFft(n: number): RealFft {
  let fft = cache.get(n);
  if (!fft) {
    fft = new RealFft(n);
    cache.set(n, fft);
  }
  return fft;
}
