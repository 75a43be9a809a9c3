import { describe, expect, it } from 'vitest';
import { preemphasis } from './preemphasis';

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
