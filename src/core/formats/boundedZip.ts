import { FlateErrorCode, unzipSync, type UnzipFileInfo } from 'fflate';
import { FormatError } from '../errors';

/** Reading a user's zip defensively: bounded sizes and entry counts, damage reported as a FormatError. */

/** Upper bound on the inflated size of a whole archive. */
export const MAX_ARCHIVE_BYTES = 2 * 1024 ** 3;
/** Far above any real project, but stops a damaged entry count from looping for billions of entries. */
const MAX_ENTRIES = 1_000_000;
/** Deflate cannot expand data more than about 1032 : 1; a larger declared size is a damaged header. */
const MAX_DEFLATE_RATIO = 1032;

/** fflate errors raised while inflating or decoding one entry, as opposed to reading the zip's directory. */
const ENTRY_ERRORS = new Set<number>([
  FlateErrorCode.UnexpectedEOF,
  FlateErrorCode.InvalidBlockType,
  FlateErrorCode.InvalidLengthLiteral,
  FlateErrorCode.InvalidDistance,
  FlateErrorCode.UnknownCompressionMethod,
]);

export type Fail = (code: string, problem: string, cause?: unknown) => never;

/** A zip starts with a local file header, or is an empty archive (end-of-central-directory record only). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  return (bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6);
}

/**
 * unzipSync restricted to the entries `want` accepts, after checking every entry's declared sizes (and one
 * named entry's own limit). fflate
 * inflates into a buffer of exactly the declared size, so checking the declarations bounds the memory used.
 */
export function unzipBounded(
  bytes: Uint8Array,
  want: (f: UnzipFileInfo) => boolean,
  fail: Fail,
  entryLimit?: { name: string; bytes: number },
): Record<string, Uint8Array> {
  let entries = 0;
  let total = 0;
  let current = '';
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        entries++;
        total += f.originalSize;
        if (entries > MAX_ENTRIES) fail('archive-too-large', `has more than ${MAX_ENTRIES} entries`);
        if (total > MAX_ARCHIVE_BYTES) {
          fail(
            'archive-too-large',
            `unpacks to more than ${MAX_ARCHIVE_BYTES / 1024 ** 3} GiB, the most the studio accepts`,
          );
        }
        const inflatable =
          f.compression === 0 ? f.originalSize === f.size : f.originalSize <= f.size * MAX_DEFLATE_RATIO + 64;
        if (!inflatable) fail('corrupt-zip', `is damaged: entry ${f.name} declares an impossible size`);
        if (entryLimit && f.name === entryLimit.name && f.originalSize > entryLimit.bytes) {
          fail('archive-too-large', `${f.name} is larger than ${entryLimit.bytes / 1024 ** 2} MiB`);
        }
        const wanted = want(f);
        current = wanted ? f.name : '';
        return wanted;
      },
    });
  } catch (e) {
    if (e instanceof FormatError) throw e;
    const inEntry = current && ENTRY_ERRORS.has((e as { code?: number }).code ?? -1);
    const where = inEntry ? ` (entry ${current})` : '';
    return fail(
      'corrupt-zip',
      `is damaged and cannot be unpacked${where}: ${e instanceof Error ? e.message : String(e)}`,
      e,
    );
  }
}
