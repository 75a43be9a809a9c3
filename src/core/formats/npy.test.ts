import { describe, expect, it } from 'vitest';
import { npyFloat32Header } from './npy';

const text = (bytes: Uint8Array) => String.fromCharCode(...bytes);

describe('npyFloat32Header', () => {
  it('writes the magic, version 1.0, HEADER_LEN and the dict, padded to 64 bytes and ended by a newline', () => {
    const header = npyFloat32Header([2397, 3960]);
    expect(header.length).toBe(128);
    expect(Array.from(header.subarray(0, 8))).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    expect(header[8] | (header[9] << 8)).toBe(128 - 10);
    const dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2397, 3960), }";
    expect(text(header.subarray(10))).toBe(dict.padEnd(128 - 10 - 1, ' ') + '\n');
  });

  it.each([
    [[5], '(5,)'],
    [[], '()'],
    [[0, 7], '(0, 7)'],
    [[2, 3, 4], '(2, 3, 4)'],
  ])('writes the shape %j as the Python tuple %s', (shape, tuple) => {
    const header = npyFloat32Header(shape);
    expect(header.length % 64).toBe(0);
    expect(text(header)).toContain(`'shape': ${tuple}, }`);
  });

  it('grows by 64 bytes when the dict does not fit', () => {
    // 10 bytes of preamble + 59 of dict for shape (1, 1) + '\n' = 70 → 128; five 13-digit axes: 139 → 192.
    expect(npyFloat32Header([1, 1]).length).toBe(128);
    expect(npyFloat32Header(Array(5).fill(1e12)).length).toBe(192);
  });

  it.each([[[-1]], [[1.5]], [[NaN]]])('refuses the shape %j', (shape) => {
    expect(() => npyFloat32Header(shape)).toThrow(/whole numbers ≥ 0/);
  });
});
