/**
 * Every error the core raises is a StudioError: a stable machine-readable `code` for tests and UI logic,
 * and a message written for the user (it names the file or parameter and what is wrong with it).
 */
export class StudioError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StudioError';
    this.code = code;
  }
}

/** A file could not be imported; `fileName` is always part of the message. */
export class FormatError extends StudioError {
  readonly fileName: string;
  constructor(code: string, fileName: string, problem: string, options?: { cause?: unknown }) {
    super(code, `${fileName}: ${problem}`, options);
    this.name = 'FormatError';
    this.fileName = fileName;
  }
}

export function isStudioError(e: unknown): e is StudioError {
  return e instanceof StudioError;
}

/** Turns anything thrown into a message fit for a toast. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
