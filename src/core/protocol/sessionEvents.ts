/** What a SerialSession reports, in the order it happened within one chunk. */
import type { IntegrityEvent } from './decoderEvents';
import type { AckStatus, CommandName, DeviceInfo } from './studioFrames';

export type Protocol = 'studio' | 'forwarder';

/** The session recognised the device's protocol; sent once, before anything else from that protocol. */
export interface ProtocolEvent {
  type: 'protocol';
  protocol: Protocol;
}

export interface HandshakeEvent {
  type: 'handshake';
  device: DeviceInfo;
}

export interface SamplesEvent {
  type: 'samples';
  source: Protocol;
  /** The studio sensor id; 0 for forwarder lines. */
  sensorId: number;
  axes: number;
  /** Number of readings (values.length / axes). */
  frames: number;
  /** Interleaved by axis: physical units (raw × scale) as Float32Array, or raw PCM as Int16Array for audio. */
  values: Float32Array | Int16Array;
  /**
   * Position of the first reading: IMU — device time in µs (u32, wraps); audio — sample index since the stream
   * started (u32); forwarder — index of the reading since the current axis layout was detected.
   */
  firstFrame: number;
  /** False when readings are missing (or the stream restarted) between the previous samples of this sensor and these. */
  continuous: boolean;
  /** The sensor's rate (handshake/acknowledged set-rate), or the detected forwarder rate; null while unknown. */
  hz: number | null;
  receivedAtMs: number;
}

/** Forwarder lines that were not lists of numbers (after the protocol was recognised). */
export interface MalformedLineEvent {
  type: 'malformed-line';
  count: number;
  /** The first of them, at most 80 characters. */
  text: string;
}

/** An ERR… line or a studio error frame. */
export interface DeviceErrorEvent {
  type: 'device-error';
  text: string;
}

/** A studio text frame, or a text line printed before a forwarder stream was recognised (e.g. "Started"). */
export interface DeviceTextEvent {
  type: 'device-text';
  text: string;
}

export interface AckEvent {
  type: 'ack';
  command: CommandName;
  commandSeq: number;
  status: AckStatus;
}

/** Forwarder layout: sent with hz null when the axis count is (re)detected, then when the rate is (re)estimated. */
export interface RateEvent {
  type: 'rate';
  axes: number;
  hz: number | null;
  measuredHz: number | null;
}

/** Studio data for a sensor the last handshake did not describe (or before any handshake): send hello. */
export interface UnknownSensorEvent {
  type: 'unknown-sensor';
  sensorId: number;
}

export type SessionEvent =
  | ProtocolEvent
  | HandshakeEvent
  | SamplesEvent
  | MalformedLineEvent
  | DeviceErrorEvent
  | DeviceTextEvent
  | AckEvent
  | RateEvent
  | UnknownSensorEvent
  | IntegrityEvent;
