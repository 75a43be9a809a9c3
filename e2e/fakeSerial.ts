import type { Page } from '@playwright/test';

/**
 * Installs a fake `navigator.serial` (Chromium headless has the API but real ports never resolve). Its one
 * port plays back bytes the test hands it, in random-sized slices at a real-time byte rate, records what the
 * page writes, and can be unplugged and plugged back in.
 */
export async function installFakeSerial(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Ctl = ReadableStreamDefaultController<Uint8Array>;
    const serial = new EventTarget() as EventTarget & Record<string, unknown>;
    const info = { usbVendorId: 0x2341, usbProductId: 0x805a };
    let controller: Ctl | null = null;
    let timer: ReturnType<typeof setInterval> | null = null;
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const written: number[][] = [];
    const port = Object.assign(new EventTarget(), {
      readable: null as ReadableStream<Uint8Array> | null,
      writable: null as WritableStream<Uint8Array> | null,
      getInfo: () => info,
      open: async () => {
        port.readable = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
        port.writable = new WritableStream<Uint8Array>({
          write: (chunk) => void written.push(Array.from(chunk)),
        });
      },
      close: async () => {
        if (timer) clearInterval(timer);
        port.readable = null;
        port.writable = null;
      },
    });
    const fire = (type: string) => {
      const e = new Event(type);
      Object.defineProperty(e, 'target', { value: port });
      serial.dispatchEvent(e);
    };
    serial.requestPort = async () => port;
    serial.getPorts = async () => [port];
    Object.defineProperty(navigator, 'serial', { value: serial, configurable: true });
    (window as unknown as Record<string, unknown>).__fakeSerial = {
      written,
      /**
       * Plays `base64` bytes every 10–40 ms, each delivery cut at random points. By default at a constant
       * `bytesPerSecond`; with `schedule` ([byte offset, ms] pairs, in order), each offset's bytes are not sent
       * before their time, as a board that prints a line at a given moment.
       */
      play(base64: string, bytesPerSecond: number, schedule?: [number, number][]) {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const started = performance.now();
        let at = 0;
        let next = 0;
        const due = (elapsed: number) => {
          if (!schedule) return Math.min(bytes.length, Math.floor((elapsed * bytesPerSecond) / 1000));
          while (next < schedule.length && schedule[next][1] <= elapsed) next++;
          return next === 0 ? 0 : schedule[next - 1][0];
        };
        if (timer) clearInterval(timer);
        timer = setInterval(
          () => {
            let n = due(performance.now() - started) - at;
            while (n > 0 && controller) {
              const cut = Math.max(1, Math.min(n, Math.floor(random() * n * 1.5) + 1));
              controller.enqueue(bytes.slice(at, at + cut));
              at += cut;
              n -= cut;
            }
            if (at >= bytes.length && timer) clearInterval(timer);
          },
          10 + Math.floor(random() * 30),
        );
      },
      unplug() {
        if (timer) clearInterval(timer);
        controller?.error(new DOMException('The device has been lost.', 'NetworkError'));
        port.readable = null;
        port.writable = null;
        fire('disconnect');
      },
      plugIn() {
        fire('connect');
      },
    };
  });
}

/** Plays a stream on the fake port: at `bytesPerSecond`, or byte offsets at their times (`schedule`). */
export async function play(
  page: Page,
  bytes: Uint8Array,
  bytesPerSecond: number,
  schedule?: [number, number][],
): Promise<void> {
  const base64 = Buffer.from(bytes).toString('base64');
  type Fake = { play: (b: string, r: number, s?: [number, number][]) => void };
  await page.evaluate(
    ([b, r, s]) => (window as unknown as { __fakeSerial: Fake }).__fakeSerial.play(b, r, s ?? undefined),
    [base64, bytesPerSecond, schedule ?? null] as const,
  );
}

export async function fakeSerial(page: Page, action: 'unplug' | 'plugIn'): Promise<void> {
  await page.evaluate(
    (a) => (window as unknown as { __fakeSerial: Record<string, () => void> }).__fakeSerial[a](),
    action,
  );
}
