/**
 * One generated C source file, assembled by section: named settings (#define), constant tables (flash),
 * static buffers (RAM, counted for the simulator) and the routines of the steps, each added once. Every name
 * is added once (a second definition is a generator bug and throws), and only what a block uses is added, so
 * the file compiles with -Wall -Wextra -Werror as C and as C++.
 */
import { cFloat } from '../c/cLiterals';
import { cDouble, cList, cNote } from './cText';

export type CIntegerType = 'int8_t' | 'uint8_t' | 'int16_t' | 'uint16_t' | 'int32_t';

/** A static array of the generated code: its C name, element type and size. */
export interface CArray {
  name: string;
  type: 'float' | 'double' | CIntegerType;
  length: number;
  bytes: number;
  /** What it holds, as its comment in the C file says. */
  purpose: string;
}

const BYTES: Record<CArray['type'], number> = {
  float: 4,
  double: 8,
  int8_t: 1,
  uint8_t: 1,
  int16_t: 2,
  uint16_t: 2,
  int32_t: 4,
};

/** The smallest C integer type holding every value. */
function integerType(values: ArrayLike<number>): CIntegerType {
  let min = 0;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v)) throw new RangeError(`table value ${v} is not an integer`);
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (min >= 0 && max <= 0xff) return 'uint8_t';
  if (min >= -0x80 && max <= 0x7f) return 'int8_t';
  if (min >= 0 && max <= 0xffff) return 'uint16_t';
  if (min >= -0x8000 && max <= 0x7fff) return 'int16_t';
  return 'int32_t';
}

export class CUnit {
  private readonly settings: string[] = [];
  private readonly tableText: string[] = [];
  private readonly bufferText: string[] = [];
  private readonly routines: string[] = [];
  private readonly names = new Set<string>();
  readonly tables: CArray[] = [];
  readonly buffers: CArray[] = [];

  private claim(name: string): void {
    if (this.names.has(name)) throw new Error(`generated C defines ${name} twice`);
    this.names.add(name);
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  /** `#define NAME value` with its meaning as a comment; a number becomes an int literal, text stays as is. */
  define(name: string, value: number | string, meaning: string): void {
    this.claim(name);
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof value === 'number' && !Number.isInteger(value))
      throw new RangeError(`${name}: ${value} is not an integer (use defineFloat)`);
    const negative = typeof value === 'number' && value < 0;
    this.settings.push(cNote(meaning), `#define ${name} ${negative ? `(${text})` : text}`);
  }

  /** `#define NAME 0.98f`: a float32 setting (negative values in parentheses). */
  defineFloat(name: string, value: number, meaning: string): void {
    this.claim(name);
    const literal = cFloat(value);
    this.settings.push(
      cNote(meaning),
      `#define ${name} ${literal.startsWith('-') ? `(${literal})` : literal}`,
    );
  }

  /** `#define NAME 1e-15`: a double setting, for the steps kept in double precision. */
  defineDouble(name: string, value: number, meaning: string): void {
    this.claim(name);
    const literal = cDouble(value);
    this.settings.push(
      cNote(meaning),
      `#define ${name} ${literal.startsWith('-') ? `(${literal})` : literal}`,
    );
  }

  /**
   * A constant float32 table, rounded from `values` (tables the TypeScript DSP computes in float64 reach the
   * C code as their nearest float32). With `columns` it is a 2-D array of rows × columns.
   */
  floatTable(name: string, values: ArrayLike<number>, purpose: string, columns?: number): CArray {
    return this.table(name, 'float', Array.from(values, cFloat), purpose, columns);
  }

  /**
   * A constant float64 table, for the steps the C keeps in double precision because float32 cannot meet the
   * tolerance there (see where it is used). With `columns` it is a 2-D array.
   */
  doubleTable(name: string, values: ArrayLike<number>, purpose: string, columns?: number): CArray {
    return this.table(name, 'double', Array.from(values, cDouble), purpose, columns);
  }

  /** A constant integer table in the smallest type that holds its values. */
  intTable(name: string, values: ArrayLike<number>, purpose: string): CArray {
    return this.table(name, integerType(values), Array.from(values, String), purpose);
  }

  private table(
    name: string,
    type: CArray['type'],
    items: string[],
    purpose: string,
    columns?: number,
  ): CArray {
    this.claim(name);
    if (items.length === 0 || (columns !== undefined && items.length % columns !== 0))
      throw new RangeError(`${name}: ${items.length} values do not make rows of ${columns}`);
    let dims = `[${items.length}]`;
    let body = cList(items);
    if (columns !== undefined) {
      const rows = items.length / columns;
      dims = `[${rows}][${columns}]`;
      body = Array.from(
        { length: rows },
        (_, r) => `    {\n${cList(items.slice(r * columns, (r + 1) * columns), '        ')}\n    },`,
      ).join('\n');
    }
    this.tableText.push(cNote(purpose), `static const ${type} ${name}${dims} = {\n${body}\n};`);
    const array = { name, type, length: items.length, bytes: items.length * BYTES[type], purpose };
    this.tables.push(array);
    return array;
  }

  /** A static buffer of `length` values (RAM the block needs besides its input and output), float by default. */
  buffer(name: string, length: number, purpose: string, type: 'float' | 'double' = 'float'): CArray {
    this.claim(name);
    if (!Number.isInteger(length) || length < 1) throw new RangeError(`${name}: bad length ${length}`);
    this.bufferText.push(cNote(purpose), `static ${type} ${name}[${length}];`);
    const array = { name, type, length, bytes: length * BYTES[type], purpose };
    this.buffers.push(array);
    return array;
  }

  /** A routine (or type) under `name`, added once however many steps ask for it; `code` is complete C. */
  routine(name: string, code: string): void {
    if (this.names.has(name)) return;
    this.names.add(name);
    this.routines.push(code.trim());
  }

  get ramBytes(): number {
    return this.buffers.reduce((sum, b) => sum + b.bytes, 0);
  }

  get tableBytes(): number {
    return this.tables.reduce((sum, t) => sum + t.bytes, 0);
  }

  /** The sections in order: settings, tables, buffers, routines (each routine after the ones it calls). */
  render(): string {
    const section = (title: string, parts: string[]) =>
      parts.join('') ? [`/* ---- ${title} ---- */`, '', parts.join('\n'), ''].join('\n') : '';
    return [
      section('Settings', this.settings),
      section(`Constant tables (${this.tableBytes} bytes, in flash)`, this.tableText),
      section(`Buffers (${this.ramBytes} bytes of static RAM)`, this.bufferText),
      section('Steps', [this.routines.join('\n\n')]),
    ]
      .filter(Boolean)
      .join('\n');
  }
}
