/**
 * The numbers of one data-forwarder line, read straight from its bytes (no string per line or per token).
 *
 * Grammar (docs/protocol.md, "Data-forwarder lines"): values are decimal numbers ([+-], digits with an optional
 * "." and fraction — "1." and ".5" too — and an optional exponent e±digits);
 * between two values there is a comma (spaces or TABs around it allowed) or a run of spaces/TABs; spaces and TABs
 * at either end and ONE trailing comma are ignored; an empty field (",," or a leading comma) makes the line
 * malformed, as does any other token — a trailing comma is never counted as a value. A trailing "\r" is trimmed.
 */
import { fitsFloat32 } from '../formats/numberText';

export const MAX_LINE_VALUES = 64;
/** parseLineValues' answer for a line that is not a list of numbers. */
export const MALFORMED = -1;

const TAB = 0x09;
const CR = 0x0d;
const SPACE = 0x20;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
/** Tokens longer than this are not numbers a sensor prints. */
const MAX_TOKEN = 64;

/** Exact powers of ten: a ≤ 15-digit integer times or divided by one of these is correctly rounded. */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

const isDigit = (c: number) => c >= ZERO && c <= NINE;

/** The value of bytes[start, end) as a strict decimal number, or NaN. */
export function parseNumberToken(b: Uint8Array, start: number, end: number): number {
  if (end - start > MAX_TOKEN) return NaN;
  let i = start;
  const negative = b[i] === MINUS;
  if (negative || b[i] === PLUS) i++;
  let mantissa = 0;
  let significant = 0;
  let digits = 0;
  let scale = 0;
  for (; i < end && isDigit(b[i]); i++, digits++) {
    if (mantissa > 0 || b[i] !== ZERO) significant++;
    mantissa = mantissa * 10 + (b[i] - ZERO);
  }
  if (i < end && b[i] === DOT) {
    for (i++; i < end && isDigit(b[i]); i++, digits++, scale--) {
      if (mantissa > 0 || b[i] !== ZERO) significant++;
      mantissa = mantissa * 10 + (b[i] - ZERO);
    }
  }
  if (digits === 0) return NaN;
  if (i < end && (b[i] === LOWER_E || b[i] === UPPER_E)) {
    i++;
    const negativeExp = b[i] === MINUS;
    if (negativeExp || b[i] === PLUS) i++;
    let exp = 0;
    const expStart = i;
    for (; i < end && isDigit(b[i]); i++) exp = Math.min(exp * 10 + (b[i] - ZERO), 100_000);
    if (i === expStart) return NaN;
    scale += negativeExp ? -exp : exp;
  }
  if (i !== end) return NaN;
  let value: number;
  if (significant <= 15 && scale >= -22 && scale <= 22) {
    value = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
  } else {
    // Rare (long or extreme numbers): let the engine round the text exactly.
    value = Number(String.fromCharCode(...b.subarray(start, end)));
  }
  return negative ? -value : value;
}

/**
 * Writes the values of line bytes[start, end) (without its "\n") into `out` and returns how many there are:
 * 0 for a blank line, MALFORMED when it is not a list of numbers that fit a float32.
 */
export function parseLineValues(b: Uint8Array, start: number, end: number, out: Float64Array): number {
  let e = end;
  while (e > start && b[e - 1] === CR) e--;
  let i = start;
  let count = 0;
  let commaPending = false;
  for (;;) {
    while (i < e && (b[i] === SPACE || b[i] === TAB)) i++;
    if (i >= e) return count;
    if (b[i] === COMMA) {
      if (count === 0 || commaPending) return MALFORMED;
      commaPending = true;
      i++;
      continue;
    }
    let j = i;
    while (j < e && b[j] !== SPACE && b[j] !== TAB && b[j] !== COMMA) j++;
    if (count === MAX_LINE_VALUES) return MALFORMED;
    const v = parseNumberToken(b, i, j);
    if (!fitsFloat32(v)) return MALFORMED;
    out[count++] = v;
    commaPending = false;
    i = j;
  }
}
