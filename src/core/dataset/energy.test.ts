import { describe, expect, it } from 'vitest';
import { shortTimeEnergy } from './energy';

describe('shortTimeEnergy', () => {
  it('derives a ≈ 20 ms hop from the sampling interval, at least one frame', () => {
    expect(shortTimeEnergy(new Int16Array(16_000), 1, 0.0625).hopFrames).toBe(320);
    expect(shortTimeEnergy(new Int16Array(48_000), 1, 1000 / 48_000).hopFrames).toBe(960);
    expect(shortTimeEnergy(new Float32Array(300), 3, 10).hopFrames).toBe(2);
    expect(shortTimeEnergy(new Float32Array(30), 3, 100).hopFrames).toBe(1);
  });

  it('removes each axis mean and sums squares over axes', () => {
    // Two axes at 100 Hz (hop 2 frames, smoothing over 5 hops); axis 1 carries a constant offset.
    const values = new Float32Array([0, 9, 0, 9, 2, 9, 2, 9, 0, 9, 0, 9, 2, 9, 2, 9, 0, 9, 0, 9]);
    const { energy } = shortTimeEnergy(values, 2, 10);
    expect(energy.length).toBe(5);
    // Axis 0 has mean 0.8: each hop's mean square is 0.64 (zeros) or 1.44 (twos), three and two of them.
    const expectedMean = (3 * 0.64 + 2 * 1.44) / 5;
    expect(energy[2]).toBeCloseTo(expectedMean, 6);
  });

  it('is zero for constant data', () => {
    const { energy } = shortTimeEnergy(new Int16Array(1000).fill(500), 1, 0.0625);
    expect(Array.from(new Set(energy))).toEqual([0]);
  });
});
