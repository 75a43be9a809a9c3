/** Frame rules and payload parsers for device → host frames. */
import type { FrameTypeRule, RawFrame } from './frameScanner';
import { PayloadError, PayloadReader } from './payloadReader';
import {
  ACK_STATUS_CODES,
  AUDIO_PREFIX,
  COMMAND_CODES,
  DeviceFrameType,
  IMU_PREFIX,
  keyOfCode,
  MAX_AXES,
  MAX_PAYLOAD,
  MAX_RATES,
  MAX_SENSOR_ID,
  MAX_SENSORS,
  PROTOCOL_VERSION,
  REVISION_CODES,
  SENSOR_KIND_CODES,
  type DeviceFrame,
  type DeviceInfo,
  type SensorDescriptor,
} from './studioFrames';

const control = (minLength: number, maxLength: number): FrameTypeRule => ({
  minLength,
  maxLength,
  stream: 'control',
});
const data = (minLength: number): FrameTypeRule => ({ minLength, maxLength: MAX_PAYLOAD, stream: 'data' });

export const DEVICE_FRAME_RULES: ReadonlyMap<number, FrameTypeRule> = new Map([
  // version, revision, two empty strings, no sensors
  [DeviceFrameType.handshake, control(5, MAX_PAYLOAD)],
  // one reading of one axis at least
  [DeviceFrameType.imu, data(IMU_PREFIX + 2)],
  [DeviceFrameType.audio, data(AUDIO_PREFIX)],
  [DeviceFrameType.text, control(0, MAX_PAYLOAD)],
  [DeviceFrameType.error, control(0, MAX_PAYLOAD)],
  [DeviceFrameType.ack, control(4, 4)],
]);

/** A decoded frame before the decoder judges its continuity (imu/audio get `continuous` afterwards). */
export type ParsedDeviceFrame =
  | Exclude<DeviceFrame, { type: 'imu' } | { type: 'audio' }>
  | Omit<Extract<DeviceFrame, { type: 'imu' }>, 'continuous'>
  | Omit<Extract<DeviceFrame, { type: 'audio' }>, 'continuous'>;

/** Parses a CRC-checked frame; throws PayloadError when its content breaks the protocol. */
export function parseDeviceFrame(raw: RawFrame): ParsedDeviceFrame {
  const r = new PayloadReader(raw.bytes, raw.payloadStart, raw.length);
  const seq = raw.seq;
  switch (raw.type) {
    case DeviceFrameType.handshake:
      return { type: 'handshake', seq, info: parseHandshake(r) };
    case DeviceFrameType.imu: {
      const deviceTimeUs = r.u32('device time');
      const axes = r.u8('axis count');
      const readings = r.u8('reading count');
      if (axes < 1 || axes > MAX_AXES || readings < 1)
        throw new PayloadError('payload', `IMU frame with ${axes} axes × ${readings} readings`);
      if (r.remaining !== 2 * axes * readings) {
        throw new PayloadError(
          'payload',
          `IMU frame declares ${axes} × ${readings} values but carries ${r.remaining} bytes`,
        );
      }
      return {
        type: 'imu',
        sensorId: raw.stream,
        seq,
        deviceTimeUs,
        axes,
        values: r.int16s(axes * readings, 'IMU values'),
      };
    }
    case DeviceFrameType.audio: {
      const sampleIndex = r.u32('sample index');
      if (r.remaining % 2 !== 0) throw new PayloadError('payload', 'audio frame with an odd number of bytes');
      return {
        type: 'audio',
        sensorId: raw.stream,
        seq,
        sampleIndex,
        pcm: r.int16s(r.remaining / 2, 'audio'),
      };
    }
    case DeviceFrameType.text:
      return { type: 'text', seq, text: r.text(raw.length, 'text') };
    case DeviceFrameType.error:
      return { type: 'error', seq, text: r.text(raw.length, 'error text') };
    case DeviceFrameType.ack: {
      const command = keyOfCode(COMMAND_CODES, r.u8('command'));
      const commandSeq = r.u16('command seq');
      const status = keyOfCode(ACK_STATUS_CODES, r.u8('status'));
      if (!command || !status)
        throw new PayloadError('payload', 'acknowledgement of an unknown command or status');
      return { type: 'ack', seq, command, commandSeq, status };
    }
    default:
      throw new PayloadError('type', `frame type ${raw.type}`);
  }
}

function parseHandshake(r: PayloadReader): DeviceInfo {
  const version = r.u8('protocol version');
  if (version !== PROTOCOL_VERSION) {
    throw new PayloadError(
      'version',
      `the firmware speaks protocol version ${version}, this studio version ${PROTOCOL_VERSION}`,
    );
  }
  const revision = keyOfCode(REVISION_CODES, r.u8('board revision')) ?? 'unknown';
  const board = r.shortString('board name');
  const firmware = r.shortString('firmware version');
  const count = r.u8('sensor count');
  if (count > MAX_SENSORS) throw new PayloadError('payload', `${count} sensors`);
  const sensors: SensorDescriptor[] = [];
  for (let i = 0; i < count; i++) {
    const sensor = parseSensor(r);
    if (sensors.some((s) => s.id === sensor.id))
      throw new PayloadError('payload', `sensor id ${sensor.id} twice`);
    sensors.push(sensor);
  }
  if (r.remaining !== 0)
    throw new PayloadError('payload', `${r.remaining} bytes after the last sensor of the handshake`);
  return { board, revision, firmware, sensors };
}

function parseSensor(r: PayloadReader): SensorDescriptor {
  const id = r.u8('sensor id');
  const kind = keyOfCode(SENSOR_KIND_CODES, r.u8('sensor kind'));
  if (id < 1 || id > MAX_SENSOR_ID || !kind)
    throw new PayloadError('payload', `sensor ${id} of an unknown kind or id`);
  const name = r.shortString('sensor name');
  const units = r.shortString('units');
  const scale = r.f32('scale');
  const rateCount = r.u8('rate count');
  if (rateCount < 1 || rateCount > MAX_RATES)
    throw new PayloadError('payload', `${name}: ${rateCount} rates`);
  const rates: number[] = [];
  for (let i = 0; i < rateCount; i++) rates.push(r.f32('rate'));
  const rateHz = r.f32('current rate');
  const streaming = r.u8('streaming flag');
  const axisCount = r.u8('axis count');
  if (axisCount < 1 || axisCount > MAX_AXES) throw new PayloadError('payload', `${name}: ${axisCount} axes`);
  const axes: string[] = [];
  for (let i = 0; i < axisCount; i++) axes.push(r.shortString('axis name'));
  const positive = (x: number) => Number.isFinite(x) && x > 0;
  if (![scale, rateHz, ...rates].every(positive) || streaming > 1) {
    throw new PayloadError('payload', `${name}: scale and rates must be positive numbers`);
  }
  return { id, kind, name, units, axes, scale, rates, rateHz, streaming: streaming === 1 };
}
