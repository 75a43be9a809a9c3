import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import {
  butterSos,
  butterworthFloat32,
  isStable,
  sosfiltFloat32,
  type FilterType,
  type Sos,
} from './butterworth';
import { butterReference, maxRelativeDifference } from './testUtils/butterReference';

/** |H(e^{iω})| of a cascade of sections, ω in rad/sample. */
function magnitude(sos: Sos, omega: number): number {
  let gain = 1;
  for (let s = 0; s < sos.sections; s++) {
    const [b0, b1, b2, , a1, a2] = sos.coefficients.subarray(6 * s, 6 * s + 6);
    const section = (c0: number, c1: number, c2: number) =>
      Math.hypot(
        c0 + c1 * Math.cos(omega) + c2 * Math.cos(2 * omega),
        c1 * Math.sin(omega) + c2 * Math.sin(2 * omega),
      );
    gain *= section(b0, b1, b2) / section(1, a1, a2);
  }
  return gain;
}

/** Transfer-function polynomials of a cascade (product of the sections' numerators and denominators). */
function transferFunction(sos: Sos): { b: number[]; a: number[] } {
  const multiply = (p: number[], q: number[]) =>
    Array.from({ length: p.length + q.length - 1 }, (_, i) =>
      q.reduce((sum, qj, j) => sum + (i - j >= 0 && i - j < p.length ? p[i - j] * qj : 0), 0),
    );
  let b = [1];
  let a = [1];
  for (let s = 0; s < sos.sections; s++) {
    const row = Array.from(sos.coefficients.subarray(6 * s, 6 * s + 6));
    b = multiply(b, row.slice(0, 3));
    a = multiply(a, row.slice(3));
  }
  return { b, a };
}

function noise(count: number, seed: number): Float32Array {
  const out = new Float32Array(count);
  let s = seed;
  for (let i = 0; i < count; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = (s / 1073741824 - 1) * 10;
  }
  return out;
}

describe('butterSos (SciPy butter(..., output="sos"))', () => {
  it('gives the documented butter(2, 0.5) coefficients, low and high', () => {
    const b0 = 1 / (2 + Math.SQRT2);
    const a2 = (2 - Math.SQRT2) / (2 + Math.SQRT2);
    const low = butterSos(2, 0.5, 'low').coefficients;
    const high = butterSos(2, 0.5, 'high').coefficients;
    const expectRow = (row: Float64Array, b: number[], a: number[]) =>
      [...b, ...a].forEach((v, i) => expect(row[i]).toBeCloseTo(v, 12));
    expectRow(low, [b0, 2 * b0, b0], [1, 0, a2]);
    expectRow(high, [b0, -2 * b0, b0], [1, 0, a2]);
    expect(b0).toBeCloseTo(0.29289322, 8);
    expect(a2).toBeCloseTo(0.17157288, 8);
  });

  it('multiplies out to the well-known butter(4, 0.2) transfer function', () => {
    const { b, a } = transferFunction(butterSos(4, 0.2, 'low'));
    const bRef = [
      0.004824343357716, 0.019297373430865, 0.028946060146297, 0.019297373430865, 0.004824343357716,
    ];
    const aRef = [1, -2.369513007182038, 2.31398841441588, -1.054665405878567, 0.187379492368185];
    expect(maxRelativeDifference(b, bRef)).toBeLessThan(1e-9);
    expect(maxRelativeDifference(a, aRef)).toBeLessThan(1e-9);
  });

  it('matches the numpy reference (scripts/butter_reference.py) within 1e-6 relative, and bit-exactly in float32', () => {
    const cases: { order: number; cutoff: number; fs: number; type: FilterType }[] = [];
    const settings = [
      [3, 62.5],
      [0.5, 62.5],
      [20, 62.5],
      [10, 100],
      [45, 100],
      [1000, 16000],
      [7.3, 50],
    ];
    for (const type of ['low', 'high'] as const)
      for (let order = 1; order <= 8; order++)
        for (const [cutoff, fs] of settings) cases.push({ order, cutoff, fs, type });
    const reference = butterReference({
      design: cases.map((c) => ({
        family: 'butter',
        order: c.order,
        wn: (2 * c.cutoff) / c.fs,
        btype: c.type,
      })),
    });
    let worst = 0;
    let float32Mismatches = 0;
    cases.forEach((c, i) => {
      const ours = butterSos(c.order, (2 * c.cutoff) / c.fs, c.type).coefficients;
      const ref = reference.design[i].flat();
      worst = Math.max(worst, maxRelativeDifference(ours, ref, 1e-12));
      const ours32 = butterworthFloat32(c.type, c.order, c.cutoff, c.fs).coefficients;
      ref.forEach((v, j) => {
        if (Math.fround(v) !== ours32[j]) float32Mismatches++;
      });
    });
    expect(worst).toBeLessThan(1e-6);
    expect(float32Mismatches).toBe(0);
  });

  it('has |H| = 1/√2 at the cut-off, DC gain 1 (low) or 0 (high), and the opposite at Nyquist', () => {
    for (const order of [2, 4, 6, 8])
      for (const wn of [0.05, 0.096, 0.3, 0.7]) {
        const low = butterSos(order, wn, 'low');
        const high = butterSos(order, wn, 'high');
        expect(magnitude(low, Math.PI * wn)).toBeCloseTo(Math.SQRT1_2, 9);
        expect(magnitude(high, Math.PI * wn)).toBeCloseTo(Math.SQRT1_2, 9);
        expect(magnitude(low, 0)).toBeCloseTo(1, 9);
        expect(magnitude(high, 0)).toBeCloseTo(0, 9);
        expect(magnitude(low, Math.PI)).toBeCloseTo(0, 9);
        expect(magnitude(high, Math.PI)).toBeCloseTo(1, 9);
      }
  });

  it('rejects cut-offs at or beyond Nyquist and non-integer orders', () => {
    expect(() => butterSos(4, 1, 'low')).toThrow(StudioError);
    expect(() => butterSos(4, 0, 'low')).toThrow(/between 0 and 1/);
    expect(() => butterworthFloat32('low', 6, 40, 62.5)).toThrow(/below half the sampling frequency/);
    expect(() => butterSos(2.5, 0.3, 'low')).toThrow(/order/);
  });
});

describe('butterworthFloat32', () => {
  it('is cached per (type, order, cutoff, fs) and rounded to float32', () => {
    const a = butterworthFloat32('low', 6, 3, 62.5);
    expect(butterworthFloat32('low', 6, 3, 62.5)).toBe(a);
    expect(butterworthFloat32('high', 6, 3, 62.5)).not.toBe(a);
    for (const v of a.coefficients) expect(Math.fround(v)).toBe(v);
    expect(a.sections).toBe(3);
    expect(isStable(a)).toBe(true);
  });

  it('flags an unstable section', () => {
    expect(isStable({ sections: 1, coefficients: Float64Array.of(1, 0, 0, 1, -2.1, 1.05) })).toBe(false);
  });
});

describe('sosfiltFloat32', () => {
  it('attenuates a sine far in the stop band by at least order × 6 dB and passes one in the pass band', () => {
    const fs = 62.5;
    const cutoff = 3;
    for (const order of [2, 4, 6, 8]) {
      const rms = (type: FilterType, hz: number) => {
        const n = 2000;
        const x = Float32Array.from({ length: n }, (_, t) => Math.sin((2 * Math.PI * hz * t) / fs));
        sosfiltFloat32(butterworthFloat32(type, order, cutoff, fs), x, n, new Float64Array(2 * (order / 2)));
        let sum = 0;
        for (let t = n / 2; t < n; t++) sum += x[t] * x[t];
        return Math.sqrt(sum / (n / 2)) / Math.SQRT1_2;
      };
      expect(20 * Math.log10(rms('low', 4 * cutoff))).toBeLessThan(-6 * order);
      expect(20 * Math.log10(rms('high', cutoff / 4))).toBeLessThan(-6 * order);
      expect(rms('low', cutoff / 4)).toBeCloseTo(1, 2);
      expect(rms('high', 4 * cutoff)).toBeCloseTo(1, 2);
    }
  });

  it('is bit-exact with float32 sosfilt in numpy (scripts/butter_reference.py)', () => {
    const filters = [
      butterworthFloat32('low', 6, 3, 62.5),
      butterworthFloat32('high', 4, 1.5, 62.5),
      butterworthFloat32('low', 8, 20, 100),
      butterworthFloat32('low', 3, 300, 16000),
    ];
    const signals = filters.map((_, i) => noise(300, i + 7));
    const reference = butterReference({
      sosfilt32: filters.map((f, i) => ({
        sos: Array.from({ length: f.sections }, (_, s) =>
          Array.from(f.coefficients.subarray(6 * s, 6 * s + 6)),
        ),
        x: Array.from(signals[i]),
      })),
    });
    filters.forEach((f, i) => {
      const y = Float32Array.from(signals[i]);
      sosfiltFloat32(f, y, y.length, new Float64Array(2 * f.sections));
      expect(Array.from(y)).toEqual(reference.sosfilt32[i]);
    });
  });

  it('filters only the first `length` values, from zero state each call', () => {
    const sos = butterworthFloat32('low', 2, 3, 62.5);
    const state = new Float64Array(2);
    const a = Float32Array.of(1, 2, 3, 4, 99);
    sosfiltFloat32(sos, a, 4, state);
    const b = Float32Array.of(1, 2, 3, 4);
    sosfiltFloat32(sos, b, 4, state);
    expect(Array.from(a.subarray(0, 4))).toEqual(Array.from(b));
    expect(a[4]).toBe(99);
  });
});
