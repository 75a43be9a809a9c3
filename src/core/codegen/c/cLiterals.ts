/** Number, array and comment text for generated C, exact for every int8, int32 and float32 value. */
import { StudioError } from '../../errors';

const INT32_MIN = -2147483648;
/** Generated lines stay within this many characters where they can. */
const LINE_WIDTH = 110;

/** An int32 literal; INT32_MIN is written as an expression, since 2147483648 alone is not an int. */
export function cInt(value: number): string {
  if (!Number.isInteger(value) || value < INT32_MIN || value > 2147483647) {
    throw new StudioError('codegen-bad-value', `${value} is not a 32-bit integer.`);
  }
  return value === INT32_MIN ? '(-2147483647 - 1)' : String(value);
}

/**
 * The shortest decimal float32 literal that a C compiler reads back as exactly `value` rounded to float32.
 * A candidate is checked by parsing it to a double; it must lie clearly inside `value`'s rounding
 * interval (not within a millionth of its half-gap from the edge), so that the compiler's direct decimal →
 * float rounding cannot differ from the decimal → double → float rounding that checks it.
 */
export function cFloat(value: number): string {
  const f = Math.fround(value);
  if (!Number.isFinite(f)) {
    throw new StudioError('codegen-non-finite', `${value} is not a finite float32 value.`);
  }
  if (f === 0) return Object.is(f, -0) ? '-0.0f' : '0.0f';
  for (let digits = 1; digits < 9; digits++) {
    const text = f.toPrecision(digits);
    const parsed = Number(text);
    const gap = Math.abs(neighbour(f, parsed > f) - f);
    if (Math.abs(parsed - f) < (gap / 2) * (1 - 1e-6)) return `${withPoint(text)}f`;
  }
  // 9 significant digits always identify a float32 (FLT_DECIMAL_DIG).
  return `${withPoint(f.toPrecision(9))}f`;
}

/**
 * The float32 next to f, above it or below it. Beyond ±FLT_MAX it is where the next float would be: IEEE
 * rounding overflows to infinity only half a gap past FLT_MAX.
 */
function neighbour(f: number, above: boolean): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, f);
  const awayFromZero = above === f > 0;
  view.setUint32(0, view.getUint32(0) + (awayFromZero ? 1 : -1));
  const next = view.getFloat32(0);
  return Number.isFinite(next) ? next : 2 * f - neighbour(f, !above);
}

/** "1.50000" → "1.5", "2" → "2.0", "1.00e-7" → "1.0e-7": a C floating literal with no trailing zeros. */
function withPoint(text: string): string {
  const [mantissa, exponent] = text.split('e');
  let m = mantissa.includes('.') ? mantissa.replace(/0+$/, '') : mantissa;
  if (m.endsWith('.')) m += '0';
  if (!m.includes('.')) m += '.0';
  return exponent === undefined ? m : `${m}e${exponent}`;
}

/** Comma-separated values, as many per line as fit in LINE_WIDTH, each line indented by `indent`. */
export function cArrayBody(
  values: ArrayLike<number>,
  format: (v: number) => string,
  indent = '    ',
): string {
  const items = Array.from(values, format);
  const width = items.reduce((w, item) => Math.max(w, item.length), 1) + 2;
  const perLine = Math.max(1, Math.floor((LINE_WIDTH - indent.length) / width));
  const lines: string[] = [];
  for (let start = 0; start < items.length; start += perLine) {
    lines.push(`${indent}${items.slice(start, start + perLine).join(', ')},`);
  }
  return lines.join('\n');
}

/** `name(arg, arg, ...);` wrapped after commas to stay within LINE_WIDTH, continuation lines aligned. */
export function cCall(indent: string, name: string, args: string[]): string {
  const open = `${indent}${name}(`;
  const lines: string[] = [];
  let line = open;
  args.forEach((arg, i) => {
    const piece = `${arg}${i === args.length - 1 ? ');' : ','}`;
    if (line.length > open.length && line.length + 1 + piece.length > LINE_WIDTH) {
      lines.push(line);
      line = `${' '.repeat(open.length)}${piece}`;
    } else {
      line += `${line.length > open.length ? ' ' : ''}${piece}`;
    }
  });
  lines.push(line);
  return lines.join('\n');
}

/** Text safe inside a C block comment: ASCII only, no comment terminator, at most `max` characters. */
export function commentText(text: string, max = 100): string {
  const ascii = text.replace(/[^\x20-\x7e]/g, '?').replace(/\*\//g, '* /');
  return ascii.length <= max ? ascii : `${ascii.slice(0, max - 3)}...`;
}

/** A valid C identifier prefix: letters, digits and underscores, not starting with a digit. */
export function checkCIdentifier(name: string, role: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new StudioError(
      'codegen-bad-identifier',
      `The ${role} "${name}" is not a C identifier (letters, digits and underscores, not starting with a digit).`,
    );
  }
}
