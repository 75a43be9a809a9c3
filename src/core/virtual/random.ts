/**
 * A small seeded pseudo-random generator (mulberry32: one 32-bit word of state). Synthetic signals only
 * need repeatability and decent statistics, not cryptographic quality. The same seed always gives the
 * same sequence, in Node, browsers and workers alike.
 */
export class Random {
  private state: number;
  private spareGaussian: number | null = null;

  constructor(seed: number) {
    // Scramble the seed first so that neighbouring seeds (1, 2, 3…) start far apart.
    this.state = scramble(Math.trunc(seed) >>> 0);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Standard normal (Box–Muller; the second value of each pair is kept for the next call). */
  gaussian(): number {
    if (this.spareGaussian !== null) {
      const g = this.spareGaussian;
      this.spareGaussian = null;
      return g;
    }
    const u = 1 - this.next(); // (0, 1]: log(u) is finite
    const r = Math.sqrt(-2 * Math.log(u));
    const a = 2 * Math.PI * this.next();
    this.spareGaussian = r * Math.sin(a);
    return r * Math.cos(a);
  }

  /** +1 or −1 with equal odds. */
  sign(): number {
    return this.next() < 0.5 ? -1 : 1;
  }

  /** An independent generator seeded from this one, so sub-models do not disturb each other's sequence. */
  fork(): Random {
    return new Random(Math.floor(this.next() * 4294967296));
  }
}

/** The 32-bit finaliser of MurmurHash3: every input bit affects every output bit. */
function scramble(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x | 0;
}
