import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import { augmentMotionWindow, augmentSpectrogramFeatures } from './augment';

const AXES = 3;
const SAMPLES = 2000;
// Axis a: a slowly growing sine of amplitude a + 1 around an offset 2a (no repeats within the window).
const motion = Float32Array.from({ length: SAMPLES * AXES }, (_, i) => {
  const s = Math.floor(i / AXES);
  const a = i % AXES;
  return 2 * a + (a + 1) * Math.sin(s / 10) * (1 + s / SAMPLES);
});

function axis(window: Float32Array, a: number): number[] {
  return Array.from({ length: window.length / AXES }, (_, s) => window[s * AXES + a]);
}

function std(values: number[]): number {
  const mean = values.reduce((x, y) => x + y, 0) / values.length;
  return Math.sqrt(values.reduce((x, y) => x + (y - mean) ** 2, 0) / values.length);
}

/** The time offset that turns `original` into `shifted` (edges repeated), or undefined. */
function findOffset(original: Float32Array, shifted: Float32Array, max: number): number | undefined {
  const samples = original.length / AXES;
  for (let offset = -max; offset <= max; offset++) {
    let same = true;
    for (let s = 0; s < samples && same; s++) {
      const from = Math.min(samples - 1, Math.max(0, s - offset));
      for (let a = 0; a < AXES; a++) same &&= shifted[s * AXES + a] === original[from * AXES + a];
    }
    if (same) return offset;
  }
  return undefined;
}

describe('augmentMotionWindow', () => {
  const all = { noise: 0.05, scale: 0.1, shift: 0.1 };

  it('returns a new window of the same length, deterministically by seed', () => {
    const a = augmentMotionWindow(motion, AXES, seededRandom(1), all);
    expect(a).toHaveLength(motion.length);
    expect(a).not.toBe(motion);
    expect(a).toEqual(augmentMotionWindow(motion, AXES, seededRandom(1), all));
    expect(a).not.toEqual(augmentMotionWindow(motion, AXES, seededRandom(2), all));
  });

  it('changes nothing with every setting at 0', () => {
    expect(augmentMotionWindow(motion, AXES, seededRandom(1), { noise: 0, scale: 0, shift: 0 })).toEqual(
      motion,
    );
  });

  it('scales the whole window by one factor in [1 − scale, 1 + scale]', () => {
    const factors = Array.from({ length: 200 }, (_, seed) => {
      const out = augmentMotionWindow(motion, AXES, seededRandom(seed), { noise: 0, scale: 0.1, shift: 0 });
      const factor = out[AXES + 1] / motion[AXES + 1];
      for (let i = 0; i < motion.length; i += 97) expect(out[i]).toBeCloseTo(motion[i] * factor, 4);
      return factor;
    });
    expect(Math.min(...factors)).toBeGreaterThanOrEqual(0.9);
    expect(Math.max(...factors)).toBeLessThanOrEqual(1.1);
    expect(Math.min(...factors)).toBeLessThan(0.92);
    expect(Math.max(...factors)).toBeGreaterThan(1.08);
  });

  it('shifts by at most shift × length samples either way, repeating the edge', () => {
    const max = Math.floor(0.01 * SAMPLES);
    const offsets = Array.from({ length: 40 }, (_, seed) => {
      const out = augmentMotionWindow(motion, AXES, seededRandom(seed), { noise: 0, scale: 0, shift: 0.01 });
      const offset = findOffset(motion, out, max);
      expect(offset).toBeDefined();
      return offset!;
    });
    expect(Math.min(...offsets)).toBeLessThan(0);
    expect(Math.max(...offsets)).toBeGreaterThan(0);
    const out = augmentMotionWindow(motion, AXES, seededRandom(offsets.findIndex((o) => o > 0)), {
      noise: 0,
      scale: 0,
      shift: 0.01,
    });
    expect(axis(out, 2).slice(0, 2)).toEqual([motion[2], motion[2]]);
  });

  it('adds noise of σ = noise × each axis’s standard deviation', () => {
    const out = augmentMotionWindow(motion, AXES, seededRandom(3), { noise: 0.1, scale: 0, shift: 0 });
    for (let a = 0; a < AXES; a++) {
      const residual = axis(out, a).map((v, s) => v - motion[s * AXES + a]);
      expect(std(residual) / (0.1 * std(axis(motion, a)))).toBeGreaterThan(0.93);
      expect(std(residual) / (0.1 * std(axis(motion, a)))).toBeLessThan(1.07);
      expect(Math.abs(residual.reduce((x, y) => x + y, 0) / residual.length)).toBeLessThan(0.02 * (a + 1));
    }
  });

  it('rejects a window that is not whole samples and out-of-range settings', () => {
    const code = expect.objectContaining({ code: 'augmentation-settings' });
    const rand = seededRandom(1);
    expect(() => augmentMotionWindow(new Float32Array(7), 3, rand, all)).toThrow(code);
    expect(() => augmentMotionWindow(new Float32Array(6), 0, rand, all)).toThrow(code);
    expect(() => augmentMotionWindow(motion, AXES, rand, { ...all, scale: 1 })).toThrow(code);
    expect(() => augmentMotionWindow(motion, AXES, rand, { ...all, shift: 1.5 })).toThrow(code);
    expect(() => augmentMotionWindow(motion, AXES, rand, { ...all, noise: -1 })).toThrow(code);
  });
});

describe('augmentSpectrogramFeatures', () => {
  const FRAMES = 40;
  const COEFS = 13;
  const source = seededRandom(21);
  const features = Float32Array.from({ length: FRAMES * COEFS }, () => source() * 4 - 1);
  const mean = features.reduce((x, y) => x + y, 0) / features.length;
  const masksOnly = { timeMasks: 2, timeMaskMax: 5, freqMasks: 2, freqMaskMax: 3, noise: 0 };

  const isMasked = (out: Float32Array, f: number, c: number) => out[f * COEFS + c] === Math.fround(mean);
  const maskedFrames = (out: Float32Array) =>
    Array.from({ length: FRAMES }, (_, f) => f).filter((f) =>
      Array.from({ length: COEFS }, (_, c) => c).every((c) => isMasked(out, f, c)),
    );
  const maskedCoefs = (out: Float32Array) =>
    Array.from({ length: COEFS }, (_, c) => c).filter((c) =>
      Array.from({ length: FRAMES }, (_, f) => f).every((f) => isMasked(out, f, c)),
    );

  it('keeps the length, is deterministic by seed and changes nothing with everything at 0', () => {
    const a = augmentSpectrogramFeatures(features, FRAMES, COEFS, seededRandom(1), {
      ...masksOnly,
      noise: 0.1,
    });
    expect(a).toHaveLength(features.length);
    expect(a).toEqual(
      augmentSpectrogramFeatures(features, FRAMES, COEFS, seededRandom(1), { ...masksOnly, noise: 0.1 }),
    );
    expect(a).not.toEqual(
      augmentSpectrogramFeatures(features, FRAMES, COEFS, seededRandom(2), { ...masksOnly, noise: 0.1 }),
    );
    const none = { timeMasks: 0, timeMaskMax: 0, freqMasks: 0, freqMaskMax: 0, noise: 0 };
    expect(augmentSpectrogramFeatures(features, FRAMES, COEFS, seededRandom(1), none)).toEqual(features);
  });

  it('sets whole bands of frames and coefficients, no wider than allowed, to the window mean', () => {
    let maskedSomething = 0;
    for (let seed = 0; seed < 30; seed++) {
      const out = augmentSpectrogramFeatures(features, FRAMES, COEFS, seededRandom(seed), masksOnly);
      const frames = maskedFrames(out);
      const coefs = maskedCoefs(out);
      expect(frames.length).toBeLessThanOrEqual(2 * 5);
      expect(coefs.length).toBeLessThanOrEqual(2 * 3);
      for (let f = 0; f < FRAMES; f++) {
        for (let c = 0; c < COEFS; c++) {
          if (out[f * COEFS + c] !== features[f * COEFS + c])
            expect(frames.includes(f) || coefs.includes(c)).toBe(true);
        }
      }
      if (frames.length > 0 && coefs.length > 0) maskedSomething++;
    }
    expect(maskedSomething).toBeGreaterThan(15);
  });

  it('adds noise of σ = noise × the features’ standard deviation, and masks after it', () => {
    const noisy = augmentSpectrogramFeatures(features, FRAMES, COEFS, seededRandom(4), {
      timeMasks: 0,
      timeMaskMax: 0,
      freqMasks: 0,
      freqMaskMax: 0,
      noise: 0.2,
    });
    const residual = Array.from(noisy, (v, i) => v - features[i]);
    const ratio = std(residual) / (0.2 * std(Array.from(features)));
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.1);
    const both = Array.from({ length: 10 }, (_, seed) =>
      augmentSpectrogramFeatures(features, FRAMES, COEFS, seededRandom(seed), { ...masksOnly, noise: 0.2 }),
    );
    expect(both.some((out) => maskedFrames(out).length > 0 && maskedCoefs(out).length > 0)).toBe(true);
  });

  it('rejects features that are not frames × coefficients and bad settings', () => {
    const code = expect.objectContaining({ code: 'augmentation-settings' });
    const rand = seededRandom(1);
    expect(() => augmentSpectrogramFeatures(features, FRAMES, COEFS + 1, rand, masksOnly)).toThrow(code);
    expect(() => augmentSpectrogramFeatures(features, 0, COEFS, rand, masksOnly)).toThrow(code);
    expect(() =>
      augmentSpectrogramFeatures(features, FRAMES, COEFS, rand, { ...masksOnly, timeMasks: 1.5 }),
    ).toThrow(code);
    expect(() =>
      augmentSpectrogramFeatures(features, FRAMES, COEFS, rand, { ...masksOnly, noise: -0.1 }),
    ).toThrow(code);
  });
});
