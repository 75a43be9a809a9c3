import { expect } from 'vitest';
import { FormatError } from '../../errors';

/** Runs `run` and checks it throws a FormatError with exactly this code and message. */
export function expectFormatError(run: () => unknown, code: string, message: string): void {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    expect({ code: (e as FormatError).code, message: (e as FormatError).message }).toEqual({ code, message });
    return;
  }
  throw new Error('expected a FormatError');
}
