import { describe, expect, it } from 'vitest';
import type { WindowShape } from './block';
import { mfccBlock } from './mfcc';

const configError = (pattern: RegExp) =>
  expect.objectContaining({ code: 'dsp-config', message: expect.stringMatching(pattern) });
const paramsError = (pattern: RegExp) =>
  expect.objectContaining({ code: 'dsp-params', message: expect.stringMatching(pattern) });

const audio = (seconds: number, fs = 16000): WindowShape => ({
  axes: 1,
  frames: Math.round(seconds * fs),
  frequencyHz: fs,
});

function chirp(shape: WindowShape): Float32Array {
  return Float32Array.from({ length: shape.frames }, (_, i) => {
    const t = i / shape.frequencyHz;
    return Math.round(10000 * Math.sin(2 * Math.PI * (100 * t + 1500 * t * t)));
  });
}

const defaults = mfccBlock.parseParams({});

describe('MFCC parameters', () => {
  it('has the Edge Impulse names and defaults', () => {
    expect(defaults).toEqual({
      num_cepstral: 13,
      frame_length: 0.02,
      frame_stride: 0.02,
      num_filters: 32,
      fft_length: 256,
      win_size: 101,
      low_frequency: 0,
      high_frequency: 0,
      pre_cof: 0.98,
      pre_shift: 1,
    });
  });

  it('rejects unknown keys and bad values', () => {
    expect(() => mfccBlock.parseParams({ noise_floor_db: -52 })).toThrow(
      paramsError(/Audio \(MFCC\): unknown parameter "noise_floor_db"/),
    );
    expect(() => mfccBlock.parseParams({ win_size: 100 })).toThrow(
      paramsError(/"win_size" must be an odd integer ≥ 1/),
    );
    expect(() => mfccBlock.parseParams({ pre_shift: 0 })).toThrow(
      paramsError(/"pre_shift" must be an integer ≥ 1/),
    );
    expect(() => mfccBlock.parseParams({ num_cepstral: 0 })).toThrow(paramsError(/"num_cepstral"/));
    expect(() => mfccBlock.parseParams({ pre_cof: 'x' })).toThrow(paramsError(/"pre_cof" must be a number/));
  });
});

describe('MFCC layout', () => {
  it('gives 50 × 13 = 650 features for 1 s at 16 kHz', () => {
    expect(mfccBlock.describe(defaults, audio(1))).toEqual({ featureCount: 650, shape: [50, 13] });
  });

  it('gives frames × num_cepstral for other parameter sets', () => {
    const cases: [object, WindowShape, number, number][] = [
      [{ frame_stride: 0.01 }, audio(1), 99, 13],
      [
        { num_cepstral: 20, num_filters: 40, fft_length: 512, frame_length: 0.025, frame_stride: 0.01 },
        audio(1),
        98,
        20,
      ],
      [{ num_cepstral: 8 }, audio(0.5, 8000), 25, 8],
      [
        { frame_length: 0.025, frame_stride: 0.0125, fft_length: 1024, win_size: 11 },
        audio(1.5, 44100),
        118,
        13,
      ], // L 1103, S 552
    ];
    for (const [json, shape, frames, keep] of cases) {
      const p = mfccBlock.parseParams(json);
      expect(mfccBlock.describe(p, shape)).toEqual({ featureCount: frames * keep, shape: [frames, keep] });
      expect(mfccBlock.run(p, chirp(shape), shape).length).toBe(frames * keep);
    }
  });
});

describe('MFCC features', () => {
  const shape = audio(1);

  it('do not change with the gain: a gain adds the same log offset to every frame, and normalisation removes it', () => {
    const signal = chirp(shape);
    const out = mfccBlock.run(defaults, signal, shape);
    const quieter = mfccBlock.run(
      defaults,
      signal.map((v) => v / 8),
      shape,
    );
    expect(out.every(Number.isFinite)).toBe(true);
    expect(Math.max(...out.map(Math.abs))).toBeGreaterThan(0.5);
    for (let i = 0; i < out.length; i++) expect(quieter[i]).toBeCloseTo(out[i], 4);
  });

  it('stay finite and near 0 for silence (every energy 1e-10)', () => {
    const out = mfccBlock.run(defaults, new Float32Array(shape.frames), shape);
    for (const v of out) expect(Math.abs(v)).toBeLessThan(1e-3);
  });
});

describe('MFCC configuration errors', () => {
  it('expects a single audio axis', () => {
    expect(() => mfccBlock.describe(defaults, { axes: 2, frames: 16000, frequencyHz: 16000 })).toThrow(
      configError(/Audio \(MFCC\) expects a single audio axis, but the window has 2 axes/),
    );
  });

  it('names what to change', () => {
    const at =
      (json: object, shape = audio(1)) =>
      () =>
        mfccBlock.describe(mfccBlock.parseParams(json), shape);
    expect(at({ num_cepstral: 40 })).toThrow(
      configError(/num_cepstral 40 is more than num_filters 32.*Lower num_cepstral or raise num_filters/),
    );
    expect(at({ fft_length: 100 })).toThrow(
      configError(/fft_length 100 is not a power of two: use e\.g\. 128/),
    );
    expect(at({ high_frequency: 8001 })).toThrow(configError(/high_frequency 8001 Hz is above/));
    expect(at({ low_frequency: 5000, high_frequency: 4000 })).toThrow(
      configError(/low_frequency 5000 Hz must be below/),
    );
    expect(at({ num_filters: 100, fft_length: 128 })).toThrow(configError(/num_filters 100 is too many/));
    expect(at({ frame_stride: 0.0001 })).toThrow(configError(/more than 500/));
    expect(at({}, audio(0.015))).toThrow(configError(/fewer than one frame/));
  });
});
