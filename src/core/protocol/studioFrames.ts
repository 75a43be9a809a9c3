/**
 * Constants and types of the studio's binary serial protocol (docs/protocol.md is the specification; the
 * firmware's studio_protocol.h mirrors these numbers).
 *
 * Frame: A5 5A | type u8 | flags u8 | stream u8 | seq u16 LE | length u16 LE | payload | CRC-16 LE
 * The CRC (CRC-16/CCITT-FALSE) covers type … end of payload, i.e. everything but the sync bytes.
 */

export const PROTOCOL_VERSION = 1;
export const SYNC0 = 0xa5;
export const SYNC1 = 0x5a;
export const HEADER_SIZE = 9;
export const CRC_SIZE = 2;
export const MAX_PAYLOAD = 1024;
/** No frame is longer: a length field can never make a decoder hold more than this. */
export const MAX_FRAME = HEADER_SIZE + MAX_PAYLOAD + CRC_SIZE;

/** flags bit 0: the first frame of a stream since it (re)started; its seq restarts and there is no gap before it. */
export const FLAG_START = 0x01;
/** Stream 0 carries control frames (handshake, text, error, ack); sensor streams use the sensor id, 1…254. */
export const CONTROL_STREAM = 0;
export const MAX_SENSOR_ID = 254;

/** Device → host frame types. */
export const DeviceFrameType = {
  handshake: 0x01,
  imu: 0x02,
  audio: 0x03,
  text: 0x04,
  error: 0x05,
  ack: 0x06,
} as const;

/** Host → device frame types (commands). */
export const CommandFrameType = {
  hello: 0x81,
  start: 0x82,
  stop: 0x83,
  setRate: 0x84,
} as const;

/** Bytes before the samples in an IMU payload: device time u32, axes u8, readings u8. */
export const IMU_PREFIX = 6;
/** Bytes before the samples in an audio payload: index of the first sample u32. */
export const AUDIO_PREFIX = 4;
/** Longest UTF-8 string in a handshake (u8 length prefix). */
export const MAX_STRING = 255;
export const MAX_SENSORS = 16;
export const MAX_AXES = 16;
export const MAX_RATES = 16;

export type BoardRevision = 'Rev1' | 'Rev2' | 'unknown';
export const REVISION_CODES: Record<BoardRevision, number> = { unknown: 0, Rev1: 1, Rev2: 2 };

export type SensorKind = 'imu' | 'audio';
export const SENSOR_KIND_CODES: Record<SensorKind, number> = { imu: 0, audio: 1 };

export interface SensorDescriptor {
  /** 1…254, also the stream id of its data frames. */
  id: number;
  kind: SensorKind;
  name: string;
  /** Units of the physical values (raw × scale), e.g. "m/s2", "dps", "uT"; "wav" for audio. */
  units: string;
  /** One name per axis, in the interleaving order of the frames. */
  axes: string[];
  /** physical value = raw int16 × scale (a float32 on the wire). */
  scale: number;
  /** Rates the firmware can stream at, in Hz (float32 on the wire). */
  rates: number[];
  /** The rate it streams at now. */
  rateHz: number;
  streaming: boolean;
}

export interface DeviceInfo {
  board: string;
  revision: BoardRevision;
  firmware: string;
  sensors: SensorDescriptor[];
}

export type HostCommand =
  | { type: 'hello' }
  | { type: 'start'; sensorId: number }
  | { type: 'stop'; sensorId: number | 'all' }
  | { type: 'set-rate'; sensorId: number; hz: number };

export type CommandName = HostCommand['type'];

export const COMMAND_CODES: Record<CommandName, number> = {
  hello: CommandFrameType.hello,
  start: CommandFrameType.start,
  stop: CommandFrameType.stop,
  'set-rate': CommandFrameType.setRate,
};

export type AckStatus = 'ok' | 'unknown-sensor' | 'unsupported-rate' | 'bad-command' | 'sensor-failure';
export const ACK_STATUS_CODES: Record<AckStatus, number> = {
  ok: 0,
  'unknown-sensor': 1,
  'unsupported-rate': 2,
  'bad-command': 3,
  'sensor-failure': 4,
};

export function keyOfCode<K extends string>(codes: Record<K, number>, code: number): K | undefined {
  for (const key in codes) if (codes[key] === code) return key;
  return undefined;
}

/** A device frame after its payload was checked and parsed. */
export type DeviceFrame =
  | { type: 'handshake'; seq: number; info: DeviceInfo }
  | {
      type: 'imu';
      sensorId: number;
      seq: number;
      /** False for the first frame of a stream, after a gap, or after a restart (FLAG_START). */
      continuous: boolean;
      /** Device time of the first reading, µs, wraps at 2^32. */
      deviceTimeUs: number;
      axes: number;
      /** Raw readings interleaved by axis. */
      values: Int16Array;
    }
  | {
      type: 'audio';
      sensorId: number;
      seq: number;
      /** As for imu, and also false when sampleIndex does not follow the previous frame's last sample. */
      continuous: boolean;
      /** Index of the first sample since the stream started, wraps at 2^32. */
      sampleIndex: number;
      pcm: Int16Array;
    }
  | { type: 'text'; seq: number; text: string }
  | { type: 'error'; seq: number; text: string }
  | { type: 'ack'; seq: number; command: CommandName; commandSeq: number; status: AckStatus };
