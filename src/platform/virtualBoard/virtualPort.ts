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
  /** Bytes the firmware sent that the page has not been handed yet, oldest first. */
  private inFlight: Uint8Array[] = [];
  private delivery: ReturnType<typeof setTimeout> | null = null;

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
          if (bytes.length > 0) this.send(bytes);
        }, TICK_MS);
      },
      cancel: () => this.stop(),
    });
    this.writable = new WritableStream<Uint8Array>({
      write: (chunk) => {
        this.firmware.receive(chunk);
        const reply = this.firmware.produce(0);
        // The reply follows what was sent before it, at once: the page sees a command's effect right away.
        this.deliver();
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

  /**
   * Hands the bytes to the page in a task of their own, as a real port's reads arrive: synthesising the board's
   * 16 kHz audio and IMU and then parsing and recording them in one task made tasks of over 50 ms on a slow CPU.
   */
  private send(bytes: Uint8Array): void {
    this.inFlight.push(bytes);
    this.delivery ??= setTimeout(() => this.deliver(), 0);
  }

  private deliver(): void {
    if (this.delivery !== null) clearTimeout(this.delivery);
    this.delivery = null;
    const chunks = this.inFlight;
    this.inFlight = [];
    for (const bytes of chunks) this.controller?.enqueue(bytes);
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.delivery !== null) clearTimeout(this.delivery);
    this.delivery = null;
    this.inFlight = [];
  }
}
