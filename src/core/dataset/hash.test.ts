import { describe, expect, it } from 'vitest';
import { fnv1a32, fnv1a32Bytes, hashHex } from './hash';

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('hashes a string as its UTF-8 bytes', () => {
    expect(fnv1a32('naïve ✓')).toBe(fnv1a32Bytes(new TextEncoder().encode('naïve ✓')));
  });

  it('formats as 8 hex digits', () => {
    expect(hashHex(0x0000abcd)).toBe('0000abcd');
    expect(hashHex(fnv1a32('foobar'))).toBe('bf9cf968');
  });
});
