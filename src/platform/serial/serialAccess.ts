import { serial as polyfill } from 'web-serial-polyfill';
import { StudioError } from '../../core/errors';
import type { PortLike, SerialAccess } from './types';

function isCancel(e: unknown): boolean {
  return e instanceof DOMException && (e.name === 'NotFoundError' || e.name === 'AbortError');
}

function cancelled(): StudioError {
  return new StudioError(
    'serial-cancelled',
    'No port was chosen. Plug the board in and pick it in the browser’s list.',
  );
}

/** Web Serial (desktop Chrome/Edge). */
function webSerial(serial: Serial): SerialAccess {
  return {
    backend: 'web-serial',
    requestPort: async () => {
      try {
        return await serial.requestPort();
      } catch (e) {
        throw isCancel(e)
          ? cancelled()
          : new StudioError('serial-error', `Could not open the port picker: ${String(e)}`);
      }
    },
    getPorts: () => serial.getPorts(),
    onConnect: (listener) => {
      const h = (e: Event) => listener(e.target as unknown as PortLike);
      serial.addEventListener('connect', h);
      return () => serial.removeEventListener('connect', h);
    },
    onDisconnect: (listener) => {
      const h = (e: Event) => listener(e.target as unknown as PortLike);
      serial.addEventListener('disconnect', h);
      return () => serial.removeEventListener('disconnect', h);
    },
  };
}

/**
 * WebUSB with web-serial-polyfill (CDC-ACM), for Android Chrome and Chromebooks without Web Serial.
 * The polyfill has no connect/disconnect events; navigator.usb's tell us, and the caller matches ports by
 * re-listing them.
 */
function webUsb(usb: USB): SerialAccess {
  return {
    backend: 'webusb',
    requestPort: async () => {
      try {
        return (await polyfill.requestPort()) as unknown as PortLike;
      } catch (e) {
        throw isCancel(e)
          ? cancelled()
          : new StudioError('serial-error', `Could not open the USB device picker: ${String(e)}`);
      }
    },
    getPorts: async () => (await polyfill.getPorts()) as unknown as PortLike[],
    onConnect: (listener) => {
      const h = async () => (await polyfill.getPorts()).forEach((p) => listener(p as unknown as PortLike));
      usb.addEventListener('connect', h);
      return () => usb.removeEventListener('connect', h);
    },
    onDisconnect: (listener) => {
      const h = () => listener(null as unknown as PortLike);
      usb.addEventListener('disconnect', h);
      return () => usb.removeEventListener('disconnect', h);
    },
  };
}

const unsupported: SerialAccess = {
  backend: 'none',
  requestPort: () =>
    Promise.reject(
      new StudioError(
        'serial-unsupported',
        'This browser can reach neither serial ports (Web Serial) nor USB devices (WebUSB). Use Chrome or Edge on a desktop, or Chrome on Android — or try the virtual board.',
      ),
    ),
  getPorts: async () => [],
  onConnect: () => () => {},
  onDisconnect: () => () => {},
};

/** The best serial access this browser offers. */
export function getSerialAccess(): SerialAccess {
  if (typeof navigator !== 'undefined' && 'serial' in navigator && navigator.serial)
    return webSerial(navigator.serial);
  if (typeof navigator !== 'undefined' && 'usb' in navigator && navigator.usb) return webUsb(navigator.usb);
  return unsupported;
}
