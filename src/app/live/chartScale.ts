/** The live chart's y range, which does not jitter; tick steps and labels come from ../chart/ticks. */

export interface ValueRange {
  lo: number;
  hi: number;
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
