import { StudioError } from '../../core/errors';

/**
 * web-serial-polyfill turns every WebUSB failure while opening into a plain
 * `Error('Error setting up device: ' + cause)`. The cause says the device is held elsewhere when the interface
 * cannot be claimed (another tab or app, or a system driver has it), access is denied, or another open or close
 * is still under way.
 */
const POLYFILL_SETUP = 'Error setting up device:';
const POLYFILL_BUSY = /Unable to claim interface|Access denied|InvalidStateError|in progress/i;

/** The error to show when `port.open()` failed with `e`, from Web Serial or from the WebUSB polyfill. */
export function openFailure(e: unknown): StudioError {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof DOMException && e.name === 'InvalidStateError') {
    return new StudioError(
      'serial-busy',
      'The port is already open — in another tab, another program (Arduino IDE serial monitor?) or this page. Close it there and try again.',
      { cause: e },
    );
  }
  if (message.startsWith(POLYFILL_SETUP) && POLYFILL_BUSY.test(message)) {
    return new StudioError(
      'serial-busy',
      'The board is in use — by another tab, another app (a serial monitor?) or this page. Close it there, or unplug the board and plug it back in, and try again.',
      { cause: e },
    );
  }
  return new StudioError('serial-open', `Could not open the port: ${message}`, { cause: e });
}
