import type { VirtualFirmware } from '../../core/virtual/virtualFirmware';
import type { PortLike } from '../serial/types';

const TICK_MS = 20;

/**
 * The virtual board as a serial port: its firmware's bytes arrive through a ReadableStream every 20 ms and
 * host commands leave through a WritableStream, exactly like a real port — so the virtual board is parsed,
 * counted and recorded by the same code as a Nano 33 BLE Sense.
 */
export class VirtualPort implements PortLike {
  readable: ReadableStream<Uint8Array> | null = null;
  writable: WritableStream<Uint8Array> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private controller: ReadableStreamDefaultController<Uint8Array> | null = null;

  constructor(readonly firmware: VirtualFirmware) {}

  getInfo(): SerialPortInfo {
    return {};
  }

  async open(_options: SerialOptions): Promise<void> {
    let last = performance.now();
    this.readable = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.controller = controller;
        this.timer = setInterval(() => {
          const now = performance.now();
          const bytes = this.firmware.produce(now - last);
          last = now;
          if (bytes.length > 0) controller.enqueue(bytes);
        }, TICK_MS);
      },
      cancel: () => this.stop(),
    });
    this.writable = new WritableStream<Uint8Array>({
      write: (chunk) => {
        this.firmware.receive(chunk);
        const reply = this.firmware.produce(0);
        if (reply.length > 0) this.controller?.enqueue(reply);
      },
    });
  }

  async close(): Promise<void> {
    this.stop();
    this.readable = null;
    this.writable = null;
  }

  /** Simulates pulling the USB cable: the read fails as it does for a real board. */
  unplug(): void {
    this.stop();
    this.controller?.error(new DOMException('The device has been lost.', 'NetworkError'));
    this.readable = null;
    this.writable = null;
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
