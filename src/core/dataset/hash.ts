/**
 * FNV-1a, 32-bit (Fowler–Noll–Vo): a tiny, fast, well-known non-cryptographic hash. It is stable across
 * platforms and releases, which is what the deterministic train/test split and the project archive's
 * checksums need; it is not meant to resist deliberate collisions.
 */
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

const utf8 = new TextEncoder();

/** FNV-1a of a byte array, as an unsigned 32-bit integer. */
export function fnv1a32Bytes(bytes: Uint8Array): number {
  let h = FNV_OFFSET_BASIS;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** FNV-1a of a string's UTF-8 bytes, so it matches other implementations of the same name. */
export function fnv1a32(text: string): number {
  return fnv1a32Bytes(utf8.encode(text));
}

/** A 32-bit hash as 8 lower-case hex digits. */
export function hashHex(hash: number): string {
  return (hash >>> 0).toString(16).padStart(8, '0');
}
