/**
 * The part of a Web Serial port the studio uses. A real port, a WebUSB-polyfilled port, a test's fake port
 * and the virtual board all fit it, so they all go through the same byte-level path.
 */
export interface PortLike {
  readonly readable: ReadableStream<Uint8Array> | null;
  readonly writable: WritableStream<Uint8Array> | null;
  open(options: SerialOptions): Promise<void>;
  close(): Promise<void>;
  getInfo?(): SerialPortInfo;
  setSignals?(signals: SerialOutputSignals): Promise<void>;
}

export type SerialBackend = 'web-serial' | 'webusb' | 'none';

/** Access to the machine's serial ports, whichever browser API provides them. */
export interface SerialAccess {
  readonly backend: SerialBackend;
  /** Shows the browser's port picker; rejects with a StudioError when the user cancels. */
  requestPort(): Promise<PortLike>;
  /** Ports the user granted before (remembered by the browser across reloads). */
  getPorts(): Promise<PortLike[]>;
  /** A granted port was plugged in / unplugged. Returns an unsubscribe function. */
  onConnect(listener: (port: PortLike) => void): () => void;
  onDisconnect(listener: (port: PortLike) => void): () => void;
}

/** USB ids of the boards the studio knows, for the port picker's filter and for display. */
export const KNOWN_BOARDS: ReadonlyArray<{ usbVendorId: number; usbProductId?: number; name: string }> = [
  { usbVendorId: 0x2341, usbProductId: 0x805a, name: 'Arduino Nano 33 BLE Sense' },
  { usbVendorId: 0x2341, usbProductId: 0x005a, name: 'Arduino Nano 33 BLE Sense (bootloader)' },
  { usbVendorId: 0x2341, name: 'Arduino board' },
  { usbVendorId: 0x2e8a, name: 'Raspberry Pi RP2040/RP2350 board' },
  { usbVendorId: 0x239a, name: 'Adafruit board' },
  { usbVendorId: 0x1915, name: 'Nordic board' },
  { usbVendorId: 0x0483, name: 'STMicroelectronics board' },
  { usbVendorId: 0x10c4, name: 'USB–serial adapter (CP210x)' },
  { usbVendorId: 0x1a86, name: 'USB–serial adapter (CH340)' },
  { usbVendorId: 0x0403, name: 'USB–serial adapter (FTDI)' },
];

export function boardName(info: SerialPortInfo | undefined): string {
  if (!info?.usbVendorId) return 'Serial device';
  const exact = KNOWN_BOARDS.find(
    (b) => b.usbVendorId === info.usbVendorId && b.usbProductId === info.usbProductId,
  );
  const vendor = KNOWN_BOARDS.find((b) => b.usbVendorId === info.usbVendorId && b.usbProductId === undefined);
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return (
    (exact ?? vendor)?.name ?? `USB serial device ${hex(info.usbVendorId)}:${hex(info.usbProductId ?? 0)}`
  );
}

/** A stable key for "the same board" across plug-ins, to remember its settings. */
export function boardKey(info: SerialPortInfo | undefined): string {
  return info?.usbVendorId ? `usb:${info.usbVendorId}:${info.usbProductId ?? 0}` : 'serial:unknown';
}
