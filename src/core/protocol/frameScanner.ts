/**
 * Finds frames in a byte stream cut anywhere: hunts the sync bytes, checks the header against the frame rules,
 * waits for the whole frame, checks the CRC. A rejected candidate costs one byte: scanning resumes right after
 * its first sync byte, so a frame hidden behind a corrupt one (e.g. one whose length field was hit) is still
 * found. Bytes that belong to no accepted frame form a "skipped region", reported once when the next good frame
 * arrives (or on demand).
 *
 * Memory is bounded: the scanner holds at most SCAN_CAPACITY bytes and never allocates per byte or per frame.
 */
import { crc16 } from './crc16';
import { CONTROL_STREAM, CRC_SIZE, FLAG_START, HEADER_SIZE, MAX_FRAME, SYNC0, SYNC1 } from './studioFrames';

export type CorruptReason =
  /** unknown frame type for this direction */
  | 'type'
  /** unknown flag bits, or a stream id that does not fit the type */
  | 'header'
  /** a payload length this frame type can never have */
  | 'length'
  | 'crc'
  /** checksum fine but the content is inconsistent (e.g. IMU count × axes ≠ length, bad handshake) */
  | 'payload'
  /** a handshake of a protocol version this studio does not speak */
  | 'version'
  /** a sequence number that jumps backwards: reordered or duplicated frames */
  | 'sequence'
  /** the stream ended before the frame did (or its length field was hit and claimed more than came) */
  | 'truncated';

export interface FrameTypeRule {
  minLength: number;
  maxLength: number;
  /** Control frames travel on stream 0, data frames on a sensor's stream (1…254). */
  stream: 'control' | 'data';
}

/** Bytes skipped since the last accepted frame; `reason` is null when no frame candidate was among them. */
export interface SkippedRegion {
  reason: CorruptReason | null;
  rejected: number;
  bytes: number;
}

/** A candidate that passed the header checks and the CRC; valid until the next call on the scanner. */
export interface RawFrame {
  type: number;
  flags: number;
  stream: number;
  seq: number;
  /** The scanner's buffer: the payload is bytes[payloadStart, payloadStart + length). */
  bytes: Uint8Array;
  payloadStart: number;
  length: number;
}

/** Room for the largest frame plus a few of the next ones; every write takes at least SCAN_CAPACITY − MAX_FRAME. */
const SCAN_CAPACITY = 4 * MAX_FRAME;

export class FrameScanner {
  private readonly buf = new Uint8Array(SCAN_CAPACITY);
  private start = 0;
  private end = 0;
  private readonly rules: (FrameTypeRule | undefined)[] = new Array<FrameTypeRule | undefined>(256);
  private skipped = 0;
  private rejected = 0;
  private firstReason: CorruptReason | null = null;
  private readonly raw: RawFrame = {
    type: 0,
    flags: 0,
    stream: 0,
    seq: 0,
    bytes: this.buf,
    payloadStart: 0,
    length: 0,
  };

  constructor(rules: ReadonlyMap<number, FrameTypeRule>) {
    for (const [type, rule] of rules) this.rules[type] = rule;
  }

  /** Copies as much of chunk[from…] as fits and returns how many bytes it took. Call next() until null, then again. */
  write(chunk: Uint8Array, from: number): number {
    if (this.start > 0) {
      this.buf.copyWithin(0, this.start, this.end);
      this.end -= this.start;
      this.start = 0;
    }
    const n = Math.min(SCAN_CAPACITY - this.end, chunk.length - from);
    this.buf.set(chunk.subarray(from, from + n), this.end);
    this.end += n;
    return n;
  }

  /**
   * The next candidate frame whose header and CRC are good, or null when more bytes are needed. The caller
   * must answer each candidate with accept() or reject() before calling next() again.
   */
  next(): RawFrame | null {
    const b = this.buf;
    for (;;) {
      let p = this.start;
      while (p < this.end && b[p] !== SYNC0) p++;
      this.skip(p - this.start);
      const available = this.end - this.start;
      if (available < 2) return null;
      const s = this.start;
      if (b[s + 1] !== SYNC1) {
        this.skip(1);
        continue;
      }
      if (available < HEADER_SIZE) return null;
      const type = b[s + 2];
      const flags = b[s + 3];
      const stream = b[s + 4];
      const length = b[s + 7] | (b[s + 8] << 8);
      const problem = this.checkHeader(type, flags, stream, length);
      if (problem) {
        this.reject(problem);
        continue;
      }
      const payloadEnd = s + HEADER_SIZE + length;
      if (payloadEnd + CRC_SIZE > this.end) return null;
      const crc = b[payloadEnd] | (b[payloadEnd + 1] << 8);
      if (crc16(b, s + 2, payloadEnd) !== crc) {
        this.reject('crc');
        continue;
      }
      const raw = this.raw;
      raw.type = type;
      raw.flags = flags;
      raw.stream = stream;
      raw.seq = b[s + 5] | (b[s + 6] << 8);
      raw.payloadStart = s + HEADER_SIZE;
      raw.length = length;
      return raw;
    }
  }

  /** Consumes the current candidate and returns the region skipped before it, if any. */
  accept(): SkippedRegion | null {
    const region = this.takeSkipped();
    this.start += HEADER_SIZE + this.raw.length + CRC_SIZE;
    return region;
  }

  /** Refuses the current candidate (or the header at the scan position): scanning resumes one byte later. */
  reject(reason: CorruptReason): void {
    if (this.rejected === 0) this.firstReason = reason;
    this.rejected++;
    this.skip(1);
  }

  /** Bytes skipped so far and not yet reported. */
  get skippedBytes(): number {
    return this.skipped;
  }

  /** Reports (and forgets) the bytes skipped since the last accepted frame. */
  takeSkipped(): SkippedRegion | null {
    if (this.skipped === 0) return null;
    const region = { reason: this.firstReason, rejected: this.rejected, bytes: this.skipped };
    this.skipped = 0;
    this.rejected = 0;
    this.firstReason = null;
    return region;
  }

  /** Bytes held while waiting for the rest of a frame. */
  get buffered(): number {
    return this.end - this.start;
  }

  reset(): void {
    this.start = this.end = 0;
    this.takeSkipped();
  }

  private skip(n: number): void {
    this.start += n;
    this.skipped += n;
  }

  private checkHeader(type: number, flags: number, stream: number, length: number): CorruptReason | null {
    const rule = this.rules[type];
    if (!rule) return 'type';
    if ((flags & ~FLAG_START) !== 0) return 'header';
    if ((rule.stream === 'control') !== (stream === CONTROL_STREAM) || stream === 0xff) return 'header';
    if (length < rule.minLength || length > rule.maxLength) return 'length';
    return null;
  }
}
