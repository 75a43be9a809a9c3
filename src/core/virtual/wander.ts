import type { Random } from './random';

/**
 * A slowly and smoothly varying random value around 0 with a standard deviation of about 1: an
 * Ornstein–Uhlenbeck process (mean-reverting random walk, correlation time `tauS`) followed by a one-pole
 * low-pass. The low-pass matters: gyroscope readings are derived from orientation changes, and the raw
 * process is rough enough to turn into loud noise when differentiated.
 */
export class Wander {
  private raw: number;
  private smooth: number;

  constructor(
    private readonly rng: Random,
    private readonly tauS: number,
  ) {
    this.raw = rng.gaussian();
    this.smooth = this.raw;
  }

  get value(): number {
    return this.smooth;
  }

  step(dtS: number): number {
    const a = Math.min(1, dtS / this.tauS);
    this.raw += -this.raw * a + Math.sqrt(2 * a) * this.rng.gaussian();
    this.smooth += (this.raw - this.smooth) * Math.min(1, (4 * dtS) / this.tauS);
    return this.smooth;
  }
}
