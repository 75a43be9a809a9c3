/**
 * Pre-emphasis y[n] = s·x[n] − c·s·x[n − shift] over a whole window (DESIGN.md §5). The reference uses
 * numpy.roll, so the shift is circular: the first `shift` outputs use the window's last samples, and a shift of
 * N or more wraps modulo N.
 */
export function preemphasis(
  input: ArrayLike<number>,
  coefficient: number,
  shift: number,
  scale: number,
  out: Float64Array,
): void {
  const n = input.length;
  if (n === 0) return;
  const s = shift % n;
  for (let i = 0; i < s; i++) out[i] = input[i] * scale - coefficient * (input[n - s + i] * scale);
  for (let i = s; i < n; i++) out[i] = input[i] * scale - coefficient * (input[i - s] * scale);
}

/**
 * Samples from … from + length − 1 of `preemphasis` applied to the window input[windowStart …
 * windowStart + windowLength − 1], written to out[0 …]: the same values, without filtering the whole window.
 */
export function preemphasisSpan(
  input: ArrayLike<number>,
  windowStart: number,
  windowLength: number,
  from: number,
  length: number,
  coefficient: number,
  shift: number,
  scale: number,
  out: Float64Array,
): void {
  const s = shift % windowLength;
  const wrapEnd = Math.min(from + length, s);
  let i = 0;
  for (let t = from; t < wrapEnd; t++, i++) {
    const x = input[windowStart + t];
    out[i] = x * scale - coefficient * (input[windowStart + windowLength - s + t] * scale);
  }
  const begin = windowStart + Math.max(from, s);
  const end = windowStart + from + length;
  if (s === 1 && begin < end) {
    // The default shift: each scaled sample is the next one's previous, so it is loaded and scaled once.
    let previous = input[begin - 1] * scale;
    for (let t = begin; t < end; t++, i++) {
      const x = input[t] * scale;
      out[i] = x - coefficient * previous;
      previous = x;
    }
    return;
  }
  if (scale === 1) {
    // x·1 is x exactly, so leaving the scaling out changes no value (MFCC reads raw int16 values).
    for (let t = begin; t < end; t++, i++) out[i] = input[t] - coefficient * input[t - s];
    return;
  }
  for (let t = begin; t < end; t++, i++) out[i] = input[t] * scale - coefficient * (input[t - s] * scale);
}
