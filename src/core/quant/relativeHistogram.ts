/** Magnitudes below this count as zero; activations this small do not affect an int8 range. */
const SMALLEST_MAGNITUDE = 1e-12;
const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * A histogram of real values with logarithmic buckets (the DDSketch idea): bucket k of each sign holds the
 * magnitudes in (γ^(k−1), γ^k], so a quantile is returned within `relativeAccuracy` of a value in the
 * data's sorted order at that rank. It covers every float32 magnitude with a fixed number of buckets
 * (about 11,600 at 1 %), so memory does not grow with the number of values added.
 */
export class RelativeHistogram {
  private readonly lnGamma: number;
  private readonly gamma: number;
  private readonly lowestBucket: number;
  private readonly positive: Float64Array;
  private readonly negative: Float64Array;
  private zeros = 0;
  private total = 0;

  constructor(relativeAccuracy = 0.01) {
    this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.lnGamma = Math.log(this.gamma);
    this.lowestBucket = this.bucketOf(SMALLEST_MAGNITUDE);
    const buckets = this.bucketOf(FLOAT32_MAX) - this.lowestBucket + 1;
    this.positive = new Float64Array(buckets);
    this.negative = new Float64Array(buckets);
  }

  get count(): number {
    return this.total;
  }

  /** Adds every value; NaN is skipped. */
  add(values: ArrayLike<number>): void {
    const last = this.positive.length - 1;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) continue;
      const magnitude = Math.abs(v);
      this.total++;
      if (magnitude < SMALLEST_MAGNITUDE) {
        this.zeros++;
        continue;
      }
      const slot = Math.min(last, this.bucketOf(magnitude) - this.lowestBucket);
      if (v > 0) this.positive[slot]++;
      else this.negative[slot]++;
    }
  }

  /** The value at fraction `q` (0 to 1) of the sorted data, within the relative accuracy; NaN when empty. */
  quantile(q: number): number {
    if (this.total === 0) return NaN;
    const rank = Math.min(1, Math.max(0, q)) * (this.total - 1);
    let seen = 0;
    for (let slot = this.negative.length - 1; slot >= 0; slot--) {
      seen += this.negative[slot];
      if (seen > rank) return -this.representative(slot);
    }
    seen += this.zeros;
    if (seen > rank) return 0;
    const last = this.positive.length - 1;
    for (let slot = 0; slot < last; slot++) {
      seen += this.positive[slot];
      if (seen > rank) return this.representative(slot);
    }
    return this.representative(last);
  }

  private bucketOf(magnitude: number): number {
    return Math.ceil(Math.log(magnitude) / this.lnGamma);
  }

  /** 2γ^k / (γ + 1) lies within the relative accuracy of every magnitude in bucket k. */
  private representative(slot: number): number {
    return (2 * Math.exp((slot + this.lowestBucket) * this.lnGamma)) / (this.gamma + 1);
  }
}
