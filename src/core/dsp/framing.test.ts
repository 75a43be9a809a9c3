import { describe, expect, it } from 'vitest';
import { frameLayout, MAX_FRAMES, samplesIn } from './framing';

const configError = (pattern: RegExp) =>
  expect.objectContaining({ code: 'dsp-config', message: expect.stringMatching(pattern) });

describe('samplesIn', () => {
  it('rounds up, except a product within 0.001 above an integer, which is floored', () => {
    expect(samplesIn(0.02, 16000)).toBe(320);
    expect(samplesIn(0.02, 11025)).toBe(221); // 220.5
    expect(samplesIn(0.018, 1000)).toBe(18); // 18.000000000000004
    expect(samplesIn(0.0180005, 1000)).toBe(18); // 18.0005: float noise, floored
    expect(samplesIn(0.01802, 1000)).toBe(19); // 18.02
    expect(samplesIn(0.0179999, 1000)).toBe(18); // 17.9999: ceil
  });
});

describe('frameLayout', () => {
  it('counts floor((N − L) / S) + 1 frames', () => {
    expect(frameLayout('T', 16000, 16000, 0.02, 0.01)).toEqual({ length: 320, stride: 160, count: 99 });
    expect(frameLayout('T', 16000, 16000, 0.02, 0.02)).toEqual({ length: 320, stride: 320, count: 50 });
    expect(frameLayout('T', 16000, 320, 0.02, 0.01)).toEqual({ length: 320, stride: 160, count: 1 });
    expect(frameLayout('T', 8000, 8000, 0.025, 0.01)).toEqual({ length: 200, stride: 80, count: 98 });
    expect(frameLayout('T', 11025, 8269, 0.02, 0.01).count).toBe(Math.floor((8269 - 221) / 111) + 1);
  });

  it('refuses a window shorter than one frame', () => {
    expect(() => frameLayout('MFE', 16000, 300, 0.02, 0.01)).toThrow(
      configError(/MFE: the window has 300 samples, fewer than one frame of 320.*shorten frame_length/),
    );
  });

  it(`refuses more than ${MAX_FRAMES} frames and names a stride that works`, () => {
    const tooMany = () => frameLayout('MFE', 16000, 16000, 0.02, 0.001);
    expect(tooMany).toThrow(
      configError(/gives 981 frames.*more than 500: raise frame_stride to at least 0\.002 s \(32 samples\)/),
    );
    expect(frameLayout('MFE', 16000, 16000, 0.02, 32 / 16000).count).toBeLessThanOrEqual(MAX_FRAMES);
    expect(() => frameLayout('MFE', 16000, 16000, 0.02, 31 / 16000)).toThrow(configError(/more than 500/));
    expect(frameLayout('MFE', 16000, 320 + 499 * 16 + 15, 0.02, 0.001).count).toBe(500);
  });

  it('refuses frames or strides shorter than the minimum', () => {
    expect(() => frameLayout('Spectrogram', 100, 1000, 0.02, 0.05, 4)).toThrow(
      configError(
        /frame_length 0\.02 s is 2 samples at 100 Hz, less than 4 samples: raise frame_length to at least 0\.04 s/,
      ),
    );
    expect(() => frameLayout('Spectrogram', 100, 1000, 0.05, 0.02, 4)).toThrow(
      configError(/frame_stride 0\.02 s/),
    );
    expect(() => frameLayout('MFE', 16000, 16000, 0.00000005, 0.01)).toThrow(
      configError(/0 samples .* less than sample/),
    );
  });
});
