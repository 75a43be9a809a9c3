import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { decimatedLength, decimateInPlace, getDecimator } from './decimator';
import { butterReference, maxRelativeDifference } from './testUtils/butterReference';

const RATIOS = [2, 3, 10];
const CHEBYSHEV_DC_GAIN = 1 / Math.sqrt(10 ** 0.005);

describe('getDecimator (Edge Impulse decimate_simple filter)', () => {
  it('designs cheby1(8, 0.05, 0.8/ratio) and its sosfilt_zi as the numpy reference does', () => {
    const reference = butterReference({
      design: RATIOS.map((r) => ({ family: 'cheby1', order: 8, wn: 0.8 / r, btype: 'low', rp: 0.05 })),
      zi: RATIOS.map((r) => {
        const { sos } = getDecimator(r);
        return Array.from({ length: sos.sections }, (_, s) =>
          Array.from(sos.coefficients.subarray(6 * s, 6 * s + 6)),
        );
      }),
    });
    RATIOS.forEach((r, i) => {
      const d = getDecimator(r);
      expect(d.sos.sections).toBe(4);
      expect(maxRelativeDifference(d.sos.coefficients, reference.design[i].flat())).toBeLessThan(1e-9);
      expect(maxRelativeDifference(d.steadyState, reference.zi[i].flat())).toBeLessThan(1e-9);
    });
  });

  it('is cached and refuses ratios that are not integers ≥ 2', () => {
    expect(getDecimator(10)).toBe(getDecimator(10));
    expect(() => getDecimator(1)).toThrow(StudioError);
    expect(() => getDecimator(2.5)).toThrow(/integer ≥ 2/);
  });
});

describe('decimateInPlace', () => {
  it('keeps every ratio-th value, starting with the first', () => {
    expect(decimatedLength(125, 10)).toBe(13);
    expect(decimatedLength(120, 3)).toBe(40);
    const data = new Float64Array(125).fill(2);
    expect(decimateInPlace(data, 125, 10, new Float64Array(8))).toBe(13);
  });

  it('starts in steady state: a constant stays constant (times the Chebyshev DC gain)', () => {
    for (const r of RATIOS) {
      const data = new Float64Array(100).fill(3.5);
      const n = decimateInPlace(data, 100, r, new Float64Array(8));
      for (let i = 0; i < n; i++) expect(data[i]).toBeCloseTo(3.5 * CHEBYSHEV_DC_GAIN, 10);
    }
  });

  it('removes a tone above the new Nyquist frequency and keeps one well below it', () => {
    const n = 3000;
    const tone = (cyclesPerSample: number) => {
      const data = Float64Array.from({ length: n }, (_, t) => Math.sin(2 * Math.PI * cyclesPerSample * t));
      const m = decimateInPlace(data, n, 10, new Float64Array(8));
      let peak = 0;
      for (let i = m / 2; i < m; i++) peak = Math.max(peak, Math.abs(data[i]));
      return peak;
    };
    expect(tone(0.2)).toBeLessThan(1e-3);
    expect(tone(0.01)).toBeGreaterThan(0.98);
  });
});
