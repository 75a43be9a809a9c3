import { describe, expect, it } from 'vitest';
import type { WindowShape } from './block';
import { mfeBlock } from './mfe';
import { describeParamNote } from './params';
import { readParamsFile } from './paramsFile';

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

const defaults = mfeBlock.parseParams({});

describe('MFE parameters', () => {
  it('has the Edge Impulse names and defaults', () => {
    expect(defaults).toEqual({
      frame_length: 0.02,
      frame_stride: 0.01,
      num_filters: 40,
      fft_length: 256,
      low_frequency: 0,
      high_frequency: 0,
      noise_floor_db: -52,
    });
  });

  it('accepts win_size, which only implementation versions 1 and 2 read, drops it and says so', () => {
    const json = { win_size: 101, num_filters: 32 };
    expect(mfeBlock.parseParams(json)).toEqual({ ...defaults, num_filters: 32 });
    const notes = (mfeBlock.paramNotes?.(json) ?? []).map(describeParamNote);
    expect(notes).toEqual([
      '"win_size" is ignored: only implementation versions 1 and 2 of the block use it (their sliding mean ' +
        'normalisation); version 4, which the studio runs, scales by the noise floor instead',
    ]);
    const file = readParamsFile('mfe.json', new TextEncoder().encode(JSON.stringify(json)), mfeBlock);
    expect(file.notes).toEqual(notes);
    expect(mfeBlock.paramNotes?.({ num_filters: 32 })).toEqual([]);
  });

  it('rejects unknown keys and bad values', () => {
    expect(() => mfeBlock.parseParams({ num_cepstral: 13 })).toThrow(
      paramsError(/Audio \(MFE\): unknown parameter "num_cepstral"/),
    );
    expect(() => mfeBlock.parseParams({ num_filters: 1 })).toThrow(
      paramsError(/"num_filters" must be an integer ≥ 2/),
    );
    expect(() => mfeBlock.parseParams({ frame_stride: 0 })).toThrow(
      paramsError(/"frame_stride" must be a number > 0/),
    );
    expect(() => mfeBlock.parseParams({ noise_floor_db: 12 })).toThrow(
      paramsError(/"noise_floor_db" must be a number < 12/),
    );
    expect(() => mfeBlock.parseParams({ low_frequency: -1 })).toThrow(paramsError(/"low_frequency"/));
  });
});

describe('MFE layout', () => {
  it('gives 99 × 40 = 3960 features for 1 s at 16 kHz', () => {
    expect(mfeBlock.describe(defaults, audio(1))).toEqual({ featureCount: 3960, shape: [99, 40] });
  });

  it('gives frames × num_filters for other parameter sets', () => {
    const cases: [object, WindowShape, number, number][] = [
      [{ frame_stride: 0.02 }, audio(1), 50, 40],
      [{ num_filters: 32, fft_length: 512, frame_length: 0.032, frame_stride: 0.016 }, audio(1), 61, 32],
      [{ num_filters: 20 }, audio(0.5, 8000), 49, 20],
      [{ frame_length: 0.025, frame_stride: 0.01 }, audio(2, 11025), 197, 40], // L 276, S 111
    ];
    for (const [json, shape, frames, filters] of cases) {
      const p = mfeBlock.parseParams(json);
      const layout = mfeBlock.describe(p, shape);
      expect(layout).toEqual({ featureCount: frames * filters, shape: [frames, filters] });
      expect(mfeBlock.run(p, tone(440, 1000, shape), shape).length).toBe(frames * filters);
    }
  });
});

describe('MFE features', () => {
  const shape = audio(1);

  it('are 8-bit quantised values in [0, 255/256]', () => {
    const out = mfeBlock.run(defaults, tone(1000, 8000, shape), shape);
    for (const v of out) {
      expect(Number.isInteger(v * 256)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(255 / 256);
    }
  });

  it('are all 0 for silence (below the noise floor)', () => {
    expect(mfeBlock.run(defaults, new Float32Array(shape.frames), shape).every((v) => v === 0)).toBe(true);
  });

  it('put a tone in the filter around its frequency', () => {
    const out = mfeBlock.run(defaults, tone(1000, 8000, shape), shape);
    const frame = out.subarray(50 * 40, 51 * 40);
    const loudest = frame.indexOf(Math.max(...frame));
    // Filter i peaks at the mel point i + 1 of 42 spread evenly between 0 and 8000 Hz.
    const melOf = (hz: number) => 1127 * Math.log(1 + hz / 700);
    const expected = Math.round((melOf(1000) / melOf(8000)) * 41) - 1;
    expect(Math.abs(loudest - expected)).toBeLessThanOrEqual(1);
  });

  it('clamp a full-scale cell to 255/256 instead of wrapping it to 0', () => {
    // The Python reference casts round(x·256) to uint8, so x = 1 becomes 256 and wraps to 0; we clamp to 255.
    const out = mfeBlock.run(defaults, tone(4000, 32767, shape), shape);
    const peak = out.subarray(0, 40).indexOf(Math.max(...out.subarray(0, 40)));
    for (let f = 0; f < 99; f++) expect(out[f * 40 + peak], `frame ${f}`).toBe(255 / 256);
  });
});

describe('MFE configuration errors', () => {
  it('expects a single audio axis', () => {
    expect(() => mfeBlock.describe(defaults, { axes: 3, frames: 16000, frequencyHz: 16000 })).toThrow(
      configError(/Audio \(MFE\) expects a single audio axis, but the window has 3 axes/),
    );
  });

  it('names what to change', () => {
    const at =
      (json: object, shape = audio(1)) =>
      () =>
        mfeBlock.describe(mfeBlock.parseParams(json), shape);
    expect(at({ fft_length: 300 })).toThrow(
      configError(/fft_length 300 is not a power of two: use e\.g\. 512/),
    );
    expect(at({ high_frequency: 9000 })).toThrow(
      configError(/high_frequency 9000 Hz is above half the sampling frequency \(8000 Hz/),
    );
    expect(at({ low_frequency: 8000 })).toThrow(
      configError(/low_frequency 8000 Hz must be below high_frequency \(8000 Hz\)/),
    );
    expect(at({ num_filters: 128, fft_length: 128 })).toThrow(
      configError(/num_filters 128 is too many for fft_length 128/),
    );
    expect(at({ frame_stride: 0.001 })).toThrow(configError(/more than 500: raise frame_stride/));
    expect(at({}, audio(0.01))).toThrow(configError(/fewer than one frame/));
    expect(at({}, { axes: 1, frames: 100, frequencyHz: 0 })).toThrow(configError(/sampling frequency 0 Hz/));
  });

  it('refuses a window whose length does not match its shape', () => {
    expect(() => mfeBlock.run(defaults, new Float32Array(100), audio(1))).toThrow(
      configError(/holds 100 values/),
    );
  });
});
