/**
 * MFE's last steps for one mel energy e (DESIGN.md §5): loudness scaling of e (0 → 1e-10) with the noise
 * floor, clipped to [0, 1], quantised to round(x·256) / 256 with 256 clamped to 255. `quantisedLoudness`
 * computes it; `LoudnessLevels` gives the same value by table lookup, because the 10·log10 of every energy
 * was a third of MFE's per-frame time (issue 16).
 *
 * Why a table can be exact: the result is one of 256 levels and does not decrease as e grows (log10, the
 * subtraction, the division by a positive constant and the rounding are monotone). So for every level j ≥ 1
 * there is a smallest double T_j whose result reaches j/256, found here by bisection over the bit patterns of
 * positive doubles (which are ordered as the values), and the level of e is the number of thresholds ≤ e.
 * Monotonicity of the computed function rests on Math.log10's error staying below an ulp, so the table
 * checks the 64 doubles on each side of every threshold against the direct computation and, should one
 * disagree, is not used (every value is then computed directly). The lookup takes e's exponent and 6 top
 * mantissa bits as a bucket (1/64 of an octave) holding the level of its lowest value, then steps over the
 * thresholds inside the bucket (usually none or one).
 */
import { BoundedCache } from './boundedCache';
import { noiseFloorScale, roundHalfEven } from './loudness';

/** The quantised, clipped loudness of a mel energy e ≥ 0, as the reference computes it. */
export function quantisedLoudness(e: number, noiseFloorDb: number): number {
  const x = noiseFloorScale(e === 0 ? 1e-10 : e, noiseFloorDb);
  const q = roundHalfEven((x < 0 ? 0 : x > 1 ? 1 : x) * 256);
  // The Python reference casts 256 to uint8, wrapping a full-scale value to 0: clamp instead.
  return (q > 255 ? 255 : q) / 256;
}

const LEVELS = 256;
/** Doubles checked on each side of every threshold. */
const CHECKED_NEIGHBOURS = 64;
/** Bits of a double's high word below the bucket: 20 mantissa bits − 6 kept. */
const BUCKET_SHIFT = 14;

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** Index of the high (sign, exponent) word of a double in `words`: 1 on little-endian platforms. */
const HIGH = new Uint32Array(new Float64Array([1]).buffer)[1] === 0x3ff00000 ? 1 : 0;
const LOW = 1 - HIGH;

function fromWords(high: number, low: number): number {
  words[HIGH] = high;
  words[LOW] = low;
  return bits[0];
}

/** The double after (step 1) or before (step −1) the positive double e. */
function adjacent(e: number, step: 1 | -1): number {
  bits[0] = e;
  const low = words[LOW] + step;
  if (low > 0xffffffff) return fromWords(words[HIGH] + 1, 0);
  if (low < 0) return fromWords(words[HIGH] - 1, 0xffffffff);
  words[LOW] = low;
  return bits[0];
}

/** Largest finite double: its high word; its low word is 0xffffffff. */
const MAX_HIGH = 0x7fefffff;

/**
 * Smallest positive finite double e with `level(e) ≥ target`, for a level that does not decrease on positive
 * doubles; +Infinity if none. Bisects the high word (on the largest double of each), then the low word.
 */
function threshold(level: (e: number) => number, target: number): number {
  if (level(Number.MAX_VALUE) < target) return Infinity;
  let lo = 0;
  let hi = MAX_HIGH;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (level(fromWords(mid, 0xffffffff)) >= target) hi = mid;
    else lo = mid + 1;
  }
  const high = lo;
  lo = high === 0 ? 1 : 0;
  hi = 0xffffffff;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (level(fromWords(high, mid)) >= target) hi = mid;
    else lo = mid + 1;
  }
  return fromWords(high, lo);
}

function bucketOf(e: number): number {
  bits[0] = e;
  return words[HIGH] >>> BUCKET_SHIFT;
}

export class LoudnessLevels {
  readonly noiseFloorDb: number;
  /** Thresholds T_1 … T_255 (index j − 1), non-decreasing; null when the table is not used. */
  private readonly thresholds: Float64Array | null;
  /** Level of the lowest double of each bucket from `firstBucket` on. */
  private readonly bucketLevel: Uint8Array;
  private readonly firstBucket: number;
  private readonly zeroLevel: number;

  constructor(noiseFloorDb: number) {
    this.noiseFloorDb = noiseFloorDb;
    this.zeroLevel = quantisedLoudness(0, noiseFloorDb);
    const level = (e: number) => quantisedLoudness(e, noiseFloorDb) * 256;
    const all = Float64Array.from({ length: LEVELS - 1 }, (_, j) => threshold(level, j + 1));
    // Every level is reached below Number.MAX_VALUE (its loudness is over 3000 dB), but stay general.
    const t = all.filter((v) => v < Infinity);
    this.firstBucket = t.length > 0 ? bucketOf(t[0]) : 0;
    const buckets = t.length > 0 ? bucketOf(t[t.length - 1]) - this.firstBucket + 1 : 0;
    this.bucketLevel = new Uint8Array(buckets);
    for (let b = 0, q = 0; b < buckets; b++) {
      const lowest = fromWords((this.firstBucket + b) << BUCKET_SHIFT, 0);
      while (q < t.length && t[q] <= lowest) q++;
      this.bucketLevel[b] = q;
    }
    // level() reads the table, so set it before checking it.
    this.thresholds = t;
    if (!this.agreesNearThresholds(t, level)) this.thresholds = null;
  }

  /** The value of quantisedLoudness(e, noiseFloorDb) for an energy e ≥ 0. */
  level(e: number): number {
    const t = this.thresholds;
    if (t === null) return quantisedLoudness(e, this.noiseFloorDb);
    if (e === 0) return this.zeroLevel;
    bits[0] = e;
    const b = (words[HIGH] >>> BUCKET_SHIFT) - this.firstBucket;
    if (b < 0) return 0;
    if (b >= this.bucketLevel.length) return t.length / 256;
    let q = this.bucketLevel[b];
    while (q < t.length && t[q] <= e) q++;
    return q / 256;
  }

  private agreesNearThresholds(t: Float64Array, level: (e: number) => number): boolean {
    for (const center of t) {
      if (!(center > 0 && center < Infinity)) continue;
      let below = center;
      let above = center;
      for (let k = 0; k < CHECKED_NEIGHBOURS; k++) {
        if (this.level(above) * 256 !== level(above)) return false;
        above = adjacent(above, 1);
        below = adjacent(below, -1);
        if (below > 0 && this.level(below) * 256 !== level(below)) return false;
      }
    }
    return true;
  }
}

const cache = new BoundedCache<LoudnessLevels>(8);

/** The LoudnessLevels of a noise floor, built once. */
export function getLoudnessLevels(noiseFloorDb: number): LoudnessLevels {
  return cache.get(String(noiseFloorDb), () => new LoudnessLevels(noiseFloorDb));
}
