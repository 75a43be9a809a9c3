import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { resampledLength, resampleSample, resampleToFloat32, sameRate } from './resample';

describe('resampledLength', () => {
  it("is ceil(frames · to / from) as Edge Impulse's calc_resampled_size, unchanged at equal rates", () => {
    expect(resampledLength(100, 100, 62.5)).toBe(63);
    expect(resampledLength(125, 62.5, 100)).toBe(200);
    expect(resampledLength(16000, 44100, 16000)).toBe(5805);
    expect(resampledLength(125, 62.5, 62.5)).toBe(125);
    expect(resampledLength(125, 62.5001, 62.5)).toBe(125);
    expect(resampledLength(0, 100, 50)).toBe(0);
    expect(sameRate(62.49, 62.5)).toBe(false);
  });
});

describe('resampleSample (sensor data, linear)', () => {
  it('interpolates each axis linearly and holds the last frame', () => {
    const values = Float32Array.of(0, 10, 1, 20, 2, 30);
    const out = resampleSample(values, 2, 50, 100);
    expect(out).toBeInstanceOf(Float32Array);
    expect(Array.from(out)).toEqual([0, 10, 0.5, 15, 1, 20, 1.5, 25, 2, 30, 2, 30]);
  });

  it('downsamples by picking the positions j · from / to', () => {
    const values = Float32Array.from({ length: 10 }, (_, i) => i);
    expect(Array.from(resampleSample(values, 1, 100, 40))).toEqual([0, 2.5, 5, 7.5]);
  });

  it('copies at equal rates and refuses non-positive rates', () => {
    const values = Float32Array.of(1, 2, 3);
    const out = resampleSample(values, 1, 62.5, 62.5);
    expect(Array.from(out)).toEqual([1, 2, 3]);
    expect(out).not.toBe(values);
    expect(() => resampleSample(values, 1, 0, 62.5)).toThrow(StudioError);
    expect(() => resampleSample(values, 1, 100, -1)).toThrow(/target frequency -1 Hz/);
  });
});

describe('resampleSample (audio, band-limited)', () => {
  const tone = (hz: number, rate: number, seconds: number, amplitude = 10000) =>
    Int16Array.from({ length: Math.round(rate * seconds) }, (_, i) =>
      Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / rate)),
    );

  function amplitudeAt(values: Float32Array, hz: number, rate: number): number {
    // Correlation with a sine and a cosine over the middle half (away from the edges).
    let s = 0;
    let c = 0;
    const from = Math.floor(values.length / 4);
    const to = Math.floor((3 * values.length) / 4);
    for (let i = from; i < to; i++) {
      s += values[i] * Math.sin((2 * Math.PI * hz * i) / rate);
      c += values[i] * Math.cos((2 * Math.PI * hz * i) / rate);
    }
    return (2 * Math.hypot(s, c)) / (to - from);
  }

  it('keeps a tone in the pass band, 44.1 kHz → 16 kHz, as int16', () => {
    const out = resampleSample(tone(1000, 44100, 0.5), 1, 44100, 16000);
    expect(out).toBeInstanceOf(Int16Array);
    expect(out.length).toBe(8000);
    expect(amplitudeAt(Float32Array.from(out), 1000, 16000)).toBeCloseTo(10000, -1);
  });

  it('removes a tone above the new Nyquist frequency instead of aliasing it', () => {
    const out = resampleToFloat32(tone(12000, 48000, 0.25), 1, 48000, 16000);
    // 12 kHz would alias to 4 kHz at 16 kHz.
    expect(amplitudeAt(out, 4000, 16000)).toBeLessThan(10);
  });

  it('upsamples a tone without changing it', () => {
    const out = resampleToFloat32(tone(440, 8000, 0.5), 1, 8000, 16000);
    expect(out.length).toBe(8000);
    expect(amplitudeAt(out, 440, 16000)).toBeCloseTo(10000, -1);
  });
});
