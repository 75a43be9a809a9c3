import { describe, expect, it } from 'vitest';
import { getRealFft, isPowerOfTwo, RealFft } from './fft';
import { StudioError } from '../errors';

/** Direct O(n²) DFT of x cut or zero-padded to n: the definition the FFT must match. */
function naiveDft(x: ArrayLike<number>, n: number): { re: number[]; im: number[] } {
  const re: number[] = [];
  const im: number[] = [];
  for (let k = 0; k <= n / 2; k++) {
    let sr = 0;
    let si = 0;
    for (let t = 0; t < Math.min(n, x.length); t++) {
      sr += x[t] * Math.cos((2 * Math.PI * k * t) / n);
      si -= x[t] * Math.sin((2 * Math.PI * k * t) / n);
    }
    re.push(sr);
    im.push(si);
  }
  return { re, im };
}

function pseudoRandom(count: number, seed = 1): Float64Array {
  const out = new Float64Array(count);
  let s = seed;
  for (let i = 0; i < count; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = s / 1073741824 - 1;
  }
  return out;
}

describe('isPowerOfTwo', () => {
  it('accepts powers of two and rejects everything else', () => {
    for (const n of [1, 2, 4, 128, 1024, 2 ** 20]) expect(isPowerOfTwo(n)).toBe(true);
    for (const n of [0, -2, 3, 6, 100, 2.5, NaN, Infinity]) expect(isPowerOfTwo(n)).toBe(false);
  });
});

describe('RealFft', () => {
  it('rejects lengths that are not a power of two ≥ 2 with a dsp-config error', () => {
    for (const n of [0, 1, 3, 100]) {
      expect(() => new RealFft(n)).toThrow(StudioError);
      expect(() => new RealFft(n)).toThrow(/power of two/);
    }
  });

  it('matches the direct DFT for every length from 2 to 512', () => {
    for (let n = 2; n <= 512; n *= 2) {
      const x = pseudoRandom(n, n);
      const fft = new RealFft(n);
      const re = new Float64Array(fft.bins);
      const im = new Float64Array(fft.bins);
      fft.forward(x, 0, n, re, im);
      const ref = naiveDft(x, n);
      for (let k = 0; k < fft.bins; k++) {
        expect(re[k]).toBeCloseTo(ref.re[k], 9);
        expect(im[k]).toBeCloseTo(ref.im[k], 9);
      }
    }
  });

  it('puts a sine in its bin', () => {
    const n = 256;
    const bin = 19;
    const x = Float64Array.from({ length: n }, (_, t) => Math.sin((2 * Math.PI * bin * t) / n));
    const out = new Float64Array(n / 2 + 1);
    getRealFft(n).power(x, 0, n, out);
    expect(out[bin]).toBeCloseTo((n / 2) ** 2, 6);
    for (let k = 0; k < out.length; k++) if (k !== bin) expect(out[k]).toBeLessThan(1e-12);
  });

  it('transforms a delta to a flat spectrum and a constant to a single DC bin', () => {
    const n = 64;
    const delta = new Float64Array(n);
    delta[0] = 1;
    const out = new Float64Array(n / 2 + 1);
    getRealFft(n).power(delta, 0, n, out);
    for (const p of out) expect(p).toBeCloseTo(1, 12);

    const constant = new Float64Array(n).fill(3);
    getRealFft(n).power(constant, 0, n, out);
    expect(out[0]).toBeCloseTo((3 * n) ** 2, 6);
    for (let k = 1; k < out.length; k++) expect(out[k]).toBeLessThan(1e-20);
  });

  it("satisfies Parseval's identity", () => {
    const n = 128;
    const x = pseudoRandom(n, 7);
    const out = new Float64Array(n / 2 + 1);
    getRealFft(n).power(x, 0, n, out);
    // Σ|x|² = (1/n)·Σ_k|X[k]|² over all n bins; bins 1…n/2−1 appear twice in the full spectrum.
    let spectral = out[0] + out[n / 2];
    for (let k = 1; k < n / 2; k++) spectral += 2 * out[k];
    const energy = x.reduce((s, v) => s + v * v, 0);
    expect(spectral / n).toBeCloseTo(energy, 10);
  });

  it('cuts long input and zero-pads short input, reading from an offset (numpy rfft semantics)', () => {
    const n = 32;
    const x = pseudoRandom(100, 3);
    const out = new Float64Array(n / 2 + 1);
    const fft = getRealFft(n);

    fft.power(x, 10, 50, out);
    const cut = naiveDft(x.subarray(10, 10 + n), n);
    for (let k = 0; k < out.length; k++) expect(out[k]).toBeCloseTo(cut.re[k] ** 2 + cut.im[k] ** 2, 9);

    fft.power(x, 5, 13, out);
    const padded = naiveDft(x.subarray(5, 18), n);
    for (let k = 0; k < out.length; k++) expect(out[k]).toBeCloseTo(padded.re[k] ** 2 + padded.im[k] ** 2, 9);
  });

  it('gives each power bin bit for bit as |forward|² of that bin (bins k and n/2 − k are computed together)', () => {
    for (let n = 2; n <= 1024; n *= 2) {
      const fft = getRealFft(n);
      const re = new Float64Array(fft.bins);
      const im = new Float64Array(fft.bins);
      const power = new Float64Array(fft.bins);
      for (let seed = 1; seed <= 20; seed++) {
        // Full frames, cut and zero-padded ones; values of very different sizes and exact zeros.
        const x = pseudoRandom(2 * n + 30, seed).map((v, i) => (i % 7 === 0 ? 0 : v * 10 ** (seed % 9)));
        const length = seed % 3 === 0 ? Math.max(1, n >> 1) : n + (seed % 5);
        fft.forward(x, seed, length, re, im);
        fft.power(x, seed, length, power);
        for (let k = 0; k < fft.bins; k++) expect(power[k]).toBe(re[k] * re[k] + im[k] * im[k]);
      }
    }
  });

  it('rejects an input range outside the array', () => {
    const out = new Float64Array(9);
    expect(() => getRealFft(16).power(new Float64Array(10), 5, 6, out)).toThrow(RangeError);
  });

  it('caches one instance per length', () => {
    expect(getRealFft(256)).toBe(getRealFft(256));
    expect(getRealFft(256).bins).toBe(129);
  });
});
