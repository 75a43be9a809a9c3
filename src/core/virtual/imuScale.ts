import type { SensorInfo } from '../dataset/sample';
import { toInt16 } from '../formats/int16';

/**
 * Scales of the virtual IMU, chosen as the Nano 33 BLE Sense firmware configures its sensors
 * (LSM9DS1 on Rev1; BMI270 + BMM150 on Rev2): accelerometer ±4 g, gyroscope ±2000 dps, magnetometer
 * ±400 µT. A raw int16 reading r stands for r × scale, with scale = full scale / 32768:
 *
 * | sensor        | units | full scale        | scale per LSB          |
 * |---------------|-------|-------------------|------------------------|
 * | accelerometer | m/s2  | ±4 g = ±39.23 m/s² | 0.0011971 m/s² (0.122 mg) |
 * | gyroscope     | dps   | ±2000 deg/s       | 0.061035 deg/s         |
 * | magnetometer  | uT    | ±400 µT (±4 gauss) | 0.012207 µT           |
 *
 * The accelerometer scale equals the LSM9DS1's datasheet sensitivity (0.122 mg/LSB) and the gyroscope's
 * the BMI270's (16.4 LSB per deg/s); the chips' other sensitivities differ by up to ~15 % (LSM9DS1 gyro
 * 70 mdps/LSB, magnetometer 0.14 mgauss/LSB). Firmware that reports its own scale passes it to
 * `toRawInt16` / `fromRawInt16` instead.
 */
export const STANDARD_GRAVITY = 9.80665;
export const ACC_FULL_SCALE = 4 * STANDARD_GRAVITY;
export const GYR_FULL_SCALE = 2000;
export const MAG_FULL_SCALE = 400;
export const ACC_SCALE = ACC_FULL_SCALE / 32768;
export const GYR_SCALE = GYR_FULL_SCALE / 32768;
export const MAG_SCALE = MAG_FULL_SCALE / 32768;

/** Per-axis scale of one interleaved 9-axis frame. */
export const IMU_SCALES: readonly number[] = [
  ACC_SCALE,
  ACC_SCALE,
  ACC_SCALE,
  GYR_SCALE,
  GYR_SCALE,
  GYR_SCALE,
  MAG_SCALE,
  MAG_SCALE,
  MAG_SCALE,
];

/** The axes of a virtual IMU frame, in the order `next()` interleaves them. */
export const IMU_SENSORS: readonly SensorInfo[] = [
  { name: 'accX', units: 'm/s2' },
  { name: 'accY', units: 'm/s2' },
  { name: 'accZ', units: 'm/s2' },
  { name: 'gyrX', units: 'dps' },
  { name: 'gyrY', units: 'dps' },
  { name: 'gyrZ', units: 'dps' },
  { name: 'magX', units: 'uT' },
  { name: 'magY', units: 'uT' },
  { name: 'magZ', units: 'uT' },
];

/** `scale` is one number for every value, or one per axis of interleaved frames (length = axis count). */
export type Scale = number | ArrayLike<number>;

function scaleAt(scale: Scale, i: number): number {
  return typeof scale === 'number' ? scale : scale[i % scale.length];
}

/** Physical values → the int16 readings a sensor with this scale reports (rounded, saturated). */
export function toRawInt16(values: ArrayLike<number>, scale: Scale): Int16Array {
  const raw = new Int16Array(values.length);
  for (let i = 0; i < values.length; i++) raw[i] = toInt16(values[i] / scaleAt(scale, i));
  return raw;
}

/** int16 readings → physical values. */
export function fromRawInt16(raw: ArrayLike<number>, scale: Scale): Float32Array {
  const values = new Float32Array(raw.length);
  for (let i = 0; i < raw.length; i++) values[i] = raw[i] * scaleAt(scale, i);
  return values;
}

/** Rounds values in place to what a sensor with this scale can report, saturating at its full scale. */
export function quantiseInPlace(values: Float32Array, scale: Scale): void {
  for (let i = 0; i < values.length; i++) {
    const s = scaleAt(scale, i);
    values[i] = toInt16(values[i] / s) * s;
  }
}
