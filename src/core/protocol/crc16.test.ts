import { describe, expect, it } from 'vitest';
import { crc16 } from './crc16';
import { ascii } from './testUtils/streams';

describe('crc16 (CRC-16/CCITT-FALSE)', () => {
  it('has the catalogue check value', () => {
    expect(crc16(ascii('123456789'))).toBe(0x29b1);
  });

  it('is the initial value for no bytes and can continue over pieces', () => {
    const bytes = ascii('The quick brown fox');
    expect(crc16(new Uint8Array(0))).toBe(0xffff);
    expect(crc16(bytes, 7, bytes.length, crc16(bytes, 0, 7))).toBe(crc16(bytes));
  });

  it('catches every single-bit error in a frame-sized buffer', () => {
    const bytes = Uint8Array.from({ length: 600 }, (_, i) => (i * 37 + 11) & 0xff);
    const good = crc16(bytes);
    for (let bit = 0; bit < bytes.length * 8; bit += 7) {
      bytes[bit >> 3] ^= 1 << (bit & 7);
      expect(crc16(bytes)).not.toBe(good);
      bytes[bit >> 3] ^= 1 << (bit & 7);
    }
  });
});
