import { describe, expect, it } from 'vitest';
import type { WindowShape } from './block';
import { spectrogramBlock } from './spectrogram';

const configError = (pattern: RegExp) =>
  expect.objectContaining({ code: 'dsp-config', message: expect.stringMatching(pattern) });
const paramsError = (pattern: RegExp) =>
  expect.objectContaining({ code: 'dsp-params', message: expect.stringMatching(pattern) });

const audio = (seconds: number, fs = 16000): WindowShape => ({
  axes: 1,
  frames: Math.round(seconds * fs),
  frequencyHz: fs,
});

function tone(hz: number, amplitude: number, shape: WindowShape): Float32Array {
  return Float32Array.from({ length: shape.frames }, (_, i) =>
    Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / shape.frequencyHz)),
  );
}

const defaults = spectrogramBlock.parseParams({});

describe('Spectrogram parameters', () => {
  it('has the Edge Impulse names and defaults', () => {
    expect(defaults).toEqual({
      frame_length: 0.02,
      frame_stride: 0.01,
      fft_length: 128,
      noise_floor_db: -52,
    });
  });

  it('rejects unknown keys and bad values', () => {
    expect(() => spectrogramBlock.parseParams({ num_filters: 40 })).toThrow(
      paramsError(/Spectrogram: unknown parameter "num_filters"/),
    );
    expect(() => spectrogramBlock.parseParams({ fft_length: 64.5 })).toThrow(
      paramsError(/"fft_length" must be an integer/),
    );
  });
});

describe('Spectrogram layout', () => {
  it('gives frames × (nFFT/2 + 1) features', () => {
    const cases: [object, WindowShape, number, number][] = [
      [{}, audio(1), 99, 65],
      [{ fft_length: 256 }, audio(1), 99, 129],
      [{ frame_length: 0.032, frame_stride: 0.016, fft_length: 512 }, audio(1), 61, 257],
      [{ frame_length: 0.5, frame_stride: 0.25 }, audio(2, 100), 7, 65], // 50-sample frames at 100 Hz
    ];
    for (const [json, shape, frames, bins] of cases) {
      const p = spectrogramBlock.parseParams(json);
      expect(spectrogramBlock.describe(p, shape)).toEqual({
        featureCount: frames * bins,
        shape: [frames, bins],
      });
      expect(spectrogramBlock.run(p, tone(10, 1000, shape), shape).length).toBe(frames * bins);
    }
  });
});

describe('Spectrogram features', () => {
  const shape = audio(1);

  it('put an on-bin tone in its bin, louder than 1 (no upper clip in version 4)', () => {
    const out = spectrogramBlock.run(defaults, tone(2000, 10000, shape), shape); // bin 2000 / 125 = 16
    const frame = Array.from(out.subarray(10 * 65, 11 * 65));
    expect(frame.indexOf(Math.max(...frame))).toBe(16);
    expect(frame[16]).toBeGreaterThan(1);
  });

  it('scale raw values: (10·log10(|X|²/nFFT) + 52) / 64, clipped below at 0', () => {
    // A constant c over a 320-sample frame cut to 128: DC power (128·c)²/128 = 128·c².
    const out = spectrogramBlock.run(defaults, new Float32Array(shape.frames).fill(100), shape);
    expect(out[0]).toBeCloseTo((10 * Math.log10(128 * 100 * 100) + 52) / 64, 5);
    for (let k = 1; k < 65; k++) expect(out[k]).toBe(0);
  });
});

describe('Spectrogram configuration errors', () => {
  const at =
    (json: object, shape = audio(1)) =>
    () =>
      spectrogramBlock.describe(spectrogramBlock.parseParams(json), shape);

  it('expects a single audio axis', () => {
    expect(at({}, { axes: 3, frames: 100, frequencyHz: 100 })).toThrow(
      configError(/Spectrogram expects a single audio axis/),
    );
  });

  it('needs frames and strides of at least 4 samples', () => {
    expect(at({ frame_length: 0.02 }, audio(2, 100))).toThrow(
      configError(/frame_length 0\.02 s is 2 samples at 100 Hz, less than 4 samples/),
    );
    expect(at({ frame_length: 0.1, frame_stride: 0.03 }, audio(2, 100))).toThrow(
      configError(/frame_stride 0\.03 s is 3 samples/),
    );
  });

  it('names what to change', () => {
    expect(at({ fft_length: 100 })).toThrow(configError(/fft_length 100 is not a power of two/));
    expect(at({ frame_stride: 0.0005 })).toThrow(configError(/more than 500: raise frame_stride/));
  });
});
