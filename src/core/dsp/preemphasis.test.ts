import { describe, expect, it } from 'vitest';
import { preemphasis, preemphasisSpan } from './preemphasis';

describe('preemphasis', () => {
  it('computes x[n] − c·x[n − shift], rolling the last samples in at the start (numpy.roll)', () => {
    const out = new Float64Array(5);
    preemphasis([1, 2, 3, 4, 5], 0.5, 1, 1, out);
    expect(Array.from(out)).toEqual([1 - 2.5, 2 - 0.5, 3 - 1, 4 - 1.5, 5 - 2]);
    preemphasis([1, 2, 3, 4, 5], 1, 2, 1, out);
    expect(Array.from(out)).toEqual([1 - 4, 2 - 5, 3 - 1, 4 - 2, 5 - 3]);
  });

  it('scales the input first and wraps a shift of the window length or more', () => {
    const out = new Float64Array(4);
    preemphasis([32768, -32768, 16384, 0], 0.98, 1, 1 / 32768, out);
    expect(Array.from(out)).toEqual([1, -1 - 0.98, 0.5 + 0.98, -0.49]);
    preemphasis([1, 2, 3, 4], 1, 5, 1, out);
    expect(Array.from(out)).toEqual([1 - 4, 2 - 1, 3 - 2, 4 - 3]);
    preemphasis([1, 2, 3, 4], 1, 4, 1, out);
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
  });
});

describe('preemphasisSpan', () => {
  it('gives any span of a window’s pre-emphasis without filtering the whole window', () => {
    const signal = Float64Array.from({ length: 40 }, (_, i) => Math.sin(i) * 1000 + i);
    for (const [start, length, shift] of [
      [0, 40, 1],
      [7, 20, 1],
      [5, 12, 3],
      [3, 10, 10],
      [3, 10, 23],
    ]) {
      const window = signal.slice(start, start + length);
      // 1/8 scales every sample; 1 is MFCC's raw int16 input.
      for (const scale of [1 / 8, 1]) {
        const whole = new Float64Array(length);
        preemphasis(window, 0.97, shift, scale, whole);
        for (let from = 0; from < length; from++)
          for (let count = 0; from + count <= length; count++) {
            const span = new Float64Array(count);
            preemphasisSpan(signal, start, length, from, count, 0.97, shift, scale, span);
            expect(Array.from(span)).toEqual(Array.from(whole.subarray(from, from + count)));
          }
      }
    }
  });
});
