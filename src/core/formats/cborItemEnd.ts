import { formatError } from './formatErrors';

/** Deeper nesting than any data acquisition file needs; also keeps cbor-x's recursive decoder off the stack limit. */
const MAX_DEPTH = 64;
/** Tag 55799 only marks "this is CBOR"; every other tag has semantics an acquisition file never uses. */
const SELF_DESCRIBED_TAG = 55799;
const INDEFINITE = -1;
const BREAK = 0xff;

/**
 * Offset just past the single CBOR data item that starts at byte 0 (RFC 8949 well-formedness only).
 * Edge Impulse's binary acquisition files put raw samples right after the CBOR object, so the parser needs
 * to know where the object ends. Runs in time linear in the input: every step consumes a byte or closes a
 * container, and declared lengths are checked against the bytes that remain before anything is counted.
 */
export function cborItemEnd(fileName: string, bytes: Uint8Array): number {
  const fail = (problem: string) => formatError('invalid-cbor', fileName, `not valid CBOR: ${problem}`);
  const unsupported = (problem: string) =>
    formatError('invalid-cbor', fileName, `unsupported CBOR: ${problem}`);
  const cutOff = () => fail(`the data ends in the middle of an item (${bytes.length} bytes)`);
  let pos = 0;

  /** The argument that follows an initial byte; NaN-free, may exceed 2^53 only as an approximate double. */
  const readArgument = (info: number, at: number): number => {
    if (info < 24) return info;
    const width = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (width === 0) throw fail(`byte ${at} uses reserved additional information ${info}`);
    if (pos + width > bytes.length) throw cutOff();
    let value = 0;
    for (let i = 0; i < width; i++) value = value * 256 + bytes[pos + i];
    pos += width;
    return value;
  };

  const skipBytes = (count: number) => {
    if (count > bytes.length - pos) throw cutOff();
    pos += count;
  };

  /** Items still to read in each open container (INDEFINITE: until a break byte). Starts with the top item. */
  const pending: number[] = [1];
  while (pending.length > 0) {
    const top = pending.length - 1;
    if (pending[top] === 0) {
      pending.pop();
      continue;
    }
    if (pos >= bytes.length) throw cutOff();
    const at = pos;
    const initial = bytes[pos++];
    if (initial === BREAK) {
      if (pending[top] !== INDEFINITE) throw fail(`unexpected break byte at ${at}`);
      pending.pop();
      continue;
    }
    if (pending[top] !== INDEFINITE) pending[top]--;
    const major = initial >> 5;
    const info = initial & 0x1f;

    if (info === 31) {
      if (major === 2 || major === 3) {
        // Well-formed, but cbor-x cannot decode them and no acquisition writer produces them.
        throw unsupported(`byte ${at} starts an indefinite-length string`);
      } else if (major === 4 || major === 5) {
        pending.push(INDEFINITE);
      } else {
        throw fail(`byte ${at} is not a valid initial byte`);
      }
    } else {
      const argument = readArgument(info, at);
      if (major === 2 || major === 3) {
        skipBytes(argument);
      } else if (major === 4 || major === 5) {
        const items = major === 4 ? argument : argument * 2;
        // Each item takes at least one byte.
        if (items > bytes.length - pos) throw cutOff();
        pending.push(items);
      } else if (major === 6) {
        if (argument !== SELF_DESCRIBED_TAG)
          throw unsupported(`tag ${argument} at byte ${at}; acquisition files use no tags`);
        pending.push(1);
      } else if (major === 7 && info === 24 && argument < 32) {
        throw fail(`byte ${at} encodes a simple value in two bytes that fits in one`);
      }
    }
    if (pending.length > MAX_DEPTH + 1) throw fail(`items nest more than ${MAX_DEPTH} levels deep`);
  }
  return pos;
}
