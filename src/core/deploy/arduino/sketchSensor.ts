/**
 * Which Nano 33 BLE Sense sensor an impulse reads, from its axes: the IMU (the studio's axis names accX…magZ, in
 * the units its firmware records: m/s², deg/s, µT), the PDM microphone (the `audio` axis, raw int16 values at
 * 16 kHz), or neither (axes imported under other names: the example sketches cannot know where they come from).
 */
import type { ImpulseInput } from '../../impulse/impulse';

export type ImuSensor = 'acc' | 'gyr' | 'mag';

export interface ImuAxis {
  sensor: ImuSensor;
  /** 0, 1, 2 for X, Y, Z. */
  component: number;
}

export type SketchSensor =
  { kind: 'imu'; axes: ImuAxis[] } | { kind: 'microphone' } | { kind: 'none'; reason: string };

/** The PDM library's rate the sketches record at (the studio's firmware records at it too). */
export const MICROPHONE_HZ = 16000;

const IMU_AXIS = /^(acc|gyr|mag)([XYZ])$/;

export function sketchSensor(input: Pick<ImpulseInput, 'axes' | 'frequencyHz'>): SketchSensor {
  if (input.axes.length === 1 && input.axes[0] === 'audio') {
    if (input.frequencyHz !== MICROPHONE_HZ) {
      return {
        kind: 'none',
        reason: `the impulse takes audio at ${input.frequencyHz} Hz; the example sketch records the microphone at ${MICROPHONE_HZ} Hz only`,
      };
    }
    return { kind: 'microphone' };
  }
  const axes: ImuAxis[] = [];
  for (const name of input.axes) {
    const match = IMU_AXIS.exec(name);
    if (!match) {
      return {
        kind: 'none',
        reason: `the axis "${name}" is not one of the Nano 33 BLE Sense's (accX…accZ, gyrX…gyrZ, magX…magZ, audio)`,
      };
    }
    axes.push({ sensor: match[1] as ImuSensor, component: 'XYZ'.indexOf(match[2]) });
  }
  return { kind: 'imu', axes };
}
