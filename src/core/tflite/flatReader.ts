import * as flatbuffers from 'flatbuffers';

/** A located flatbuffer table: where it starts, its vtable, and the sizes both declare. */
export interface TableRef {
  pos: number;
  vtable: number;
  vtableSize: number;
  tableSize: number;
}

/** A located vector: the byte offset of its first element and its element count. */
export interface VectorRef {
  start: number;
  length: number;
}

/**
 * Bounds-checked flatbuffer access. The flatbuffers runtime's ByteBuffer reads past the end as zeros and trusts
 * every offset, so each read here is checked against the file first and a failure is reported through `fail`
 * (which names what was being read). Vector lengths are checked against the bytes that remain before anything is
 * allocated, and every table and vector visited is charged to a budget proportional to the file size, so tables
 * that point at one another many times over cannot make a small file cost quadratic time or memory.
 */
export class FlatReader {
  readonly size: number;
  private readonly bb: flatbuffers.ByteBuffer;
  private budget: number;

  constructor(
    readonly bytes: Uint8Array,
    readonly fail: (problem: string) => Error,
  ) {
    this.size = bytes.length;
    this.bb = new flatbuffers.ByteBuffer(bytes);
    this.budget = 4 * bytes.length + (1 << 20);
  }

  /** Counts `bytes` against the budget (also for data read outside the flatbuffer proper). */
  charge(bytes: number, what: string): void {
    this.budget -= bytes;
    if (this.budget < 0) throw this.fail(`${what} is referenced far more often than the file's size allows`);
  }

  require(pos: number, length: number, what: string): void {
    if (pos < 0 || length < 0 || pos + length > this.size) {
      throw this.fail(`${what} lies outside the file (bytes ${pos}..${pos + length} of ${this.size})`);
    }
  }

  uint32At(pos: number, what: string): number {
    this.require(pos, 4, what);
    return this.bb.readUint32(pos);
  }

  rootTable(): TableRef {
    return this.table(this.uint32At(0, 'the root offset'), 'the model table');
  }

  table(pos: number, what: string): TableRef {
    this.require(pos, 4, what);
    const vtable = pos - this.bb.readInt32(pos);
    this.require(vtable, 4, `the vtable of ${what}`);
    const vtableSize = this.bb.readUint16(vtable);
    const tableSize = this.bb.readUint16(vtable + 2);
    if (vtableSize < 4 || vtableSize % 2 !== 0 || tableSize < 4) {
      throw this.fail(`the vtable of ${what} declares impossible sizes (${vtableSize}, ${tableSize})`);
    }
    this.require(vtable, vtableSize, `the vtable of ${what}`);
    this.require(pos, tableSize, what);
    this.charge(tableSize, what);
    return { pos, vtable, vtableSize, tableSize };
  }

  /** Byte position of a present field, or null when the field is absent (or the table itself is). */
  private field(t: TableRef | null, slot: number, width: number, what: string): number | null {
    if (t === null) return null;
    const entry = 4 + 2 * slot;
    if (entry + 2 > t.vtableSize) return null;
    const offset = this.bb.readUint16(t.vtable + entry);
    if (offset === 0) return null;
    if (offset + width > t.tableSize) throw this.fail(`${what} lies outside its table`);
    return t.pos + offset;
  }

  int8(t: TableRef | null, slot: number, fallback: number, what: string): number {
    const p = this.field(t, slot, 1, what);
    return p === null ? fallback : this.bb.readInt8(p);
  }

  uint8(t: TableRef | null, slot: number, fallback: number, what: string): number {
    const p = this.field(t, slot, 1, what);
    return p === null ? fallback : this.bb.readUint8(p);
  }

  bool(t: TableRef | null, slot: number, what: string): boolean {
    return this.uint8(t, slot, 0, what) !== 0;
  }

  int32(t: TableRef | null, slot: number, fallback: number, what: string): number {
    const p = this.field(t, slot, 4, what);
    return p === null ? fallback : this.bb.readInt32(p);
  }

  uint32(t: TableRef | null, slot: number, fallback: number, what: string): number {
    const p = this.field(t, slot, 4, what);
    return p === null ? fallback : this.bb.readUint32(p);
  }

  uint64(t: TableRef | null, slot: number, what: string): bigint {
    const p = this.field(t, slot, 8, what);
    return p === null ? 0n : this.bb.readUint64(p);
  }

  float32(t: TableRef | null, slot: number, fallback: number, what: string): number {
    const p = this.field(t, slot, 4, what);
    return p === null ? fallback : this.bb.readFloat32(p);
  }

  /** Follows an offset field (relative to where it is stored) to its target, or null when absent. */
  private target(t: TableRef | null, slot: number, what: string): number | null {
    const p = this.field(t, slot, 4, what);
    if (p === null) return null;
    const target = p + this.bb.readUint32(p);
    this.require(target, 4, what);
    return target;
  }

  subTable(t: TableRef | null, slot: number, what: string): TableRef | null {
    const target = this.target(t, slot, what);
    return target === null ? null : this.table(target, what);
  }

  vector(t: TableRef | null, slot: number, elementSize: number, what: string): VectorRef | null {
    const target = this.target(t, slot, what);
    if (target === null) return null;
    const length = this.bb.readUint32(target);
    const start = target + 4;
    if (length * elementSize > this.size - start) {
      throw this.fail(`${what} claims ${length} entries, more than the file holds`);
    }
    this.charge(Math.max(1, length * elementSize), what);
    return { start, length };
  }

  int32Vector(t: TableRef | null, slot: number, what: string): number[] | null {
    const v = this.vector(t, slot, 4, what);
    return v === null ? null : Array.from({ length: v.length }, (_, i) => this.bb.readInt32(v.start + 4 * i));
  }

  float32Vector(t: TableRef | null, slot: number, what: string): number[] | null {
    const v = this.vector(t, slot, 4, what);
    return v === null
      ? null
      : Array.from({ length: v.length }, (_, i) => this.bb.readFloat32(v.start + 4 * i));
  }

  int64Vector(t: TableRef | null, slot: number, what: string): bigint[] | null {
    const v = this.vector(t, slot, 8, what);
    return v === null ? null : Array.from({ length: v.length }, (_, i) => this.bb.readInt64(v.start + 8 * i));
  }

  tableVector(t: TableRef | null, slot: number, what: string): TableRef[] {
    const v = this.vector(t, slot, 4, `the list of ${what}s`);
    if (v === null) return [];
    return Array.from({ length: v.length }, (_, i) => {
      const p = v.start + 4 * i;
      return this.table(p + this.bb.readUint32(p), `${what} ${i}`);
    });
  }

  bytesOf(v: VectorRef): Uint8Array {
    return this.bytes.subarray(v.start, v.start + v.length);
  }

  string(t: TableRef | null, slot: number, what: string): string | null {
    const v = this.vector(t, slot, 1, what);
    return v === null ? null : utf8.decode(this.bytesOf(v));
  }
}

const utf8 = new TextDecoder('utf-8');
