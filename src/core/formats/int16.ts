/** Conversion of arbitrary numbers to 16-bit PCM: round half away from zero, clip to the int16 range. */

export const INT16_MIN = -32768;
export const INT16_MAX = 32767;

/** NaN becomes 0 (silence); ±Infinity clips. */
export function toInt16(x: number): number {
  if (Number.isNaN(x)) return 0;
  const r = x < 0 ? -Math.round(-x) : Math.round(x);
  return r < INT16_MIN ? INT16_MIN : r > INT16_MAX ? INT16_MAX : r;
}

export function isOutsideInt16(x: number): boolean {
  return x < INT16_MIN - 0.5 || x >= INT16_MAX + 0.5;
}
