/**
 * Sampling rate of a line stream from coarse arrival times.
 *
 * USB delivers lines in bursts, so a line's arrival time is its print time plus up to a burst's worth of delay
 * plus event-loop jitter. We record one point per chunk — (lines received so far, arrival time) — and fit
 * arrival time = interval × line count + offset by least squares over a sliding window of up to 10 s. Regressing
 * time on count (not count on time) puts the noise where it is, in the times; the slope uses every line, so
 * there is no "n lines span n − 1 intervals" fencepost to get wrong.
 *
 * An estimate is given once the window spans at least 1 s and the fit's standard error is ≤ 0.25 % of the
 * interval, or once it spans 4 s whatever the noise.
 *
 * Snapping: the measured rate becomes a round rate (the nearest of SNAP_RATES, failing that the nearest whole
 * number) only when that rate lies within the fit's own uncertainty: SNAP_STANDARD_ERRORS standard errors, and
 * never more than MAX_SNAP_ERROR. Arrival noise is correlated (bursts, a busy event loop), so the textbook
 * standard error is optimistic: in simulated burst delivery the true rate was up to 2.5 of them away, hence 4.
 * Otherwise the rate is reported to 4 significant digits: 3 would throw away up to 0.5 % (101.4 → 101), the very
 * error snapping must not introduce, while the 4th digit (0.01–0.1 %) is about the fit's precision after a second
 * or two. Every recorded sample's interval comes from this number.
 * A pause of more than 2 s (or time running backwards) restarts the window.
 */

/**
 * Rates sketches commonly run at: sensor output data rates (LSM9DS1 14.9/59.5/119/238/476/952, LSM6DS
 * 12.5/26/52/104/208/416/833…, BMI270 1.6–1600), round loop rates and 16/32 ms loop intervals (62.5, 31.25).
 */
export const SNAP_RATES: readonly number[] = [
  0.625, 1, 1.25, 1.6, 2, 2.5, 3.125, 5, 6.25, 10, 12.5, 14.9, 20, 25, 26, 31.25, 40, 50, 52, 59.5, 62.5, 80,
  100, 104, 119, 125, 200, 208, 238, 250, 400, 416, 476, 500, 800, 833, 952, 1000, 1600, 1666, 2000, 3200,
  3333, 4000, 6664, 8000, 16000,
];
/** A round rate is taken for the measured one only within this many standard errors of the fit… */
export const SNAP_STANDARD_ERRORS = 4;
/** …and never further than this (relative). */
export const MAX_SNAP_ERROR = 0.003;
const REPORTED_DIGITS = 4;

const MIN_SPAN_MS = 1000;
const CONFIDENT_SPAN_MS = 4000;
const MAX_RELATIVE_ERROR = 0.0025;
const WINDOW_MS = 10_000;
const PAUSE_MS = 2000;
/** Points closer than this merge into the later one, so the fixed-size window always covers WINDOW_MS. */
const MERGE_MS = 10;
const CAPACITY = WINDOW_MS / MERGE_MS + 24;
/** The fit is redone at most this often (arrival time). */
const REFIT_MS = 250;

export interface RateEstimate {
  /** The rate to use: snapped to a round rate, or the measured one to 4 significant digits. */
  hz: number;
  /** The least-squares rate before snapping. */
  measuredHz: number;
  /** The fit's standard error relative to the interval: how precise `measuredHz` is. */
  relativeError: number;
}

/**
 * The nearest of SNAP_RATES within `relativeError` (capped at MAX_SNAP_ERROR) of `hz`, failing that the nearest
 * whole number within it, else null. Listed rates come first because above ~170 Hz some whole number is always
 * within 0.3 % and would just be the measurement again.
 */
export function snapRate(hz: number, relativeError: number): number | null {
  const tolerance = Math.min(relativeError, MAX_SNAP_ERROR);
  const within = (r: number) => r > 0 && Math.abs(hz - r) <= tolerance * r;
  let best: number | null = null;
  for (const r of SNAP_RATES)
    if (within(r) && (best === null || Math.abs(hz - r) < Math.abs(hz - best))) best = r;
  if (best !== null) return best;
  const whole = Math.round(hz);
  return within(whole) ? whole : null;
}

/** The rate to report for a measurement with the given relative standard error. */
export function reportedRate(measuredHz: number, relativeError: number): RateEstimate {
  const snapped = snapRate(measuredHz, SNAP_STANDARD_ERRORS * relativeError);
  return { hz: snapped ?? Number(measuredHz.toPrecision(REPORTED_DIGITS)), measuredHz, relativeError };
}

export class RateEstimator {
  private readonly lines = new Float64Array(CAPACITY);
  private readonly times = new Float64Array(CAPACITY);
  private head = 0;
  private size = 0;
  /** Arrival time of the first chunk merged into the newest point. */
  private pointOpenedAt = 0;
  private fittedAt = -Infinity;
  private last: RateEstimate | null = null;

  /** Records that `totalLines` lines had arrived by `atMs`. */
  add(totalLines: number, atMs: number): void {
    if (this.size > 0) {
      const lastTime = this.times[this.index(this.size - 1)];
      if (atMs < lastTime || atMs - lastTime > PAUSE_MS) this.reset();
    }
    if (this.size === 0 || atMs - this.pointOpenedAt >= MERGE_MS) {
      if (this.size === CAPACITY) this.dropOldest();
      this.size++;
      this.pointOpenedAt = atMs;
    }
    const i = this.index(this.size - 1);
    this.lines[i] = totalLines;
    this.times[i] = atMs;
    while (this.size > 2 && atMs - this.times[this.head] > WINDOW_MS) this.dropOldest();
  }

  /** The current estimate, or null while there is not enough evidence. */
  estimate(): RateEstimate | null {
    if (this.size < 3) return null;
    const newest = this.times[this.index(this.size - 1)];
    if (newest - this.times[this.head] < MIN_SPAN_MS) return null;
    if (newest - this.fittedAt < REFIT_MS) return this.last;
    this.fittedAt = newest;
    this.last = this.fit();
    return this.last;
  }

  reset(): void {
    this.head = 0;
    this.size = 0;
    this.fittedAt = -Infinity;
    this.last = null;
  }

  private fit(): RateEstimate | null {
    const n = this.size;
    const span = this.times[this.index(n - 1)] - this.times[this.head];
    let meanX = 0;
    let meanY = 0;
    for (let k = 0; k < n; k++) {
      const i = this.index(k);
      meanX += this.lines[i];
      meanY += this.times[i];
    }
    meanX /= n;
    meanY /= n;
    let sxx = 0;
    let sxy = 0;
    for (let k = 0; k < n; k++) {
      const i = this.index(k);
      const dx = this.lines[i] - meanX;
      sxx += dx * dx;
      sxy += dx * (this.times[i] - meanY);
    }
    if (sxx === 0 || sxy <= 0) return null;
    const interval = sxy / sxx;
    let residuals = 0;
    for (let k = 0; k < n; k++) {
      const i = this.index(k);
      const r = this.times[i] - meanY - interval * (this.lines[i] - meanX);
      residuals += r * r;
    }
    const relativeError = Math.sqrt(residuals / (n - 2) / sxx) / interval;
    if (relativeError > MAX_RELATIVE_ERROR && span < CONFIDENT_SPAN_MS) return null;
    return reportedRate(1000 / interval, relativeError);
  }

  private index(k: number): number {
    return (this.head + k) % CAPACITY;
  }

  private dropOldest(): void {
    this.head = (this.head + 1) % CAPACITY;
    this.size--;
  }
}
