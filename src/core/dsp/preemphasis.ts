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
