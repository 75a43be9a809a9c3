/**
 * Shortest decimal text that reads back as the same float32. Values stored as float32 would otherwise print
 * with the double's digits (0.1f → "0.10000000149011612"), which is exact but long.
 */
export function float32Text(x: number): string {
  const f = Math.fround(x);
  if (!Number.isFinite(f) || Number.isInteger(f)) return String(f);
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(f.toPrecision(digits));
    if (Math.fround(candidate) === f) return String(candidate);
  }
  // 9 significant digits always identify a float32 uniquely.
  return String(Number(f.toPrecision(9)));
}

/** The number whose text is float32Text(x): a plain double that JSON prints briefly and reads back exactly. */
export function float32Short(x: number): number {
  return Number(float32Text(x));
}

/** A strict decimal number (no hex, no empty string, no Infinity/NaN words). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseDecimal(text: string): number | null {
  const t = text.trim();
  if (!DECIMAL.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Whether a float32 can hold `x` without overflowing to ±Infinity (rounding to the nearest float32 is fine). */
export function fitsFloat32(x: number): boolean {
  return Number.isFinite(Math.fround(x));
}
