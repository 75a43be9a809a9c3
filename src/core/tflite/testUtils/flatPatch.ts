import { BUFFER, MODEL, OPERATOR, SUBGRAPH } from '../schema';

/**
 * Locates fields in a known-good flatbuffer so tests can patch real files or inspect written ones. No bounds
 * checks: these are only ever pointed at valid files.
 */
const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

export const uint32At = (b: Uint8Array, pos: number) => view(b).getUint32(pos, true);
export const int32At = (b: Uint8Array, pos: number) => view(b).getInt32(pos, true);

export const rootTable = (b: Uint8Array) => uint32At(b, 0);

/** Byte position of a field's value, or null when the table does not store it. */
export function fieldPosition(b: Uint8Array, table: number, slot: number): number | null {
  const vtable = table - int32At(b, table);
  const entry = 4 + 2 * slot;
  if (entry >= view(b).getUint16(vtable, true)) return null;
  const offset = view(b).getUint16(vtable + entry, true);
  return offset === 0 ? null : table + offset;
}

export function requiredField(b: Uint8Array, table: number, slot: number): number {
  const pos = fieldPosition(b, table, slot);
  if (pos === null) throw new Error(`field ${slot} of the table at ${table} is absent`);
  return pos;
}

/** Target of an offset field (a table, vector or string). */
export function followField(b: Uint8Array, table: number, slot: number): number {
  const pos = requiredField(b, table, slot);
  return pos + uint32At(b, pos);
}

/** Table `index` of a vector-of-tables field. */
export function tableInVector(b: Uint8Array, table: number, slot: number, index: number): number {
  const element = followField(b, table, slot) + 4 + 4 * index;
  return element + uint32At(b, element);
}

export const subgraph0 = (b: Uint8Array) => tableInVector(b, rootTable(b), MODEL.subgraphs, 0);
export const operatorCodeTable = (b: Uint8Array, i: number) =>
  tableInVector(b, rootTable(b), MODEL.operatorCodes, i);
export const tensorTable = (b: Uint8Array, i: number) => tableInVector(b, subgraph0(b), SUBGRAPH.tensors, i);
export const operatorTable = (b: Uint8Array, i: number) =>
  tableInVector(b, subgraph0(b), SUBGRAPH.operators, i);
export const optionsTable = (b: Uint8Array, op: number) =>
  followField(b, operatorTable(b, op), OPERATOR.options);

export const vectorLength = (b: Uint8Array, table: number, slot: number) =>
  uint32At(b, followField(b, table, slot));

/** File offset and length of each buffer's inline data (null when the buffer has none). */
export function buffers(b: Uint8Array): ({ start: number; length: number } | null)[] {
  const count = vectorLength(b, rootTable(b), MODEL.buffers);
  return Array.from({ length: count }, (_, i) => {
    const buffer = tableInVector(b, rootTable(b), MODEL.buffers, i);
    if (fieldPosition(b, buffer, BUFFER.data) === null) return null;
    const vector = followField(b, buffer, BUFFER.data);
    return { start: vector + 4, length: uint32At(b, vector) };
  });
}
