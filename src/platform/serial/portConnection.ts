import { StudioError } from '../../core/errors';
import { openFailure } from './openFailure';
import type { PortLike } from './types';

export type CloseReason = 'closed' | 'disconnected';

export interface PortHandlers {
  onBytes: (chunk: Uint8Array, receivedAtMs: number) => void;
  /** Called once when reading stops: closed by us, or the device went away (unplugged, reset). */
  onEnd: (reason: CloseReason, error?: unknown) => void;
}

/** USB CDC ignores the baud rate; UART bridges on third-party boards commonly run at 115200. */
export const DEFAULT_BAUD_RATE = 115200;

const RECOVERABLE_READ_ERRORS = new Set(['BreakError', 'FramingError', 'ParityError', 'BufferOverrunError']);

/** An open port with its read loop. */
export class PortConnection {
  private reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  private closing = false;
  private ended = false;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly port: PortLike,
    private readonly handlers: PortHandlers,
  ) {}

  static async open(
    port: PortLike,
    handlers: PortHandlers,
    baudRate = DEFAULT_BAUD_RATE,
  ): Promise<PortConnection> {
    try {
      await port.open({ baudRate, bufferSize: 1 << 16 });
    } catch (e) {
      throw openFailure(e);
    }
    // The studio firmware streams only while DTR is set (as a terminal program sets it), and stops when it drops.
    await port.setSignals?.({ dataTerminalReady: true }).catch(() => undefined);
    const c = new PortConnection(port, handlers);
    void c.readLoop();
    return c;
  }

  /** Writes in call order: a stream has one writer at a time, so each write waits for the one before. */
  write(bytes: Uint8Array): Promise<void> {
    const next = this.writing.then(async () => {
      const writable = this.port.writable;
      if (!writable) throw new StudioError('serial-closed', 'The port is closed.');
      const writer = writable.getWriter();
      try {
        await writer.write(bytes);
      } finally {
        writer.releaseLock();
      }
    });
    this.writing = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    this.closing = true;
    try {
      await this.reader?.cancel();
    } catch {
      // The stream may already be errored by an unplug; closing the port below still releases it.
    }
    try {
      await this.port.close();
    } catch {
      // Closing a port whose device vanished throws; there is nothing left to release.
    }
    this.end('closed');
  }

  private async readLoop(): Promise<void> {
    let error: unknown;
    let streamEnded = false;
    // After a non-fatal error (parity, framing, break, overrun) the port offers a new readable stream.
    while (this.port.readable && !this.closing && !streamEnded) {
      this.reader = this.port.readable.getReader();
      try {
        for (;;) {
          const { value, done } = await this.reader.read();
          if (done) {
            streamEnded = true;
            break;
          }
          if (value && value.byteLength > 0) this.handlers.onBytes(value, performance.now());
        }
      } catch (e) {
        error = e;
        if (!(e instanceof DOMException && RECOVERABLE_READ_ERRORS.has(e.name))) break;
      } finally {
        this.reader.releaseLock();
        this.reader = null;
      }
    }
    // The port object stays open after the device went away; reconnecting opens the same object again, which
    // Chrome refuses while it is still open. close() releases it itself.
    if (!this.closing) {
      try {
        await this.port.close();
      } catch {
        // Nothing left to release.
      }
    }
    this.end(this.closing ? 'closed' : 'disconnected', error);
  }

  private end(reason: CloseReason, error?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.handlers.onEnd(reason, error);
  }
}
