import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { spectralBlock, type SpectralParams } from './spectral';
import { butterReference } from './testUtils/butterReference';

const GESTURE = { axes: 3, frames: 125, frequencyHz: 62.5 };

function params(json: Record<string, unknown> = {}): SpectralParams {
  return spectralBlock.parseParams(json);
}

/** Interleaved 3-axis motion: a slow sway, a faster shake and noise, like an accelerometer. */
function motion(frames: number, fs: number, axes = 3, seed = 1): Float32Array {
  const out = new Float32Array(frames * axes);
  let s = seed;
  for (let i = 0; i < frames; i++) {
    const t = i / fs;
    for (let a = 0; a < axes; a++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      out[i * axes + a] =
        (a + 1) * Math.sin(2 * Math.PI * (1.3 + a) * t) +
        0.7 * Math.sin(2 * Math.PI * 9.5 * t + a) +
        (s / 2147483648 - 0.5) +
        9.81 * (a === 2 ? 1 : 0);
    }
  }
  return out;
}

function expectClose(ours: Float32Array, reference: number[], label: string): number {
  expect(ours.length, label).toBe(reference.length);
  let worst = 0;
  reference.forEach((r, i) => {
    const diff = Math.abs(ours[i] - r) / Math.max(1, Math.abs(r));
    worst = Math.max(worst, diff);
    expect(diff, `${label}: feature ${i} is ${ours[i]}, reference ${r}`).toBeLessThan(1e-5);
  });
  return worst;
}

describe('spectralBlock parameters', () => {
  it('has the defaults of Edge Impulse implementation version 4', () => {
    expect(params()).toEqual({
      'scale-axes': 1,
      'input-decimation-ratio': 1,
      'filter-type': 'none',
      'filter-cutoff': 3,
      'filter-order': 6,
      'analysis-type': 'FFT',
      'fft-length': 16,
      'do-log': true,
      'do-fft-overlap': true,
      'wavelet-level': 1,
      wavelet: 'db4',
      'extra-low-freq': false,
    });
  });

  it('accepts values as saved impulses store them (strings for selects and numbers)', () => {
    const p = params({
      'input-decimation-ratio': '10',
      'fft-length': '64',
      'do-log': 'false',
      'filter-type': 'high',
    });
    expect(p['input-decimation-ratio']).toBe(10);
    expect(p['fft-length']).toBe(64);
    expect(p['do-log']).toBe(false);
  });

  it('names the parameter and what is allowed when a value is wrong or unknown', () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ 'filter-order': 5 }, /"filter-order" must be an even integer from 2 to 8/],
      [{ 'filter-order': 10 }, /"filter-order"/],
      [{ 'fft-length': 100 }, /"fft-length" must be a power of two/],
      [{ 'input-decimation-ratio': 4 }, /"input-decimation-ratio" must be one of 1, 3, 10, 30, 100, 1000/],
      [{ 'analysis-type': 'wavelet' }, /"analysis-type" must be one of "FFT", "Wavelet"/],
      [{ 'filter-type': 'band' }, /"filter-type" must be one of "none", "low", "high"/],
      [{ 'filter-cutoff': 0 }, /"filter-cutoff" must be a number > 0/],
      [{ 'spectral-peak-count': 3 }, /unknown parameter "spectral-peak-count"/],
    ];
    for (const [json, message] of bad) {
      expect(() => params(json)).toThrow(message);
      try {
        params(json);
      } catch (e) {
        expect((e as StudioError).code).toBe('dsp-params');
      }
    }
  });
});

describe('spectralBlock.describe', () => {
  it('gives 33 features for the gesture impulse (62.5 Hz, FFT 128, low-pass 3 Hz, 3 axes)', () => {
    const p = params({ 'filter-type': 'low', 'filter-cutoff': 3, 'fft-length': 128 });
    expect(spectralBlock.describe(p, GESTURE)).toEqual({ featureCount: 33, shape: [33] });
    expect(spectralBlock.run(p, motion(125, 62.5), GESTURE)).toHaveLength(33);
  });

  it('keeps bins 1…n/2 without a filter and the bins above the cut-off for a high-pass', () => {
    expect(spectralBlock.describe(params(), GESTURE).featureCount).toBe(3 * (5 + 8));
    const high = params({ 'filter-type': 'high', 'filter-cutoff': 3, 'fft-length': 128 });
    // int(3·128/62.5 − 0.5) + 1 = 6 → bins 6…64
    expect(spectralBlock.describe(high, GESTURE).featureCount).toBe(3 * (5 + 59));
  });

  it('adds the extra-low-frequency features per axis', () => {
    const p = params({ 'extra-low-freq': true, 'fft-length': 16 });
    const window = { axes: 2, frames: 500, frequencyHz: 100 };
    expect(spectralBlock.describe(p, window).featureCount).toBe(2 * (5 + 8) * 2);
  });

  it('explains configurations that cannot work, with dsp-config errors', () => {
    const cases: [Record<string, unknown>, { axes: number; frames: number; frequencyHz: number }, RegExp][] =
      [
        [
          { 'filter-type': 'low', 'filter-cutoff': 40 },
          GESTURE,
          /filter-cutoff 40 Hz is at or above the Nyquist frequency \(31.25 Hz/,
        ],
        [{ 'filter-type': 'low', 'filter-cutoff': 0.1, 'fft-length': 16 }, GESTURE, /masks every FFT bin/],
        [{ 'filter-type': 'low', 'input-decimation-ratio': 10 }, GESTURE, /lower the decimation ratio/],
        [{ 'extra-low-freq': true, 'fft-length': 128 }, GESTURE, /extra-low-freq needs at least 640 samples/],
        [
          { 'fft-length': 16 },
          { axes: 1, frames: 16000, frequencyHz: 16000 },
          /more than 500: raise fft-length/,
        ],
        [{}, { axes: 3, frames: 0, frequencyHz: 62.5 }, /at least one frame/],
      ];
    for (const [json, window, message] of cases) {
      const p = params(json);
      expect(() => spectralBlock.describe(p, window)).toThrow(message);
      try {
        spectralBlock.describe(p, window);
      } catch (e) {
        expect((e as StudioError).code).toBe('dsp-config');
      }
    }
  });
});

describe('spectralBlock.run', () => {
  it('finds a sine in its bin and gives the statistics of a sine', () => {
    const fs = 100;
    const frames = 256;
    const p = params({ 'fft-length': 64, 'do-log': false });
    const window = Float32Array.from(
      { length: frames },
      (_, i) => 3 + 2 * Math.sin((2 * Math.PI * 12.5 * i) / fs),
    );
    const f = spectralBlock.run(p, window, { axes: 1, frames, frequencyHz: fs });
    expect(f[0]).toBeCloseTo(2 / Math.SQRT2, 4);
    expect(f[1]).toBeCloseTo(0, 4);
    expect(f[2]).toBeCloseTo(-1.5, 3);
    const spectrum = Array.from(f.subarray(5));
    const peak = spectrum.indexOf(Math.max(...spectrum)) + 1;
    expect(peak).toBe((12.5 * 64) / fs);
    // |X| = amplitude · n/2 = 64 for a whole number of periods; power |X|²/n = 64
    expect(spectrum[peak - 1]).toBeCloseTo(64, 3);
  });

  it('gives 0 skewness and −3 kurtosis, and log10(1e-10) bins, for a constant axis', () => {
    // 2.5 sums exactly in float32, so the mean removes it exactly (9.81 would leave ±1 ulp, as numpy does).
    const f = spectralBlock.run(params(), new Float32Array(125 * 3).fill(2.5), GESTURE);
    expect(Array.from(f.subarray(0, 5))).toEqual([0, 0, -3, 0, -3]);
    for (const v of f.subarray(5, 13)) expect(v).toBe(-10);
  });

  it('refuses a window of the wrong size', () => {
    expect(() => spectralBlock.run(params(), new Float32Array(10), GESTURE)).toThrow(
      /not 125 frames × 3 axes/,
    );
  });

  it('matches the numpy reference pipeline (scripts/butter_reference.py) on realistic motion data', () => {
    const cases: { json: Partial<SpectralParams>; frames: number; fs: number; axes: number }[] = [
      { json: {}, frames: 125, fs: 62.5, axes: 3 },
      {
        json: { 'filter-type': 'low', 'filter-cutoff': 3, 'fft-length': 128 },
        frames: 125,
        fs: 62.5,
        axes: 3,
      },
      {
        json: {
          'filter-type': 'high',
          'filter-cutoff': 5,
          'filter-order': 4,
          'fft-length': 64,
          'do-log': false,
          'do-fft-overlap': false,
        },
        frames: 200,
        fs: 100,
        axes: 3,
      },
      {
        json: {
          'filter-type': 'low',
          'filter-cutoff': 10,
          'filter-order': 8,
          'fft-length': 32,
          'scale-axes': 0.25,
        },
        frames: 300,
        fs: 100,
        axes: 2,
      },
      {
        json: { 'filter-type': 'low', 'filter-cutoff': 4, 'input-decimation-ratio': 3, 'fft-length': 32 },
        frames: 300,
        fs: 100,
        axes: 3,
      },
      { json: { 'input-decimation-ratio': 30, 'fft-length': 16 }, frames: 3000, fs: 1000, axes: 1 },
      { json: { 'extra-low-freq': true, 'fft-length': 16 }, frames: 400, fs: 100, axes: 3 },
      {
        json: { 'extra-low-freq': true, 'filter-type': 'low', 'filter-cutoff': 8, 'fft-length': 16 },
        frames: 400,
        fs: 100,
        axes: 3,
      },
    ];
    const windows = cases.map((c, i) => motion(c.frames, c.fs, c.axes, i + 11));
    const reference = butterReference({
      spectral: cases.map((c, i) => ({
        values: Array.from(windows[i]),
        axes: c.axes,
        fs: c.fs,
        params: params(c.json),
      })),
    });
    cases.forEach((c, i) => {
      const ours = spectralBlock.run(params(c.json), windows[i], {
        axes: c.axes,
        frames: c.frames,
        frequencyHz: c.fs,
      });
      expectClose(ours, reference.spectral[i], JSON.stringify(c.json));
    });
  });
});
