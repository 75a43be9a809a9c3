/** Below 0.1 ms (a small dense net) a figure reads better in µs than as "0.0 ms". */
const show = (ms: number) => (ms < 0.1 ? `${Math.round(ms * 1000)} µs` : `${ms.toFixed(1)} ms`);

/**
 * A duration measured with a clock that ticks every `resolutionMs`: below one tick (or below 1 µs) the
 * measurement says only "less than that", so it is shown as "< 100 µs" rather than as a made-up "0 µs".
 */
export function formatDuration(ms: number, resolutionMs: number): string {
  const floor = Math.max(resolutionMs, 0.001);
  return ms < floor ? `< ${show(floor)}` : show(ms);
}

/**
 * The smallest step between distinct readings of `now`. Browsers coarsen `performance.now()` (Chromium to
 * 100 µs, 5 µs when the page is cross-origin isolated; others to as much as 1 ms), so a window classified
 * in a few µs often measures 0. Reads the clock until it has stepped `steps` times or `maxReads` reads.
 */
export function clockResolution(now: () => number, steps = 8, maxReads = 200_000): number {
  let last = now();
  let smallest = Infinity;
  for (let i = 0, seen = 0; i < maxReads && seen < steps; i++) {
    const t = now();
    if (t === last) continue;
    smallest = Math.min(smallest, t - last);
    last = t;
    seen++;
  }
  return Number.isFinite(smallest) ? smallest : 0;
}

let measured: number | null = null;

/** The page's clock resolution (the workers' is the same), measured once — a few ms at most. */
export function performanceClockResolution(): number {
  measured ??= clockResolution(() => performance.now());
  return measured;
}
