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
 * interval, or once it spans 4 s whatever the noise. The bound is six times tighter than the snapping tolerance
 * because arrival noise is correlated (bursts, a busy event loop) and the formula underestimates the real error.
 * The measured rate is then snapped: to the nearest rate of SNAP_RATES within 1.5 %, otherwise rounded to 3
 * significant digits.
 * A pause of more than 2 s (or time running backwards) restarts the window.
 */

/** Sensor output data rates and round rates sketches use (LSM9DS1 119/238/476/952, LSM6DS 104/208/416/833…). */
export const SNAP_RATES: readonly number[] = [
  1, 2, 5, 10, 12.5, 20, 25, 26, 31.25, 40, 50, 52, 59.5, 62.5, 80, 100, 104, 119, 125, 200, 208, 238, 250,
  400, 416, 476, 500, 800, 833, 952, 1000, 1600, 1666, 2000, 3200, 3333, 4000, 6664, 8000, 16000,
];
export const SNAP_TOLERANCE = 0.015;

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
  /** The snapped rate. */
  hz: number;
  /** The least-squares rate before snapping. */
  measuredHz: number;
}

export function snapRate(hz: number): number {
  let best = 0;
  let bestError = Infinity;
  for (const r of SNAP_RATES) {
    const error = Math.abs(hz - r) / r;
    if (error <= SNAP_TOLERANCE && error < bestError) {
      best = r;
      bestError = error;
    }
  }
  return best > 0 ? best : Number(hz.toPrecision(3));
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
    const standardError = Math.sqrt(residuals / (n - 2) / sxx);
    if (standardError / interval > MAX_RELATIVE_ERROR && span < CONFIDENT_SPAN_MS) return null;
    const measuredHz = 1000 / interval;
    return { hz: snapRate(measuredHz), measuredHz };
  }

  private index(k: number): number {
    return (this.head + k) % CAPACITY;
  }

  private dropOldest(): void {
    this.head = (this.head + 1) % CAPACITY;
    this.size--;
  }
}
