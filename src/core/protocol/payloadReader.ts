import { StudioError } from '../errors';
import type { CorruptReason } from './frameScanner';

/** A frame whose checksum is right but whose content breaks the protocol; the decoder reports it as corrupt. */
export class PayloadError extends StudioError {
  readonly reason: CorruptReason;
  constructor(reason: CorruptReason, problem: string) {
    super('protocol-payload', `Invalid frame from the device: ${problem}.`);
    this.name = 'PayloadError';
    this.reason = reason;
  }
}

const utf8 = new TextDecoder('utf-8');

/** Little-endian reads within one payload; reading past its end is a PayloadError, never an out-of-bounds read. */
export class PayloadReader {
  private offset: number;
  private readonly end: number;

  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    length: number,
  ) {
    this.offset = start;
    this.end = start + length;
  }

  get remaining(): number {
    return this.end - this.offset;
  }

  private need(n: number, what: string): number {
    if (this.end - this.offset < n)
      throw new PayloadError('payload', `${what} runs past the end of the frame`);
    const at = this.offset;
    this.offset += n;
    return at;
  }

  u8(what: string): number {
    return this.bytes[this.need(1, what)];
  }

  u16(what: string): number {
    const at = this.need(2, what);
    return this.bytes[at] | (this.bytes[at + 1] << 8);
  }

  u32(what: string): number {
    const at = this.need(4, what);
    const b = this.bytes;
    return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
  }

  f32(what: string): number {
    const at = this.need(4, what);
    return new DataView(this.bytes.buffer, this.bytes.byteOffset + at, 4).getFloat32(0, true);
  }

  /** u8 length + UTF-8 bytes. */
  shortString(what: string): string {
    const n = this.u8(what);
    return this.text(n, what);
  }

  text(n: number, what: string): string {
    const at = this.need(n, what);
    return utf8.decode(this.bytes.subarray(at, at + n));
  }

  /** `count` little-endian int16 values (the payload may start at an odd offset, so no typed-array view). */
  int16s(count: number, what: string): Int16Array {
    const at = this.need(2 * count, what);
    const b = this.bytes;
    const out = new Int16Array(count);
    for (let i = 0, j = at; i < count; i++, j += 2) out[i] = ((b[j] | (b[j + 1] << 8)) << 16) >> 16;
    return out;
  }
}
