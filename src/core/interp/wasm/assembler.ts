/**
 * A minimal WebAssembly binary encoder (WebAssembly Core Specification 2.0, §5 "Binary Format", with the
 * 128-bit SIMD instructions), just enough for the interpreter's int8 kernels: functions with i32 parameters
 * and no results, locals, structured loops and one imported memory. Instructions are emitted in stack order,
 * as in the text format; every loop is a do-while, so the caller guarantees at least one iteration.
 */

export type ValueType = 'i32' | 'i64' | 'v128';

const TYPE_CODE: Record<ValueType, number> = { i32: 0x7f, i64: 0x7e, v128: 0x7b };

/** Single-byte opcodes (spec §5.4). */
export const Op = {
  loop: 0x03,
  end: 0x0b,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  i32Load8U: 0x2d,
  i32Store8: 0x3a,
  i32Const: 0x41,
  i64Const: 0x42,
  i32LtS: 0x48,
  i32Add: 0x6a,
  i32Shl: 0x74,
} as const;

/** SIMD opcodes, each written as 0xFD followed by this number in LEB128 (spec §5.4.8). */
export const Simd = {
  v128Load: 0,
  v128Load8x8S: 1,
  v128Store: 11,
  v128Const: 12,
  i8x16Shuffle: 13,
  i32x4Splat: 17,
  i64x2Splat: 18,
  v128And: 78,
  v128Store32Lane: 90,
  v128Store64Lane: 91,
  i8x16NarrowI16x8S: 101,
  i16x8NarrowI32x4S: 133,
  i32x4Add: 174,
  i32x4Mul: 181,
  i32x4MinS: 182,
  i32x4MaxS: 184,
  i32x4DotI16x8S: 186,
  i32x4ExtmulLowI16x8S: 188,
  i32x4ExtmulHighI16x8S: 189,
  i64x2ShrS: 204,
  i64x2Add: 206,
  i64x2Mul: 213,
  i64x2ExtmulLowI32x4S: 220,
  i64x2ExtmulHighI32x4S: 221,
} as const;

export function unsignedLeb128(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    const low = rest % 128;
    rest = Math.floor(rest / 128);
    bytes.push(rest > 0 ? low | 0x80 : low);
  } while (rest > 0);
  return bytes;
}

/** Signed LEB128 of any safe integer (i64 constants up to 2^53 are enough here). */
export function signedLeb128(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  for (;;) {
    const low = ((rest % 128) + 128) % 128;
    rest = Math.floor(rest / 128);
    const signBitSet = (low & 0x40) !== 0;
    if ((rest === 0 && !signBitSet) || (rest === -1 && signBitSet)) {
      bytes.push(low);
      return bytes;
    }
    bytes.push(low | 0x80);
  }
}

function utf8Name(name: string): number[] {
  const bytes = Array.from(new TextEncoder().encode(name));
  return [...unsignedLeb128(bytes.length), ...bytes];
}

function vector(items: number[][]): number[] {
  return [...unsignedLeb128(items.length), ...items.flat()];
}

function section(id: number, content: number[]): number[] {
  return [id, ...unsignedLeb128(content.length), ...content];
}

/** The body of one exported function whose parameters are all i32 and which returns nothing. */
export class FunctionBuilder {
  private readonly code: number[] = [];
  private readonly localTypes: ValueType[] = [];

  constructor(
    readonly name: string,
    readonly paramCount: number,
  ) {}

  /** Declares a local; its index follows the parameters (0 … paramCount − 1). */
  local(type: ValueType): number {
    this.localTypes.push(type);
    return this.paramCount + this.localTypes.length - 1;
  }

  op(...opcodes: number[]): this {
    this.code.push(...opcodes);
    return this;
  }

  simd(opcode: number, ...immediates: number[]): this {
    this.code.push(0xfd, ...unsignedLeb128(opcode), ...immediates);
    return this;
  }

  get(local: number): this {
    return this.op(Op.localGet, ...unsignedLeb128(local));
  }

  set(local: number): this {
    return this.op(Op.localSet, ...unsignedLeb128(local));
  }

  tee(local: number): this {
    return this.op(Op.localTee, ...unsignedLeb128(local));
  }

  i32(value: number): this {
    return this.op(Op.i32Const, ...signedLeb128(value | 0));
  }

  i64(value: number): this {
    return this.op(Op.i64Const, ...signedLeb128(value));
  }

  /** A load or store with its memarg: log2 of the alignment, then a constant byte offset. */
  memory(opcode: number, alignLog2: number, offset = 0): this {
    return this.op(opcode, alignLog2, ...unsignedLeb128(offset));
  }

  simdMemory(opcode: number, alignLog2: number, offset = 0): this {
    return this.simd(opcode, alignLog2, ...unsignedLeb128(offset));
  }

  /** v128.const with all lanes zero. */
  v128Zero(): this {
    return this.simd(Simd.v128Const, ...new Array<number>(16).fill(0));
  }

  /** i8x16.shuffle of two i32x4 operands, lanes 0–3 from the first and 4–7 from the second. */
  shuffleI32(lanes: [number, number, number, number]): this {
    return this.simd(
      Simd.i8x16Shuffle,
      ...lanes.flatMap((lane) => [4 * lane, 4 * lane + 1, 4 * lane + 2, 4 * lane + 3]),
    );
  }

  /** local += step (i32). */
  increment(local: number, step: number): this {
    return this.get(local).i32(step).op(Op.i32Add).set(local);
  }

  /** local += other (i32). */
  advance(local: number, other: number): this {
    return this.get(local).get(other).op(Op.i32Add).set(local);
  }

  /**
   * do { body } while ((counter += step) < limit), comparing signed: the counter must start below the limit.
   * `limit` is a local.
   */
  doWhile(counter: number, step: number, limit: number, body: () => void): this {
    this.op(Op.loop, 0x40); // with an empty block type
    body();
    this.get(counter).i32(step).op(Op.i32Add).tee(counter).get(limit).op(Op.i32LtS, Op.brIf, 0);
    return this.op(Op.end);
  }

  encodeBody(): number[] {
    const groups: number[][] = [];
    for (const type of this.localTypes) {
      const last = groups[groups.length - 1];
      if (last !== undefined && last[1] === TYPE_CODE[type]) last[0] += 1;
      else groups.push([1, TYPE_CODE[type]]);
    }
    const body = [
      ...vector(groups.map(([count, code]) => [...unsignedLeb128(count), code])),
      ...this.code,
      Op.end,
    ];
    return [...unsignedLeb128(body.length), ...body];
  }
}

/** A module importing its memory as `env.memory` and exporting every function under its name. */
export function assembleModule(functions: FunctionBuilder[]): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [
    0x60,
    ...vector(new Array<number[]>(f.paramCount).fill([TYPE_CODE.i32])),
    0,
  ]);
  const memoryImport = [...utf8Name('env'), ...utf8Name('memory'), 0x02, 0x00, 0x01]; // memory, min 1 page
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...section(2, vector([memoryImport])),
    ...section(3, vector(functions.map((_, i) => unsignedLeb128(i)))),
    ...section(7, vector(functions.map((f, i) => [...utf8Name(f.name), 0x00, ...unsignedLeb128(i)]))),
    ...section(10, vector(functions.map((f) => f.encodeBody()))),
  ]);
}
