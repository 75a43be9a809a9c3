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
 *   Both throw a RangeError when offset … offset + length − 1 is not inside `input`.
 *
 * Method: the n real samples are packed into n/2 complex ones (even + i·odd), transformed by an iterative
 * radix-4 FFT with precomputed bit reversal and twiddles, and split into the real spectrum. A RealFft keeps
 * scratch buffers, so one instance must not be used re-entrantly (JavaScript never does that by itself).
 */
import { StudioError } from '../errors';

export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0 && n <= 2 ** 30;
}

/** See RealFft: bit reversal of the n/2 complex points, complex-FFT twiddles, real-split twiddles. */
export interface RealFftTables {
  readonly reversed: Uint32Array;
  readonly twiddleRe: Float64Array;
  readonly twiddleIm: Float64Array;
  readonly splitRe: Float64Array;
  readonly splitIm: Float64Array;
}

export class RealFft {
  readonly n: number;
  readonly bins: number;
  private readonly half: number;
  /** Bit-reversed position of each of the n/2 complex points. */
  private readonly reversed: Uint32Array;
  /** cos and −sin of 2πt/(n/2), t < 3n/8: the complex FFT's twiddles. */
  private readonly twiddleRe: Float64Array;
  private readonly twiddleIm: Float64Array;
  /** cos and −sin of 2πk/n, k ≤ n/2: the real-spectrum split's twiddles. */
  private readonly splitRe: Float64Array;
  private readonly splitIm: Float64Array;
  /** log2(n/2) is odd: one radix-2 pass precedes the radix-4 passes. */
  private readonly oddLog: boolean;
  private readonly zr: Float64Array;
  private readonly zi: Float64Array;

  constructor(n: number) {
    if (!isPowerOfTwo(n) || n < 2)
      throw new StudioError(
        'dsp-config',
        `FFT length ${n} is not supported: use a power of two ≥ 2 (e.g. 256).`,
      );
    this.n = n;
    const half = n / 2;
    this.half = half;
    this.bins = half + 1;
    this.reversed = bitReversal(half);
    const twiddles = Math.max(1, (3 * half) >> 2);
    this.twiddleRe = new Float64Array(twiddles);
    this.twiddleIm = new Float64Array(twiddles);
    for (let t = 0; t < twiddles; t++) {
      this.twiddleRe[t] = Math.cos((2 * Math.PI * t) / half);
      this.twiddleIm[t] = -Math.sin((2 * Math.PI * t) / half);
    }
    this.splitRe = new Float64Array(half + 1);
    this.splitIm = new Float64Array(half + 1);
    for (let k = 0; k <= half; k++) {
      this.splitRe[k] = Math.cos((2 * Math.PI * k) / n);
      this.splitIm[k] = -Math.sin((2 * Math.PI * k) / n);
    }
    this.oddLog = Math.log2(half) % 2 === 1;
    this.zr = new Float64Array(half);
    this.zi = new Float64Array(half);
  }

  /**
   * The transform's precomputed tables, for generated code that runs this same algorithm (codegen/dsp emits
   * them as C arrays, so both sides share them). Views of the transform's own arrays: do not modify them.
   */
  tables(): RealFftTables {
    const { reversed, twiddleRe, twiddleIm, splitRe, splitIm } = this;
    return { reversed, twiddleRe, twiddleIm, splitRe, splitIm };
  }

  forward(
    input: ArrayLike<number>,
    offset: number,
    length: number,
    re: Float64Array,
    im: Float64Array,
  ): void {
    this.transform(input, offset, length);
    const { half, zr, zi, splitRe, splitIm } = this;
    re[0] = zr[0] + zi[0];
    im[0] = 0;
    re[half] = zr[0] - zi[0];
    im[half] = 0;
    for (let k = 1; k < half; k++) {
      const m = half - k;
      // X[k] = E[k] + W^k·O[k], E = (Z[k] + conj Z[n/2 − k]) / 2, O = (Z[k] − conj Z[n/2 − k]) / 2i
      const er = (zr[k] + zr[m]) * 0.5;
      const ei = (zi[k] - zi[m]) * 0.5;
      const or = (zi[k] + zi[m]) * 0.5;
      const oi = (zr[m] - zr[k]) * 0.5;
      const wr = splitRe[k];
      const wi = splitIm[k];
      re[k] = er + wr * or - wi * oi;
      im[k] = ei + wr * oi + wi * or;
    }
  }

  power(input: ArrayLike<number>, offset: number, length: number, out: Float64Array): void {
    this.transform(input, offset, length);
    const { half, zr, zi, splitRe, splitIm } = this;
    const dc = zr[0] + zi[0];
    const nyquist = zr[0] - zi[0];
    out[0] = dc * dc;
    out[half] = nyquist * nyquist;
    for (let k = 1, m = half - 1; k <= m; k++, m--) {
      const er = (zr[k] + zr[m]) * 0.5;
      const ei = (zi[k] - zi[m]) * 0.5;
      const or = (zi[k] + zi[m]) * 0.5;
      const oi = (zr[m] - zr[k]) * 0.5;
      const wr = splitRe[k];
      const wi = splitIm[k];
      const xr = er + wr * or - wi * oi;
      const xi = ei + wr * oi + wi * or;
      out[k] = xr * xr + xi * xi;
      if (m === k) break;
      // Bin m from the same sums: its er and or are these, its ei and oi these negated, which is exact (up to
      // the sign of a zero, which squaring drops), so the power is bit for bit what bin m alone would give.
      const vr = splitRe[m];
      const vi = splitIm[m];
      const yr = er + vr * or + vi * oi;
      const yi = -ei - vr * oi + vi * or;
      out[m] = yr * yr + yi * yi;
    }
  }

  /** Packs the input (cut or zero-padded to n) as even + i·odd into zr/zi in bit-reversed order and FFTs it. */
  private transform(input: ArrayLike<number>, offset: number, length: number): void {
    if (!(offset >= 0 && length >= 0 && offset + length <= input.length))
      throw new RangeError(
        `FFT input range ${offset}+${length} is outside an input of ${input.length} values`,
      );
    const { half, reversed, zr, zi } = this;
    const count = Math.min(length, this.n);
    if (count === this.n && this.oddLog && half >= 8) {
      this.packRadix2And4(input, offset);
      this.radix4Passes(8);
      return;
    }
    if (count === this.n && this.oddLog) {
      // The radix-2 pass fused into the packing: the same sums and differences, one pass fewer over zr/zi.
      for (let a = 0; a < half; a += 2) {
        const p0 = offset + 2 * reversed[a];
        const p1 = offset + 2 * reversed[a + 1];
        const br = input[p1];
        const bi = input[p1 + 1];
        zr[a + 1] = input[p0] - br;
        zi[a + 1] = input[p0 + 1] - bi;
        zr[a] = input[p0] + br;
        zi[a] = input[p0 + 1] + bi;
      }
      this.radix4Passes(2);
      return;
    }
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
    this.butterflies();
  }

  /**
   * In-place radix-4 decimation-in-time passes over the bit-reversed points (one radix-2 pass first when log2
   * of n/2 is odd). A pass merges four transforms of length q at offsets 0, q, 2q, 3q into one of length 4q:
   * with A1 = w^2j·a1, A2 = w^j·a2, A3 = w^3j·a3 (w = e^(−2πi/4q)), the outputs are (a0 + A1) ± (A2 + A3) and
   * (a0 − A1) ∓ i·(A2 − A3).
   */
  private butterflies(): void {
    const { half, zr, zi } = this;
    let q = 1;
    if (this.oddLog) {
      for (let a = 0; a < half; a += 2) {
        const br = zr[a + 1];
        const bi = zi[a + 1];
        zr[a + 1] = zr[a] - br;
        zi[a + 1] = zi[a] - bi;
        zr[a] += br;
        zi[a] += bi;
      }
      q = 2;
    }
    this.radix4Passes(q);
  }

  /**
   * Packing, the radix-2 pass and the first radix-4 pass (q = 2) in one sweep over groups of 8 points, which
   * those passes never mix across: the same operations in the same order as `butterflies`, without storing
   * and reloading zr/zi between the passes. For n ≥ 16 with log2(n/2) odd and no zero-padding.
   */
  private packRadix2And4(input: ArrayLike<number>, offset: number): void {
    const { half, reversed, zr, zi, twiddleRe, twiddleIm } = this;
    const step = half / 8;
    const w0r = twiddleRe[0];
    const w0i = twiddleIm[0];
    const w1r = twiddleRe[step];
    const w1i = twiddleIm[step];
    const w2r = twiddleRe[2 * step];
    const w2i = twiddleIm[2 * step];
    const w3r = twiddleRe[3 * step];
    const w3i = twiddleIm[3 * step];
    for (let g = 0; g < half; g += 8) {
      // Radix-2 pass: point g + 2h ± (g + 2h + 1) from the bit-reversed pair.
      let p = offset + 2 * reversed[g];
      let q = offset + 2 * reversed[g + 1];
      const e0r = input[p] + input[q];
      const e0i = input[p + 1] + input[q + 1];
      const o0r = input[p] - input[q];
      const o0i = input[p + 1] - input[q + 1];
      p = offset + 2 * reversed[g + 2];
      q = offset + 2 * reversed[g + 3];
      const e1r = input[p] + input[q];
      const e1i = input[p + 1] + input[q + 1];
      const o1r = input[p] - input[q];
      const o1i = input[p + 1] - input[q + 1];
      p = offset + 2 * reversed[g + 4];
      q = offset + 2 * reversed[g + 5];
      const e2r = input[p] + input[q];
      const e2i = input[p + 1] + input[q + 1];
      const o2r = input[p] - input[q];
      const o2i = input[p + 1] - input[q + 1];
      p = offset + 2 * reversed[g + 6];
      q = offset + 2 * reversed[g + 7];
      const e3r = input[p] + input[q];
      const e3i = input[p + 1] + input[q + 1];
      const o3r = input[p] - input[q];
      const o3i = input[p + 1] - input[q + 1];
      // Radix-4, j = 0 over the sums (twiddle index 0), j = 1 over the differences.
      butterfly4(zr, zi, g, e0r, e0i, e1r, e1i, e2r, e2i, e3r, e3i, w0r, w0i, w0r, w0i, w0r, w0i);
      butterfly4(zr, zi, g + 1, o0r, o0i, o1r, o1i, o2r, o2i, o3r, o3i, w1r, w1i, w2r, w2i, w3r, w3i);
    }
  }

  /** The radix-4 passes from transforms of length q on (see butterflies). */
  private radix4Passes(first: number): void {
    const { half, zr, zi, twiddleRe, twiddleIm } = this;
    for (let q = first; q < half; q *= 4) {
      const size = 4 * q;
      const step = half / size;
      for (let j = 0; j < q; j++) {
        const w1r = twiddleRe[j * step];
        const w1i = twiddleIm[j * step];
        const w2r = twiddleRe[2 * j * step];
        const w2i = twiddleIm[2 * j * step];
        const w3r = twiddleRe[3 * j * step];
        const w3i = twiddleIm[3 * j * step];
        for (let i0 = j; i0 < half; i0 += size) {
          const i1 = i0 + q;
          const i2 = i1 + q;
          const i3 = i2 + q;
          const a0r = zr[i0];
          const a0i = zi[i0];
          const a1r = zr[i1] * w2r - zi[i1] * w2i;
          const a1i = zr[i1] * w2i + zi[i1] * w2r;
          const a2r = zr[i2] * w1r - zi[i2] * w1i;
          const a2i = zr[i2] * w1i + zi[i2] * w1r;
          const a3r = zr[i3] * w3r - zi[i3] * w3i;
          const a3i = zr[i3] * w3i + zi[i3] * w3r;
          const t0r = a0r + a1r;
          const t0i = a0i + a1i;
          const t1r = a0r - a1r;
          const t1i = a0i - a1i;
          const t2r = a2r + a3r;
          const t2i = a2i + a3i;
          const t3r = a2r - a3r;
          const t3i = a2i - a3i;
          zr[i0] = t0r + t2r;
          zi[i0] = t0i + t2i;
          zr[i2] = t0r - t2r;
          zi[i2] = t0i - t2i;
          // −i·t3 = t3i − i·t3r
          zr[i1] = t1r + t3i;
          zi[i1] = t1i - t3r;
          zr[i3] = t1r - t3i;
          zi[i3] = t1i + t3r;
        }
      }
    }
  }
}

/**
 * One radix-4 butterfly of a q = 2 pass (see RealFft.butterflies) on the points a = (a0r, a0i) … a3 with
 * twiddles w1 … w3, written to z[i0], z[i0 + 2], z[i0 + 4], z[i0 + 6].
 */
function butterfly4(
  zr: Float64Array,
  zi: Float64Array,
  i0: number,
  b0r: number,
  b0i: number,
  b1r: number,
  b1i: number,
  b2r: number,
  b2i: number,
  b3r: number,
  b3i: number,
  w1r: number,
  w1i: number,
  w2r: number,
  w2i: number,
  w3r: number,
  w3i: number,
): void {
  const a1r = b1r * w2r - b1i * w2i;
  const a1i = b1r * w2i + b1i * w2r;
  const a2r = b2r * w1r - b2i * w1i;
  const a2i = b2r * w1i + b2i * w1r;
  const a3r = b3r * w3r - b3i * w3i;
  const a3i = b3r * w3i + b3i * w3r;
  const t0r = b0r + a1r;
  const t0i = b0i + a1i;
  const t1r = b0r - a1r;
  const t1i = b0i - a1i;
  const t2r = a2r + a3r;
  const t2i = a2i + a3i;
  const t3r = a2r - a3r;
  const t3i = a2i - a3i;
  zr[i0] = t0r + t2r;
  zi[i0] = t0i + t2i;
  zr[i0 + 4] = t0r - t2r;
  zi[i0 + 4] = t0i - t2i;
  zr[i0 + 2] = t1r + t3i;
  zi[i0 + 2] = t1i - t3r;
  zr[i0 + 6] = t1r - t3i;
  zi[i0 + 6] = t1i + t3r;
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
