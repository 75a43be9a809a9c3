import { describe, expect, it } from 'vitest';
import { StudioError } from '../../core/errors';
import { PortConnection, type CloseReason } from './portConnection';
import type { PortLike } from './types';

/** A port like Chrome's: open() refuses while open; the test feeds bytes or fails the read like an unplug. */
class FakePort implements PortLike {
  readable: ReadableStream<Uint8Array> | null = null;
  writable: WritableStream<Uint8Array> | null = null;
  isOpen = false;
  log: string[] = [];
  private controller: ReadableStreamDefaultController<Uint8Array> | null = null;

  async open(): Promise<void> {
    if (this.isOpen) throw new DOMException('The port is already open.', 'InvalidStateError');
    this.isOpen = true;
    this.readable = new ReadableStream({ start: (c) => void (this.controller = c) });
    this.writable = new WritableStream();
  }

  async close(): Promise<void> {
    this.log.push('close');
    this.isOpen = false;
    this.readable = null;
    this.writable = null;
  }

  send(bytes: number[]): void {
    this.controller?.enqueue(Uint8Array.from(bytes));
  }

  unplug(): void {
    this.controller?.error(new DOMException('The device has been lost.', 'NetworkError'));
  }
}

function connect(port: FakePort) {
  const received: number[] = [];
  let resolveEnd: (r: { reason: CloseReason; error?: unknown }) => void = () => {};
  const ended = new Promise<{ reason: CloseReason; error?: unknown }>((r) => (resolveEnd = r));
  const connection = PortConnection.open(port, {
    onBytes: (chunk) => received.push(...chunk),
    onEnd: (reason, error) => {
      port.log.push(`end:${reason}`);
      resolveEnd({ reason, error });
    },
  });
  return { connection, received, ended };
}

describe('PortConnection', () => {
  it('closes the port after a fatal read error, before reporting the end, so a reconnect can open it again', async () => {
    const port = new FakePort();
    const first = connect(port);
    await first.connection;
    port.send([1, 2, 3]);
    port.unplug();
    const end = await first.ended;
    expect(end.reason).toBe('disconnected');
    expect((end.error as DOMException).name).toBe('NetworkError');
    expect(first.received).toEqual([1, 2, 3]);
    expect(port.log).toEqual(['close', 'end:disconnected']);

    const again = connect(port);
    await again.connection;
    port.send([4]);
    await new Promise((r) => setTimeout(r, 0));
    expect(again.received).toEqual([4]);
  });

  it('closes the port once when the user disconnects', async () => {
    const port = new FakePort();
    const { connection, ended } = connect(port);
    await (await connection).close();
    expect((await ended).reason).toBe('closed');
    expect(port.log.sort()).toEqual(['close', 'end:closed']);
  });

  it('says the port is busy when it is open already', async () => {
    const port = new FakePort();
    await connect(port).connection;
    const error = await connect(port).connection.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StudioError);
    expect((error as StudioError).code).toBe('serial-busy');
  });
});
