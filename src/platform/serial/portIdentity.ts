import type { PortLike } from './types';

/**
 * Whether two port objects stand for the same port. Web Serial hands out one SerialPort object per port, but
 * web-serial-polyfill's getPorts() wraps each USB device in a new SerialPort on every call, so two wrappers are
 * the same port when they wrap the same USBDevice (the browser keeps one USBDevice object per device; the
 * polyfill holds it in `device_`).
 */
export function samePort(a: PortLike, b: PortLike): boolean {
  if (a === b) return true;
  const device = usbDevice(a);
  return device !== undefined && device === usbDevice(b);
}

function usbDevice(port: PortLike): unknown {
  return (port as { device_?: unknown }).device_;
}

/** The ports of `ports` that are none of `used`: granted boards not connected already. */
export function portsNotIn(ports: readonly PortLike[], used: readonly PortLike[]): PortLike[] {
  return ports.filter((p) => !used.some((u) => samePort(u, p)));
}
