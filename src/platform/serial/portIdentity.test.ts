import { describe, expect, it } from 'vitest';
import { portsNotIn, samePort } from './portIdentity';
import type { PortLike } from './types';

function fakePort(device?: object): PortLike {
  return {
    readable: null,
    writable: null,
    open: async () => {},
    close: async () => {},
    getInfo: () => ({ usbVendorId: 0x2341, usbProductId: 0x805a }),
    ...(device ? { device_: device } : {}),
  } as PortLike;
}

describe('samePort', () => {
  it('matches polyfill wrappers of the same USB device, made by separate getPorts() calls', () => {
    const nano = {};
    expect(samePort(fakePort(nano), fakePort(nano))).toBe(true);
  });

  it('tells two identical boards apart by their device, not by their USB ids', () => {
    expect(samePort(fakePort({}), fakePort({}))).toBe(false);
  });

  it('matches a Web Serial port only with itself', () => {
    const port = fakePort();
    expect(samePort(port, port)).toBe(true);
    expect(samePort(fakePort(), fakePort())).toBe(false);
  });
});

describe('portsNotIn', () => {
  it('hides a connected WebUSB board from a fresh getPorts() list, keeping its identical twin', () => {
    const connected = {};
    const twin = {};
    const inUse = [fakePort(connected)];
    const listed = [fakePort(connected), fakePort(twin)];
    expect(portsNotIn(listed, inUse)).toEqual([listed[1]]);
  });
});

describe('with web-serial-polyfill itself', () => {
  /** A USB device as WebUSB describes a CDC-ACM board: a control interface (class 2), a data one (class 10). */
  function cdcAcmDevice(): USBDevice {
    const iface = (interfaceNumber: number, interfaceClass: number, endpoints: object[]) => ({
      interfaceNumber,
      alternates: [{ interfaceClass, endpoints }],
    });
    const configuration = {
      interfaces: [
        iface(0, 2, []),
        iface(1, 10, [
          { endpointNumber: 1, direction: 'in', packetSize: 64 },
          { endpointNumber: 2, direction: 'out', packetSize: 64 },
        ]),
      ],
    };
    return { configurations: [configuration], opened: false, vendorId: 0x2341, productId: 0x805a } as never;
  }

  it('recognises two of its port objects made for the same USB device as one port', async () => {
    const { SerialPort } = await import('web-serial-polyfill');
    const nano = cdcAcmDevice();
    const first = new SerialPort(nano) as unknown as PortLike;
    const second = new SerialPort(nano) as unknown as PortLike;
    expect(first).not.toBe(second);
    expect(samePort(first, second)).toBe(true);
    expect(samePort(first, new SerialPort(cdcAcmDevice()) as unknown as PortLike)).toBe(false);
  });
});
