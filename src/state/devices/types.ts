import type { SensorInfo, SampleValues } from '../../core/dataset/sample';

export type SourceKind = 'serial' | 'webusb' | 'virtual' | 'microphone';
export type SourceStatus = 'connecting' | 'connected' | 'disconnected' | 'error';

/** One stream a source delivers: an IMU sensor, a microphone, or the forwarder's N numeric columns. */
export interface SensorSnapshot {
  key: string;
  name: string;
  kind: 'imu' | 'audio' | 'generic';
  axes: SensorInfo[];
  /** The rate recordings use: declared by the device (handshake), detected by the parser, or set by the user; 0 while unknown. */
  declaredHz: number;
  /** Forwarder boards: whether declaredHz was detected from the line timing or set by the user. */
  rateSource?: 'detected' | 'user';
  /** Forwarder boards: the rate detected from the line timing (0 while unknown), also when the user set another. */
  detectedHz?: number;
  /** Studio boards: whether the board streams this sensor now, as it acknowledged. */
  streaming?: boolean;
  /** Studio boards: the rates the handshake offers for this sensor. */
  rates?: number[];
  /** A stream joined from several sensors of the board (their keys, in axis order), reading by reading. */
  parts?: string[];
  /** Frames per second actually received over the last seconds. */
  measuredHz: number;
  framesReceived: number;
}

/** What the Devices page shows about a connected source; plain data, refreshed a few times a second. */
export interface SourceSnapshot {
  id: string;
  kind: SourceKind;
  name: string;
  simulated: boolean;
  status: SourceStatus;
  protocol: string;
  details: string[];
  sensors: SensorSnapshot[];
  droppedFrames: number;
  corruptFrames: number;
  malformedLines: number;
  errors: string[];
}

/** `continuous` is false when readings were lost (or the stream restarted) just before these. */
export type FrameListener = (values: SampleValues, frames: number, continuous: boolean) => void;

/** A live source of sensor frames, whatever the transport. */
export interface SourceRuntime {
  readonly id: string;
  snapshot(): SourceSnapshot;
  /** Receives every frame of one sensor as it arrives; returns an unsubscribe function. */
  subscribe(sensorKey: string, listener: FrameListener): () => void;
  /** Called when the source ends (unplugged, closed); returns an unsubscribe function. */
  onEnd(listener: (reason: string) => void): () => void;
  disconnect(): Promise<void>;
}
