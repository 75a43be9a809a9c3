import { StudioError } from '../errors';
import { crc16 } from './crc16';
import { CRC_SIZE, HEADER_SIZE, MAX_PAYLOAD, SYNC0, SYNC1 } from './studioFrames';

/** A little-endian writer over one frame's bytes; the encoders fill the payload through it. */
export class FrameWriter {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  private offset = HEADER_SIZE;

  constructor(type: number, flags: number, stream: number, seq: number, payloadLength: number) {
    if (payloadLength > MAX_PAYLOAD) {
      throw new StudioError(
        'protocol-frame-too-large',
        `A frame payload of ${payloadLength} bytes exceeds the protocol's maximum of ${MAX_PAYLOAD} bytes.`,
      );
    }
    this.bytes = new Uint8Array(HEADER_SIZE + payloadLength + CRC_SIZE);
    this.view = new DataView(this.bytes.buffer);
    const b = this.bytes;
    b[0] = SYNC0;
    b[1] = SYNC1;
    b[2] = type;
    b[3] = flags;
    b[4] = stream;
    this.view.setUint16(5, seq & 0xffff, true);
    this.view.setUint16(7, payloadLength, true);
  }

  u8(v: number): this {
    this.bytes[this.offset++] = v;
    return this;
  }

  u16(v: number): this {
    this.view.setUint16(this.offset, v, true);
    this.offset += 2;
    return this;
  }

  u32(v: number): this {
    this.view.setUint32(this.offset, v >>> 0, true);
    this.offset += 4;
    return this;
  }

  f32(v: number): this {
    this.view.setFloat32(this.offset, v, true);
    this.offset += 4;
    return this;
  }

  i16s(values: Int16Array): this {
    for (let i = 0; i < values.length; i++) this.view.setInt16(this.offset + 2 * i, values[i], true);
    this.offset += 2 * values.length;
    return this;
  }

  raw(bytes: Uint8Array): this {
    this.bytes.set(bytes, this.offset);
    this.offset += bytes.length;
    return this;
  }

  /** Appends the CRC; the payload must be exactly as long as declared. */
  finish(): Uint8Array {
    const end = this.bytes.length - CRC_SIZE;
    if (this.offset !== end) {
      throw encodeError(
        `frame payload: wrote ${this.offset - HEADER_SIZE} of ${end - HEADER_SIZE} declared bytes.`,
      );
    }
    this.view.setUint16(end, crc16(this.bytes, 2, end), true);
    return this.bytes;
  }
}

export function encodeError(message: string): StudioError {
  return new StudioError('protocol-encode', message);
}

export function checkByteRange(what: string, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max)
    throw encodeError(`${what} must be an integer in ${min}…${max}, got ${v}.`);
}
