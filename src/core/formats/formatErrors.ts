import { FormatError } from '../errors';

/**
 * The codes a format parser or writer uses. The UI may branch on them; the message is for the user.
 * - empty-file: 0 bytes; unsupported-type: unknown extension
 * - invalid-text: not UTF-8; invalid-json / invalid-cbor: not parseable as such
 * - invalid-acquisition: JSON/CBOR parsed but not shaped like an Edge Impulse data acquisition file
 * - invalid-wav: not a RIFF/WAVE file or a broken one; unsupported-wav: a valid WAV we do not read
 * - truncated: the file ends before the data it declares (and too early to use what is there)
 * - invalid-csv: bad header, row or timestamp
 * - unsupported-export: the sample cannot be written in the requested format
 * - internal: a bug in the studio, reported per file so one file never breaks an import of many
 */
export type FormatErrorCode =
  | 'empty-file'
  | 'unsupported-type'
  | 'invalid-text'
  | 'invalid-json'
  | 'invalid-cbor'
  | 'invalid-acquisition'
  | 'invalid-wav'
  | 'unsupported-wav'
  | 'truncated'
  | 'invalid-csv'
  | 'unsupported-export'
  | 'internal';

export function formatError(
  code: FormatErrorCode,
  fileName: string,
  problem: string,
  cause?: unknown,
): FormatError {
  return new FormatError(code, fileName, problem, cause === undefined ? undefined : { cause });
}
