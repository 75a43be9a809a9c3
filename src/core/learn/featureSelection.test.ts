import { describe, expect, it } from 'vitest';
import { selectFeatures } from './featureSelection';

describe('selectFeatures', () => {
  it('picks features in the order given', () => {
    expect(Array.from(selectFeatures(Float32Array.of(10, 11, 12, 13), [3, 0, 3]))).toEqual([13, 10, 13]);
    expect(selectFeatures([1, 2], [])).toHaveLength(0);
  });

  it('rejects an index outside the row', () => {
    for (const i of [-1, 4, 1.5]) {
      expect(() => selectFeatures(new Float32Array(4), [i])).toThrow(
        expect.objectContaining({ code: 'feature-index' }),
      );
    }
  });
});
