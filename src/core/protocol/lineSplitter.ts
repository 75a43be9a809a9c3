/**
 * Cuts a byte stream into "\n"-terminated lines. A line inside one chunk is handed over as a view of that chunk;
 * only a line split across chunks is copied, into a fixed buffer. The bytes before the first "\n" are dropped:
 * the port may have opened in the middle of a line. Lines longer than MAX_LINE bytes are reported as too long,
 * with their first MAX_LINE bytes, and never buffered further.
 */

export const MAX_LINE = 1024;
const NEWLINE = 0x0a;

export interface LineSink {
  /** A complete line bytes[start, end), without its "\n". The view is only valid during the call. */
  line(bytes: Uint8Array, start: number, end: number): void;
  /** A line longer than MAX_LINE; bytes[start, end) is its beginning. */
  overlong(bytes: Uint8Array, start: number, end: number): void;
}

export class LineSplitter {
  private readonly carry = new Uint8Array(MAX_LINE);
  private carried = 0;
  private overflow = false;
  private synced = false;

  push(chunk: Uint8Array, sink: LineSink): void {
    let pos = 0;
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, pos);
      if (nl < 0) {
        this.keep(chunk, pos, chunk.length);
        return;
      }
      if (!this.synced) {
        this.synced = true;
      } else if (this.carried === 0 && !this.overflow) {
        if (nl - pos > MAX_LINE) sink.overlong(chunk, pos, pos + MAX_LINE);
        else sink.line(chunk, pos, nl);
      } else {
        this.keep(chunk, pos, nl);
        if (this.overflow) sink.overlong(this.carry, 0, this.carried);
        else sink.line(this.carry, 0, this.carried);
      }
      this.carried = 0;
      this.overflow = false;
      pos = nl + 1;
    }
  }

  /** Bytes held of an unfinished line (at most MAX_LINE). */
  get bufferedBytes(): number {
    return this.carried;
  }

  /** Bytes of an unfinished line (after the first "\n"), for reporting a line cut off at the end of the stream. */
  takePartial(): Uint8Array | null {
    const partial = this.carried > 0 ? this.carry.slice(0, this.carried) : null;
    this.carried = 0;
    this.overflow = false;
    return partial;
  }

  reset(): void {
    this.carried = 0;
    this.overflow = false;
    this.synced = false;
  }

  private keep(chunk: Uint8Array, start: number, end: number): void {
    if (!this.synced || this.overflow) return;
    const n = Math.min(end - start, MAX_LINE - this.carried);
    this.carry.set(chunk.subarray(start, start + n), this.carried);
    this.carried += n;
    if (n < end - start) this.overflow = true;
  }
}
