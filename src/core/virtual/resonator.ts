/**
 * A two-pole resonator (the building block of formant synthesisers such as Klatt's): a peak at `hz` with
 * bandwidth `bandwidthHz`, unity gain at 0 Hz. Retuning between samples is allowed and keeps its state, so
 * a formant can glide smoothly from one vowel to the next.
 */
export class Resonator {
  private a = 1;
  private b = 0;
  private c = 0;
  private y1 = 0;
  private y2 = 0;

  constructor(private readonly sampleRateHz: number) {}

  tune(hz: number, bandwidthHz: number): void {
    const t = 1 / this.sampleRateHz;
    this.c = -Math.exp(-2 * Math.PI * bandwidthHz * t);
    this.b = 2 * Math.exp(-Math.PI * bandwidthHz * t) * Math.cos(2 * Math.PI * hz * t);
    this.a = 1 - this.b - this.c;
  }

  process(x: number): number {
    const y = this.a * x + this.b * this.y1 + this.c * this.y2;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
}
