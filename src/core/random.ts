/** Seeded randomness, so that training, augmentation, k-means and tests are reproducible. */

/**
 * mulberry32: a 32-bit generator with one word of state; uniform numbers in [0, 1). The same seed gives the
 * same sequence in Node, browsers and workers. Not for cryptography.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal number by the Box–Muller transform (draws two uniforms, keeps one of the pair). */
export function gaussian(rand: () => number): number {
  // 1 − u lies in (0, 1], so the logarithm is finite.
  const u = 1 - rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Fisher–Yates shuffle in place (arrays and typed arrays); returns the same array. */
export function shuffleInPlace<A extends { [index: number]: unknown; length: number }>(
  array: A,
  rand: () => number,
): A {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const held = array[i];
    array[i] = array[j];
    array[j] = held;
  }
  return array;
}
