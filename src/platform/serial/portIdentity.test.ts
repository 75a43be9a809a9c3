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
