import { formatError } from './formatErrors';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 text (a leading byte-order mark is dropped), or fails naming the file. */
export function decodeUtf8(fileName: string, bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch (e) {
    throw formatError('invalid-text', fileName, 'the file is not valid UTF-8 text', e);
  }
}
