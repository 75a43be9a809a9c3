import { StudioError } from '../../core/errors';

/** DOMExceptions, and the plain objects with a `name` that older browsers rejected with. */
function errorName(e: unknown): string {
  return typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : '';
}

/** getUserMedia's DOMExceptions, turned into errors that tell the user what to do. */
export function microphoneOpenError(e: unknown): StudioError {
  switch (errorName(e)) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      return new StudioError(
        'mic-denied',
        'The studio may not use the microphone. Click the microphone (or lock) icon at the left of the address ' +
          'bar, set Microphone to "Allow" for this site and try again. If the browser itself is blocked, allow it ' +
          'in the system settings (macOS: System Settings → Privacy & Security → Microphone; Windows: Settings → ' +
          'Privacy → Microphone).',
        { cause: e },
      );
    case 'SecurityError':
      return new StudioError(
        'mic-denied',
        'This page may not use the microphone (a browser policy or an embedding page forbids it). Open the studio ' +
          'directly, over https:// or http://localhost.',
        { cause: e },
      );
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return new StudioError(
        'mic-missing',
        'No microphone was found. Plug one in (or switch the built-in one on), then try again.',
        { cause: e },
      );
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return new StudioError(
        'mic-busy',
        'The microphone could not be started: another application may be using it, or the device failed. ' +
          'Close other apps that record sound and try again.',
        { cause: e },
      );
    default:
      return new StudioError('mic-error', `Could not open the microphone: ${describe(e)}`, { cause: e });
  }
}

export function microphoneUnsupported(secureContext: boolean): StudioError {
  return new StudioError(
    'mic-unsupported',
    secureContext
      ? 'This browser cannot capture audio from a web page. Use a current Chrome, Edge, Firefox or Safari — or the virtual board.'
      : 'The microphone is only available to secure pages: open the studio over https:// or http://localhost.',
  );
}

export function microphoneRateError(actualHz: number | null, cause?: unknown): StudioError {
  return new StudioError(
    'mic-rate',
    actualHz === null
      ? 'This browser cannot resample the microphone to 16 kHz, which the studio records at. Try Chrome or Edge.'
      : `The browser runs audio at ${actualHz} Hz and refused 16 kHz, which the studio records at. Try Chrome or Edge.`,
    { cause },
  );
}

export function microphoneEnded(): StudioError {
  return new StudioError(
    'mic-ended',
    'The microphone stopped sending sound: it was unplugged, switched off, or its permission was withdrawn. ' +
      'Reconnect it and start again.',
  );
}

export function microphoneAborted(): StudioError {
  return new StudioError('mic-aborted', 'Opening the microphone was cancelled.');
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message || e.name : String(e);
}
