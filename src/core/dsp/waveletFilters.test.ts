import { describe, expect, it } from 'vitest';
import { WAVELETS, waveletFilters, type WaveletName } from './waveletFilters';

/** rec_lo from dec_hi (dec_hi[i] = (−1)^(F−1−i)·rec_lo[i]). */
function recLo(name: WaveletName): number[] {
  const { decHi } = waveletFilters(name);
  return [...decHi].map((x, i) => ((decHi.length - 1 - i) % 2 ? -x : x));
}

/** Σₖ a[k]·b[k + shift]. */
function correlation(a: ArrayLike<number>, b: ArrayLike<number>, shift: number): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) if (k + shift >= 0 && k + shift < b.length) sum += a[k] * b[k + shift];
  return sum;
}

/** Σₙ nᵖ·h[n], relative to Σ |nᵖ·h[n]|. */
function relativeMoment(h: ArrayLike<number>, p: number): number {
  let sum = 0;
  let scale = 0;
  for (let n = 0; n < h.length; n++) {
    sum += n ** p * h[n];
    scale += Math.abs(n ** p * h[n]);
  }
  return Math.abs(sum) / scale;
}

const family = (prefix: string) => WAVELETS.filter((w) => w.startsWith(prefix));
const order = (name: string) => Number(/\d+/.exec(name)?.[0]);

describe('WAVELETS', () => {
  it("lists the 50 wavelets of Edge Impulse's parameters.json, db4 among them", () => {
    expect(WAVELETS).toHaveLength(50);
    expect(new Set(WAVELETS).size).toBe(50);
    expect(WAVELETS).toContain('db4');
    expect(family('bior')).toHaveLength(14);
    expect(family('rbio')).toHaveLength(14);
    expect(family('sym')).toHaveLength(9);
  });
});

describe('waveletFilters', () => {
  it('gives every filter the length PyWavelets gives it', () => {
    for (const name of WAVELETS) {
      const [n, m] = name
        .replace(/^[a-z]+/, '')
        .split('.')
        .map(Number);
      const expected =
        name === 'haar'
          ? 2
          : name.startsWith('coif')
            ? 6 * n
            : m === undefined
              ? 2 * n
              : n === 1
                ? 2 * m
                : 2 * m + 2;
      const f = waveletFilters(name);
      expect([f.decLo.length, f.decHi.length, f.decLo32.length, f.decHi32.length], name).toEqual(
        Array(4).fill(expected),
      );
    }
  });

  it('has low-pass filters summing to √2 and high-pass filters summing to 0', () => {
    for (const name of WAVELETS) {
      const { decLo, decHi } = waveletFilters(name);
      expect(
        decLo.reduce((s, x) => s + x, 0),
        name,
      ).toBeCloseTo(Math.SQRT2, 13);
      expect(
        decHi.reduce((s, x) => s + x, 0),
        name,
      ).toBeCloseTo(0, 13);
    }
  });

  it('makes the orthogonal families orthonormal: Σ h[n]·h[n + 2m] = δ(m)', () => {
    for (const name of ['haar', ...family('db'), ...family('sym'), ...family('coif')] as WaveletName[]) {
      const { decLo, decHi } = waveletFilters(name);
      for (let m = 0; 2 * m < decLo.length; m++) {
        expect(Math.abs(correlation(decLo, decLo, 2 * m) - (m === 0 ? 1 : 0)), `${name} m=${m}`).toBeLessThan(
          1e-13,
        );
        expect(Math.abs(correlation(decLo, decHi, 2 * m)), `${name} lo·hi m=${m}`).toBeLessThan(1e-13);
      }
    }
  });

  it('makes each biorthogonal pair biorthogonal: Σ dec_lo[k]·rec_lo[F − 1 − k − 2m] = δ(m)', () => {
    for (const name of [...family('bior'), ...family('rbio')]) {
      const { decLo } = waveletFilters(name);
      const rec = recLo(name).reverse();
      for (let m = -decLo.length / 2; m <= decLo.length / 2; m++)
        expect(Math.abs(correlation(decLo, rec, 2 * m) - (m === 0 ? 1 : 0)), `${name} m=${m}`).toBeLessThan(
          1e-13,
        );
    }
  });

  it('gives dbN and symN N vanishing moments, coifK 2K', () => {
    for (const name of [...family('db'), ...family('sym'), ...family('coif')]) {
      const moments = name.startsWith('coif') ? 2 * order(name) : order(name);
      const { decHi } = waveletFilters(name);
      for (let p = 0; p < moments; p++)
        expect(relativeMoment(decHi, p), `${name} p=${p}`).toBeLessThan(1e-12);
      expect(relativeMoment(decHi, moments), `${name} p=${moments}`).toBeGreaterThan(1e-6);
    }
  });

  it('gives symlets a phase far closer to linear than the Daubechies filters of the same length', () => {
    // Squared deviation of the unwrapped phase of H(e^{iω}) from its least-squares line over 0 < ω < π.
    const phaseNonlinearity = (h: Float64Array) => {
      const points = 256;
      const w: number[] = [];
      const phase: number[] = [];
      let previous = 0;
      for (let k = 1; k < points; k++) {
        const omega = (Math.PI * k) / points;
        let re = 0;
        let im = 0;
        h.forEach((x, n) => {
          re += x * Math.cos(omega * n);
          im -= x * Math.sin(omega * n);
        });
        let p = Math.atan2(im, re);
        while (p - previous > Math.PI) p -= 2 * Math.PI;
        while (p - previous < -Math.PI) p += 2 * Math.PI;
        w.push(omega);
        phase.push((previous = p));
      }
      const mw = w.reduce((s, x) => s + x, 0) / w.length;
      const mp = phase.reduce((s, x) => s + x, 0) / phase.length;
      const slope =
        w.reduce((s, x, i) => s + (x - mw) * (phase[i] - mp), 0) / w.reduce((s, x) => s + (x - mw) ** 2, 0);
      return phase.reduce((s, p, i) => s + (p - mp - slope * (w[i] - mw)) ** 2, 0);
    };
    for (let n = 4; n <= 10; n++)
      expect(phaseNonlinearity(waveletFilters(`sym${n}` as WaveletName).decLo), `sym${n}`).toBeLessThan(
        phaseNonlinearity(waveletFilters(`db${n}` as WaveletName).decLo) / 5,
      );
  });

  it('keeps the biorthogonal filters symmetric and rbio the reverse of bior', () => {
    for (const name of family('bior')) {
      const { decLo } = waveletFilters(name);
      const taps = [...decLo];
      const first = taps.findIndex((x) => x !== 0);
      const last = taps.length - 1 - [...taps].reverse().findIndex((x) => x !== 0);
      for (let i = first; i <= last; i++)
        expect(taps[i], `${name}[${i}]`).toBeCloseTo(taps[first + last - i], 14);
      const reverse = waveletFilters(name.replace('bior', 'rbio') as WaveletName);
      expect([...reverse.decLo]).toEqual(recLo(name).reverse());
    }
  });

  it('rounds the float64 taps to float32, except coiflets (c·√2 multiplied in float32)', () => {
    for (const name of WAVELETS) {
      const f = waveletFilters(name);
      const rounded = [...f.decLo].map(Math.fround);
      if (name.startsWith('coif')) {
        const c = [...f.decLo].map((x) => x / Math.SQRT2);
        expect([...f.decLo32], name).toEqual(
          c.map((x) => Math.fround(Math.fround(x) * Math.fround(Math.SQRT2))),
        );
      } else expect([...f.decLo32], name).toEqual(rounded);
    }
  });

  it('derives db2 in closed form: (1 + √3, 3 + √3, 3 − √3, 1 − √3) / (4√2), reversed', () => {
    const s3 = Math.sqrt(3);
    const expected = [1 - s3, 3 - s3, 3 + s3, 1 + s3].map((x) => x / (4 * Math.SQRT2));
    [...waveletFilters('db2').decLo].forEach((x, i) => expect(x).toBeCloseTo(expected[i], 15));
    expect([...waveletFilters('haar').decLo]).toEqual([Math.SQRT1_2, Math.SQRT1_2]);
  });
});
