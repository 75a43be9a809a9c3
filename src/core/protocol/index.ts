/** The protocol layer's public API: what the platform layer, the virtual board and the UI use. */
export { SerialSession, type SessionStats } from './serialSession';
export type * from './sessionEvents';
export type { CorruptReason } from './frameScanner';
export type { CorruptEvent, DroppedEvent, GarbageEvent } from './decoderEvents';
export { encodeCommand, CommandDecoder, type CommandDecoderEvent } from './hostCommands';
export {
  encodeAck,
  encodeAudio,
  encodeDeviceError,
  encodeHandshake,
  encodeImu,
  encodeText,
  type FrameOptions,
} from './studioEncoder';
export { StudioDecoder, type StudioDecoderEvent } from './studioDecoder';
export { reportedRate, snapRate, SNAP_RATES } from './rateEstimator';
export {
  MAX_FRAME,
  MAX_PAYLOAD,
  PROTOCOL_VERSION,
  type AckStatus,
  type BoardRevision,
  type CommandName,
  type DeviceFrame,
  type DeviceInfo,
  type HostCommand,
  type SensorDescriptor,
  type SensorKind,
} from './studioFrames';
