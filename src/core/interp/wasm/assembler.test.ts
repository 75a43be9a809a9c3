import { describe, expect, it } from 'vitest';
import { assembleModule, FunctionBuilder, Op, signedLeb128, unsignedLeb128 } from './assembler';

describe('LEB128 (WebAssembly spec §5.2.2)', () => {
  it('encodes unsigned values 7 bits at a time, low first', () => {
    expect(unsignedLeb128(0)).toEqual([0x00]);
    expect(unsignedLeb128(127)).toEqual([0x7f]);
    expect(unsignedLeb128(128)).toEqual([0x80, 0x01]);
    expect(unsignedLeb128(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(unsignedLeb128(2 ** 32 - 1)).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
  });

  it('encodes signed values until the sign bit of the last byte matches', () => {
    expect(signedLeb128(0)).toEqual([0x00]);
    expect(signedLeb128(63)).toEqual([0x3f]);
    expect(signedLeb128(64)).toEqual([0xc0, 0x00]);
    expect(signedLeb128(-1)).toEqual([0x7f]);
    expect(signedLeb128(-64)).toEqual([0x40]);
    expect(signedLeb128(-65)).toEqual([0xbf, 0x7f]);
    expect(signedLeb128(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(signedLeb128(-2147483648)).toEqual([0x80, 0x80, 0x80, 0x80, 0x78]);
    expect(signedLeb128(2 ** 40)).toEqual([0x80, 0x80, 0x80, 0x80, 0x80, 0x20]);
  });
});

describe('assembleModule', () => {
  it('builds a valid module whose do-while loop and memory accesses run as written', () => {
    // sum(n, out): memory[out] = 1 + 2 + … + n (n ≥ 1).
    const f = new FunctionBuilder('sum', 2);
    const [n, out] = [0, 1];
    const [i, total] = [f.local('i32'), f.local('i32')];
    f.i32(0).set(i).i32(0).set(total);
    f.doWhile(i, 1, n, () => f.get(total).get(i).op(Op.i32Add).i32(1).op(Op.i32Add).set(total));
    f.get(out).get(total).memory(0x36, 2); // i32.store
    const bytes = assembleModule([f]);
    expect(WebAssembly.validate(bytes)).toBe(true);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const { sum } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports as {
      sum: (n: number, out: number) => void;
    };
    sum(100, 64);
    expect(new Int32Array(memory.buffer)[16]).toBe(5050);
  });
});
