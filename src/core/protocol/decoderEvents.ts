import type { CorruptReason, SkippedRegion } from './frameScanner';

/** Frames missing from a stream, found by a gap in its sequence numbers. sensorId 0 is the control stream. */
export interface DroppedEvent {
  type: 'dropped';
  sensorId: number;
  count: number;
}

/**
 * Rejected frames: `count` candidates (sync found, but header, length, checksum or content wrong) and the `bytes`
 * skipped with them until the next good frame. `reason` is the first candidate's.
 */
export interface CorruptEvent {
  type: 'corrupt';
  reason: CorruptReason;
  count: number;
  bytes: number;
}

/** Bytes between frames that were not even a frame candidate (no sync marker): boot noise, a mid-frame connect. */
export interface GarbageEvent {
  type: 'garbage';
  bytes: number;
}

export type IntegrityEvent = DroppedEvent | CorruptEvent | GarbageEvent;

export function regionEvent(region: SkippedRegion): IntegrityEvent {
  return region.reason === null
    ? { type: 'garbage', bytes: region.bytes }
    : { type: 'corrupt', reason: region.reason, count: region.rejected, bytes: region.bytes };
}
