/**
 * The header of a NumPy `.npy` file, format version 1.0, for a float32 little-endian array in C order, written
 * by hand after the format's specification (NumPy Enhancement Proposal 1, "A simple file format for NumPy
 * arrays", and `numpy.lib.format`):
 *
 *   the magic string "\x93NUMPY", the version bytes 1 and 0, HEADER_LEN as a little-endian uint16, then
 *   HEADER_LEN bytes of ASCII: a Python dict literal with the keys 'descr', 'fortran_order' and 'shape',
 *   padded with spaces and ended by '\n' so that the data starts at a multiple of 64 bytes.
 *
 * The data follows the header: the values in C order (last axis fastest), 4 bytes each, little-endian.
 */
/** "\x93NUMPY" */
const MAGIC = Uint8Array.of(0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59);
const PREAMBLE_BYTES = MAGIC.length + 2 + 2;
const ALIGN = 64;
/** Version 1.0 stores HEADER_LEN in 16 bits. */
const MAX_HEADER_LEN = 0xffff;

/** A Python tuple literal: a one-element tuple needs its trailing comma. */
function pythonTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** The header bytes of a `.npy` file holding a float32 little-endian C-order array of `shape`. */
export function npyFloat32Header(shape: readonly number[]): Uint8Array {
  if (!shape.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    throw new RangeError(`an .npy shape takes whole numbers ≥ 0, got [${shape.join(', ')}]`);
  }
  const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': ${pythonTuple(shape)}, }`;
  const unpadded = PREAMBLE_BYTES + dict.length + 1;
  const headerLen = dict.length + 1 + ((ALIGN - (unpadded % ALIGN)) % ALIGN);
  if (headerLen > MAX_HEADER_LEN) throw new RangeError('the .npy header is too long for format 1.0');
  const bytes = new Uint8Array(PREAMBLE_BYTES + headerLen).fill(0x20);
  bytes.set(MAGIC, 0);
  bytes[6] = 1;
  bytes[7] = 0;
  bytes[8] = headerLen & 0xff;
  bytes[9] = headerLen >> 8;
  for (let i = 0; i < dict.length; i++) bytes[PREAMBLE_BYTES + i] = dict.charCodeAt(i);
  bytes[bytes.length - 1] = 0x0a;
  return bytes;
}
