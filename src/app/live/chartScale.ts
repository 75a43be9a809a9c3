/** Axis arithmetic for the live chart: "nice" tick steps, tick labels and a y range that does not jitter. */

export interface ValueRange {
  lo: number;
  hi: number;
}

/** The step of 1, 2 or 5 × 10^k that splits `span` into at most `maxTicks` intervals. */
export function niceStep(span: number, maxTicks: number): number {
  const raw = span / Math.max(1, maxTicks);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** Multiples of `step` within [lo, hi]. */
export function ticks(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  const first = Math.ceil(lo / step - 1e-9);
  // `+ 0` turns −0 into 0.
  for (let i = first; i * step <= hi + step * 1e-9; i++) out.push(i * step + 0);
  return out;
}

/** A tick value with just the decimals its step needs ("0.25", "-20000"), and no "-0". */
export function formatTick(value: number, step: number): string {
  let decimals = 0;
  while (decimals < 6 && Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) > 1e-6)
    decimals++;
  const text = value.toFixed(decimals);
  return Number(text) === 0 ? (0).toFixed(decimals) : text;
}

/** How far the range moves toward a smaller data range per redraw: zooming in is gradual, zooming out is not. */
const SHRINK = 0.1;
/** Headroom above and below the data, as a fraction of its span. */
const PAD = 0.08;

/**
 * The y range to draw next: it grows at once to show every value, and shrinks slowly when the signal gets
 * quieter, so the axis labels do not flicker with every batch.
 */
export function nextYRange(current: ValueRange | null, dataMin: number, dataMax: number): ValueRange {
  if (!(dataMin <= dataMax)) return current ?? { lo: -1, hi: 1 };
  const mid = (dataMin + dataMax) / 2;
  // A flat signal still gets a visible band, scaled to its magnitude.
  const span = Math.max(dataMax - dataMin, Math.abs(mid) * 0.02, 1e-3);
  const target = { lo: mid - span * (0.5 + PAD), hi: mid + span * (0.5 + PAD) };
  if (!current) return target;
  return {
    lo: target.lo < current.lo ? target.lo : current.lo + (target.lo - current.lo) * SHRINK,
    hi: target.hi > current.hi ? target.hi : current.hi + (target.hi - current.hi) * SHRINK,
  };
}
