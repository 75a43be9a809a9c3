/**
 * Device → host frames, byte for byte as the firmware (firmware/tinyml_studio/studio_protocol.cpp) writes them.
 * The virtual board uses these to speak exactly like a real board; tests use them to build streams.
 * `seq` is masked to 16 bits, so callers may simply count up.
 */
import { checkByteRange, encodeError, FrameWriter } from './frameWriter';
import {
  ACK_STATUS_CODES,
  AUDIO_PREFIX,
  COMMAND_CODES,
  CONTROL_STREAM,
  DeviceFrameType,
  FLAG_START,
  IMU_PREFIX,
  MAX_AXES,
  MAX_RATES,
  MAX_SENSOR_ID,
  MAX_SENSORS,
  MAX_STRING,
  PROTOCOL_VERSION,
  REVISION_CODES,
  SENSOR_KIND_CODES,
  type AckStatus,
  type CommandName,
  type DeviceInfo,
} from './studioFrames';

export interface FrameOptions {
  /** Sets FLAG_START: the first frame since this stream (re)started. */
  start?: boolean;
}

const utf8 = new TextEncoder();
const isPositiveFloat32 = (x: number) => Number.isFinite(Math.fround(x)) && Math.fround(x) > 0;
const flagsOf = (options?: FrameOptions) => (options?.start ? FLAG_START : 0);

function shortString(what: string, text: string): Uint8Array {
  const bytes = utf8.encode(text);
  if (bytes.length > MAX_STRING)
    throw encodeError(`${what} is ${bytes.length} UTF-8 bytes; at most ${MAX_STRING} fit.`);
  return bytes;
}

export function encodeHandshake(info: DeviceInfo, seq: number, options?: FrameOptions): Uint8Array {
  if (info.sensors.length > MAX_SENSORS)
    throw encodeError(`at most ${MAX_SENSORS} sensors fit in a handshake.`);
  const board = shortString('board name', info.board);
  const firmware = shortString('firmware version', info.firmware);
  const ids = new Set<number>();
  const sensors = info.sensors.map((s) => {
    checkByteRange('sensor id', s.id, 1, MAX_SENSOR_ID);
    if (ids.has(s.id)) throw encodeError(`sensor id ${s.id} is used twice.`);
    ids.add(s.id);
    checkByteRange(`${s.name}: axis count`, s.axes.length, 1, MAX_AXES);
    checkByteRange(`${s.name}: rate count`, s.rates.length, 1, MAX_RATES);
    if (![s.scale, s.rateHz, ...s.rates].every(isPositiveFloat32)) {
      throw encodeError(`${s.name}: scale and rates must be positive finite float32 numbers.`);
    }
    return {
      s,
      name: shortString('sensor name', s.name),
      units: shortString('units', s.units),
      axes: s.axes.map((a) => shortString('axis name', a)),
    };
  });
  let length = 2 + 1 + board.length + 1 + firmware.length + 1;
  for (const { s, name, units, axes } of sensors) {
    length += 2 + 1 + name.length + 1 + units.length + 4 + 1 + s.rates.length * 4 + 4 + 1 + 1;
    for (const a of axes) length += 1 + a.length;
  }
  const w = new FrameWriter(DeviceFrameType.handshake, flagsOf(options), CONTROL_STREAM, seq, length);
  w.u8(PROTOCOL_VERSION).u8(REVISION_CODES[info.revision]);
  w.u8(board.length).raw(board).u8(firmware.length).raw(firmware).u8(sensors.length);
  for (const { s, name, units, axes } of sensors) {
    w.u8(s.id)
      .u8(SENSOR_KIND_CODES[s.kind])
      .u8(name.length)
      .raw(name)
      .u8(units.length)
      .raw(units)
      .f32(s.scale);
    w.u8(s.rates.length);
    for (const r of s.rates) w.f32(r);
    w.f32(s.rateHz)
      .u8(s.streaming ? 1 : 0)
      .u8(axes.length);
    for (const a of axes) w.u8(a.length).raw(a);
  }
  return w.finish();
}

/** `values` holds `values.length / axes` readings interleaved by axis; the first was taken at deviceTimeUs. */
export function encodeImu(
  sensorId: number,
  seq: number,
  deviceTimeUs: number,
  axes: number,
  values: Int16Array,
  options?: FrameOptions,
): Uint8Array {
  checkByteRange('sensor id', sensorId, 1, MAX_SENSOR_ID);
  checkByteRange('axis count', axes, 1, MAX_AXES);
  const readings = values.length / axes;
  if (!Number.isInteger(readings))
    throw encodeError(`${values.length} IMU values do not split into ${axes} axes.`);
  checkByteRange('readings per IMU frame', readings, 1, 255);
  const w = new FrameWriter(
    DeviceFrameType.imu,
    flagsOf(options),
    sensorId,
    seq,
    IMU_PREFIX + 2 * values.length,
  );
  return w.u32(deviceTimeUs).u8(axes).u8(readings).i16s(values).finish();
}

/** `pcm` starts at sample `sampleIndex` of the stream (counted from 0 when the stream started). */
export function encodeAudio(
  sensorId: number,
  seq: number,
  sampleIndex: number,
  pcm: Int16Array,
  options?: FrameOptions,
): Uint8Array {
  checkByteRange('sensor id', sensorId, 1, MAX_SENSOR_ID);
  const w = new FrameWriter(
    DeviceFrameType.audio,
    flagsOf(options),
    sensorId,
    seq,
    AUDIO_PREFIX + 2 * pcm.length,
  );
  return w.u32(sampleIndex).i16s(pcm).finish();
}

/** A log message for the user (shown as device text). */
export function encodeText(text: string, seq: number, options?: FrameOptions): Uint8Array {
  const bytes = utf8.encode(text);
  return new FrameWriter(DeviceFrameType.text, flagsOf(options), CONTROL_STREAM, seq, bytes.length)
    .raw(bytes)
    .finish();
}

/** A device error (sensor failure, buffer overrun…), shown as an error. */
export function encodeDeviceError(text: string, seq: number, options?: FrameOptions): Uint8Array {
  const bytes = utf8.encode(text);
  return new FrameWriter(DeviceFrameType.error, flagsOf(options), CONTROL_STREAM, seq, bytes.length)
    .raw(bytes)
    .finish();
}

/** The device's answer to a start, stop or set-rate command with sequence number `commandSeq`. */
export function encodeAck(
  command: CommandName,
  commandSeq: number,
  status: AckStatus,
  seq: number,
  options?: FrameOptions,
): Uint8Array {
  const w = new FrameWriter(DeviceFrameType.ack, flagsOf(options), CONTROL_STREAM, seq, 4);
  return w
    .u8(COMMAND_CODES[command])
    .u16(commandSeq & 0xffff)
    .u8(ACK_STATUS_CODES[status])
    .finish();
}
