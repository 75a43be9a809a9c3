import { describe, expect, it } from 'vitest';
import { asymmetricParams, tightenForActivation } from './activationParams';

const fround = Math.fround;

describe('asymmetricParams', () => {
  it('maps the range onto [−128, 127] with scale (max − min)/255 and a rounded zero point', () => {
    // scale 2/255; −128 − (−0.5)/scale = −128 + 63.75 = −64.25 → −64.
    expect(asymmetricParams({ min: -0.5, max: 1.5 })).toEqual({ scale: fround(2 / 255), zeroPoint: -64 });
    // In float32 like the converter: −128 + 0.3·255/1.3 = −69.15… → −69.
    const scale = fround(fround(1 - fround(-0.3)) / 255);
    expect(asymmetricParams({ min: -0.3, max: 1 })).toEqual({ scale, zeroPoint: -69 });
  });

  it('widens the range to include 0', () => {
    expect(asymmetricParams({ min: 2, max: 5 })).toEqual({ scale: fround(5 / 255), zeroPoint: -128 });
    expect(asymmetricParams({ min: -5, max: -2 })).toEqual({ scale: fround(5 / 255), zeroPoint: 127 });
  });

  it('rounds a zero point of exactly −x.5 away from zero, as std::round does', () => {
    // min = −127.5·scale with scale = 1: zero point −128 + 127.5 = −0.5 → −1 (Math.round would give 0).
    expect(asymmetricParams({ min: -127.5, max: 127.5 })).toEqual({ scale: 1, zeroPoint: -1 });
  });

  it('gives an all-zero range a positive scale', () => {
    expect(asymmetricParams({ min: 0, max: 0 })).toEqual({ scale: 1, zeroPoint: -128 });
  });

  it('represents real 0 exactly and covers the range to within half a step', () => {
    for (const [min, max] of [
      [-1e-3, 7],
      [-3.3, 0.01],
      [-100, 100],
      [-0.2, 0.9],
    ]) {
      const { scale, zeroPoint } = asymmetricParams({ min, max });
      expect(Number.isInteger(zeroPoint)).toBe(true);
      expect(scale * (-128 - zeroPoint)).toBeLessThanOrEqual(min + scale / 2);
      expect(scale * (127 - zeroPoint)).toBeGreaterThanOrEqual(max - scale / 2);
    }
  });
});

describe('tightenForActivation', () => {
  it('cuts the range to what the fused activation can output', () => {
    const range = { min: -3, max: 9 };
    expect(tightenForActivation(range, 'NONE')).toEqual(range);
    expect(tightenForActivation(range, 'RELU')).toEqual({ min: 0, max: 9 });
    expect(tightenForActivation(range, 'RELU6')).toEqual({ min: 0, max: 6 });
    expect(tightenForActivation(range, 'RELU_N1_TO_1')).toEqual({ min: -1, max: 1 });
    expect(tightenForActivation({ min: 0.5, max: 2 }, 'RELU6')).toEqual({ min: 0.5, max: 2 });
  });
});
