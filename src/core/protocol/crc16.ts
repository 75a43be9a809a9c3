/**
 * CRC-16/CCITT-FALSE (a.k.a. CRC-16/IBM-3740): polynomial 0x1021, initial value 0xFFFF, no reflection, no final
 * XOR. Check value: crc16("123456789") = 0x29B1. Table-driven, one lookup per byte.
 */
const TABLE = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1;
    table[i] = crc & 0xffff;
  }
  return table;
}

/** CRC of bytes[start, end), continuing from `crc` (0xFFFF starts a new one). */
export function crc16(bytes: Uint8Array, start = 0, end = bytes.length, crc = 0xffff): number {
  let c = crc;
  for (let i = start; i < end; i++) c = ((c << 8) & 0xff00) ^ TABLE[((c >> 8) ^ bytes[i]) & 0xff];
  return c;
}
