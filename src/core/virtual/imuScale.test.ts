import { describe, expect, it } from 'vitest';
import {
  ACC_SCALE,
  fromRawInt16,
  GYR_SCALE,
  IMU_SCALES,
  MAG_SCALE,
  STANDARD_GRAVITY,
  toRawInt16,
} from './imuScale';

describe('IMU scales', () => {
  it('maps the full-scale ranges onto int16', () => {
    expect(32768 * ACC_SCALE).toBeCloseTo(4 * STANDARD_GRAVITY, 9);
    expect(32768 * GYR_SCALE).toBe(2000);
    expect(32768 * MAG_SCALE).toBe(400);
  });

  it('converts to raw readings and back, per axis, saturating out-of-range values', () => {
    const frame = [STANDARD_GRAVITY, -1, 100, 250, -0.03, 2500, 40, -400, 0];
    const raw = toRawInt16(frame, IMU_SCALES);
    expect(raw[0]).toBe(8192);
    expect(raw[2]).toBe(32767);
    expect(raw[5]).toBe(32767);
    expect(raw[7]).toBe(-32768);
    const back = fromRawInt16(raw, IMU_SCALES);
    for (const a of [0, 1, 3, 4, 6, 8])
      expect(Math.abs(back[a] - frame[a])).toBeLessThanOrEqual(IMU_SCALES[a] / 2);
  });

  it('accepts one scale for every value', () => {
    expect(Array.from(toRawInt16([0.5, -0.5, 1.25], 0.5))).toEqual([1, -1, 3]);
    expect(Array.from(fromRawInt16(Int16Array.of(2, -3), 0.25))).toEqual([0.5, -0.75]);
  });
});
