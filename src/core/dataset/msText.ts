/** A time in ms for messages: at most two decimals, no trailing zeros (62.5, 1200, 0.06). */
export function formatMs(ms: number): string {
  return String(Math.round(ms * 100) / 100);
}
