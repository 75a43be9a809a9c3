import { describe, expect, it } from 'vitest';
import { rawBlock } from './raw';

describe('rawBlock', () => {
  it('returns the interleaved window times scale-axes', () => {
    const p = rawBlock.parseParams({ 'scale-axes': 0.5 });
    const shape = { axes: 2, frames: 3, frequencyHz: 100 };
    expect(rawBlock.describe(p, shape)).toEqual({ featureCount: 6, shape: [6] });
    expect(Array.from(rawBlock.run(p, Float32Array.of(1, 2, 3, 4, 5, -6), shape))).toEqual([
      0.5, 1, 1.5, 2, 2.5, -3,
    ]);
  });

  it('defaults to scale 1 and copies the window', () => {
    const window = Float32Array.of(1.25, -7);
    const out = rawBlock.run(rawBlock.parseParams({}), window, { axes: 1, frames: 2, frequencyHz: 16000 });
    expect(Array.from(out)).toEqual([1.25, -7]);
    expect(out).not.toBe(window);
  });

  it('rejects unknown parameters, bad scales, empty and mismatched windows', () => {
    expect(() => rawBlock.parseParams({ scale: 2 })).toThrow(/unknown parameter "scale"/);
    expect(() => rawBlock.parseParams({ 'scale-axes': 'x' })).toThrow(/"scale-axes" must be a number/);
    const p = rawBlock.parseParams({});
    expect(() => rawBlock.describe(p, { axes: 3, frames: 0, frequencyHz: 62.5 })).toThrow(
      /at least one frame/,
    );
    expect(() => rawBlock.run(p, new Float32Array(5), { axes: 3, frames: 2, frequencyHz: 62.5 })).toThrow(
      /not 2 frames × 3 axes/,
    );
  });
});
