/**
 * Frames per second over a sliding window of arrival times (ms), for the "measured rate" column. USB delivers
 * data in bursts, so nothing is reported until arrivals span at least a second.
 */
export class RateMeter {
  private readonly times: number[] = [];
  private readonly counts: number[] = [];

  constructor(
    private readonly windowMs = 3000,
    private readonly minSpanMs = 1000,
  ) {}

  add(frames: number, nowMs: number): void {
    this.times.push(nowMs);
    this.counts.push(frames);
    while (this.times.length > 1 && nowMs - this.times[0] > this.windowMs) {
      this.times.shift();
      this.counts.shift();
    }
  }

  /** Frames after the first arrival divided by the time they span. */
  rate(nowMs: number): number {
    if (this.times.length < 2 || nowMs - this.times[this.times.length - 1] > this.windowMs) return 0;
    const span = this.times[this.times.length - 1] - this.times[0];
    if (span < this.minSpanMs) return 0;
    let frames = 0;
    for (let i = 1; i < this.counts.length; i++) frames += this.counts[i];
    return (frames * 1000) / span;
  }
}
