import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { spectralAnalyses, spectralBlock } from './spectral';
import { WAVELET_FEATURES } from './waveletFeatures';

const GESTURE = { axes: 3, frames: 125, frequencyHz: 62.5 };
const wavelet = (json: Record<string, unknown> = {}) =>
  spectralBlock.parseParams({ 'analysis-type': 'Wavelet', ...json });

function motion(frames: number, axes: number): Float32Array {
  return Float32Array.from({ length: frames * axes }, (_, i) => {
    const t = Math.floor(i / axes) / 62.5;
    const a = i % axes;
    return (
      Math.sin(2 * Math.PI * (1.5 + a) * t) + 0.3 * Math.sin(2 * Math.PI * 11 * t + a) + (a === 2 ? 9.81 : 0)
    );
  });
}

function configError(f: () => unknown): StudioError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(StudioError);
    expect((e as StudioError).code).toBe('dsp-config');
    return e as StudioError;
  }
  throw new Error('expected a dsp-config error');
}

describe('spectral block, Wavelet analysis', () => {
  it("has the reference's defaults: db4, level 1", () => {
    const p = wavelet();
    expect([p.wavelet, p['wavelet-level']]).toEqual(['db4', 1]);
  });

  it('gives 14 features per sub-band, level + 1 sub-bands, for every axis', () => {
    expect(spectralBlock.describe(wavelet(), GESTURE)).toEqual({ featureCount: 84, shape: [84] });
    const long = { axes: 3, frames: 1000, frequencyHz: 100 };
    for (const level of [0, 1, 2, 3, 4])
      expect(spectralBlock.describe(wavelet({ 'wavelet-level': level }), long).featureCount).toBe(
        3 * WAVELET_FEATURES.length * (level + 1),
      );
    const out = spectralBlock.run(wavelet({ 'wavelet-level': 0 }), motion(125, 3), GESTURE);
    expect(out).toHaveLength(42);
    expect(out.every(Number.isFinite)).toBe(true);
  });

  it('asks for a window of at least 32·2^level samples, naming the milliseconds', () => {
    const e = configError(() => spectralBlock.describe(wavelet({ 'wavelet-level': 2 }), GESTURE));
    expect(e.message).toMatch(
      /wavelet-level 2 needs at least 128 samples per axis.*has 125.*at least 2048 ms/,
    );
    // After decimation by 3, 1000 frames at 100 Hz leave 334 samples at 33.3 Hz.
    const decimated = () =>
      spectralBlock.describe(wavelet({ 'wavelet-level': 4, 'input-decimation-ratio': 3 }), {
        axes: 1,
        frames: 1000,
        frequencyHz: 100,
      });
    expect(configError(decimated).message).toMatch(
      /512 samples .*after input decimation, the window has 334.*15360 ms/,
    );
  });

  it('filters, scales and decimates before the decomposition, as in FFT mode', () => {
    const window = motion(1000, 3);
    const shape = { axes: 3, frames: 1000, frequencyHz: 62.5 };
    const run = (json: Record<string, unknown>) =>
      spectralBlock.run(wavelet({ 'wavelet-level': 2, ...json }), window, shape);
    const plain = run({});
    expect(run({ 'filter-type': 'low', 'filter-cutoff': 3 })).not.toEqual(plain);
    expect(run({ 'scale-axes': 2 })).not.toEqual(plain);
    const decimated = run({ 'input-decimation-ratio': 3 });
    expect(decimated).toHaveLength(plain.length);
    expect(decimated).not.toEqual(plain);
  });

  it('is not changed by the FFT parameters, nor FFT analysis by the wavelet ones', () => {
    const window = motion(125, 3);
    const a = spectralBlock.run(wavelet({ 'fft-length': 16, 'do-log': true }), window, GESTURE);
    const b = spectralBlock.run(
      wavelet({ 'fft-length': 256, 'do-log': false, 'extra-low-freq': true }),
      window,
      GESTURE,
    );
    expect(b).toEqual(a);
    const fft = (json: Record<string, unknown>) =>
      spectralBlock.run(spectralBlock.parseParams(json), window, GESTURE);
    expect(fft({ wavelet: 'haar', 'wavelet-level': 5 })).toEqual(fft({}));
    expect(spectralBlock.run(wavelet({ wavelet: 'sym8' }), window, GESTURE)).not.toEqual(a);
  });

  it('has no FFT bins to name in Wavelet mode', () => {
    expect(configError(() => spectralAnalyses(wavelet(), GESTURE)).message).toMatch(
      /Wavelet analysis has no FFT bins/,
    );
  });

  it('refuses an unknown wavelet or a negative level, saying what is allowed', () => {
    expect(() => wavelet({ wavelet: 'db20' })).toThrow(
      /"wavelet" must be one of "bior1.3", .*"sym10", not "db20"/,
    );
    expect(() => wavelet({ 'wavelet-level': -1 })).toThrow(/"wavelet-level" must be an integer ≥ 0, not -1/);
    expect(() => wavelet({ 'wavelet-level': 1.5 })).toThrow(/"wavelet-level"/);
  });
});

describe('spectral block parameter notes', () => {
  const notes = (json: Record<string, unknown>) => spectralBlock.paramNotes?.(json) ?? [];

  it('says which parameters the chosen analysis type does not use', () => {
    expect(notes({ 'analysis-type': 'Wavelet', 'fft-length': 64, wavelet: 'db2' })).toEqual([
      { key: 'fft-length', kind: 'unused', reason: 'used by FFT analysis only' },
    ]);
    expect(notes({ 'analysis-type': 'FFT', 'wavelet-level': 2 })).toEqual([
      { key: 'wavelet-level', kind: 'unused', reason: 'used by Wavelet analysis only' },
    ]);
    // FFT is the default analysis.
    expect(notes({ wavelet: 'haar' }).map((n) => n.key)).toEqual(['wavelet']);
    expect(notes({ 'filter-cutoff': 5 })).toEqual([
      { key: 'filter-cutoff', kind: 'unused', reason: 'used only by a low- or high-pass filter' },
    ]);
  });

  it('notes version-1 keys as ignored and underscore spellings as read under their parameters.json name', () => {
    expect(notes({ 'spectral-peaks-count': 3, fft_length: 64 })).toEqual([
      {
        key: 'spectral-peaks-count',
        kind: 'ignored',
        reason:
          'read only by implementation version 1 (spectral peaks and power edges); version 4 ignores it',
      },
      {
        key: 'fft_length',
        kind: 'alias',
        reason: 'another spelling of "fft-length"',
        storedAs: 'fft-length',
      },
    ]);
    expect(notes({ analysis_type: 'Wavelet', do_log: false }).map((n) => [n.key, n.kind])).toEqual([
      ['analysis_type', 'alias'],
      ['do_log', 'alias'],
      ['do_log', 'unused'],
    ]);
  });
});
