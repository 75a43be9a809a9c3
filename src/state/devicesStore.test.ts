import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SerialAccess } from '../platform/serial/types';
import { useToasts } from './toastStore';

/**
 * A WebUSB board behind web-serial-polyfill: every getPorts() call wraps the same USB device in a new port
 * object, as the polyfill does. The settings store is an in-memory map.
 */
const fakes = vi.hoisted(() => {
  const settings = new Map<string, unknown>();
  const device = { productName: 'Nano' };
  const opened: string[] = [];
  const controllers: ReadableStreamDefaultController<Uint8Array>[] = [];
  const wrapper = (label: string) => ({
    device_: device,
    readable: null as ReadableStream<Uint8Array> | null,
    writable: null as WritableStream<Uint8Array> | null,
    getInfo: () => ({ usbVendorId: 0x2341, usbProductId: 0x805a }),
    async open() {
      opened.push(label);
      this.readable = new ReadableStream({ start: (c) => void controllers.push(c) });
      this.writable = new WritableStream();
    },
    async close() {
      this.readable = null;
      this.writable = null;
    },
  });
  let calls = 0;
  return {
    settings,
    opened,
    controllers,
    access: {
      backend: 'webusb',
      requestPort: async () => wrapper('picked'),
      getPorts: async () => [wrapper(`listed${++calls}`)],
      onConnect: () => () => {},
      onDisconnect: () => () => {},
    },
  };
});
vi.mock('../platform/serial/serialAccess', () => ({
  getSerialAccess: () => fakes.access as unknown as SerialAccess,
}));
vi.mock('./db', () => ({
  getDb: async () => ({
    getSetting: async (key: string) => fakes.settings.get(key),
    setSetting: async (key: string, value: unknown) => void fakes.settings.set(key, value),
  }),
}));

const { useDevices } = await import('./devicesStore');

const toasts = () => useToasts.getState().toasts;
const forwarderLines = (axes: number, lines: number) =>
  new TextEncoder().encode(
    Array.from({ length: lines }, () => Array(axes).fill('1.5').join(',') + '\r\n').join(''),
  );
const settle = () => new Promise((r) => setTimeout(r, 20));

beforeEach(async () => {
  useToasts.setState({ toasts: [] });
  await useDevices.getState().init();
});

afterEach(async () => {
  for (const s of useDevices.getState().sources) await useDevices.getState().disconnect(s.id);
});

describe('devices store with a WebUSB board', () => {
  it('does not offer a connected board under “allowed before”, nor open it twice', async () => {
    expect(useDevices.getState().granted).toHaveLength(1);
    await useDevices.getState().connectGranted(0);
    expect(fakes.opened).toHaveLength(1);
    expect(useDevices.getState().granted).toEqual([]);
    // A click on the list as it was before the refresh: the same device, wrapped anew.
    await useDevices.getState().connectSerial();
    expect(fakes.opened).toHaveLength(1);
    expect(toasts().at(-1)).toMatchObject({ kind: 'error' });
    expect(toasts().at(-1)!.message).toMatch(/already connected/);
  });

  it('reports axis names of a stale form as an error and saves nothing', async () => {
    await useDevices.getState().connectSerial();
    const id = useDevices.getState().sources[0].id;
    fakes.controllers.at(-1)!.enqueue(forwarderLines(6, 5));
    await settle();
    const three = ['x', 'y', 'z'].map((name) => ({ name, units: 'g' }));
    await useDevices.getState().setForwarderAxes(id, three);
    expect(toasts().at(-1)).toMatchObject({ kind: 'error' });
    expect(toasts().at(-1)!.message).toMatch(/now sends 6 values per line, not 3/);
    expect(fakes.settings.get('forwarderAxes')).toBeUndefined();
  });

  it('remembers a rate set by hand for this board and its axis count', async () => {
    await useDevices.getState().connectSerial();
    const id = useDevices.getState().sources[0].id;
    fakes.controllers.at(-1)!.enqueue(forwarderLines(3, 5));
    await settle();
    await useDevices.getState().setForwarderRate(id, 52.63);
    expect(fakes.settings.get('forwarderRates')).toEqual({ 'usb:9025:32858:3': 52.63 });
    const forwarder = useDevices.getState().sources[0].sensors[0];
    expect(forwarder).toMatchObject({ declaredHz: 52.63, rateSource: 'user' });
    await useDevices.getState().setForwarderRate(id, null);
    expect(fakes.settings.get('forwarderRates')).toEqual({});
  });

  it('says by name, once, that an unplugged board stopped streaming; a disconnect by the user says nothing', async () => {
    await useDevices.getState().connectSerial();
    fakes.controllers.at(-1)!.enqueue(forwarderLines(3, 5));
    await settle();
    fakes.controllers.at(-1)!.error(new DOMException('The device has been lost.', 'NetworkError'));
    await settle();
    const lost = toasts().filter((t) => t.message.includes('Its live stream stopped'));
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ kind: 'error' });
    expect(lost[0].message).toMatch(
      /^Arduino Nano 33 BLE Sense: The board was disconnected \(The device has been lost\)\./,
    );
    expect(lost[0].message).toContain('Plug it back in to reconnect it.');
    expect(useDevices.getState().sources[0].status).toBe('disconnected');

    useToasts.setState({ toasts: [] });
    await useDevices.getState().connectGranted(0);
    await useDevices.getState().disconnect(useDevices.getState().sources.at(-1)!.id);
    await settle();
    expect(toasts().filter((t) => t.message.includes('Its live stream stopped'))).toEqual([]);
  });
});
