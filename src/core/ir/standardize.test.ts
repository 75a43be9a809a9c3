import { describe, expect, it } from 'vitest';
import {
  decodeStandardization,
  encodeStandardization,
  standardizationOf,
  standardizeInput,
} from './standardize';

describe('input standardisation', () => {
  const s = standardizationOf([1, -2, 300], [0.5, 0, 150]);

  it('keeps a zero standard deviation from dividing: the feature is only shifted', () => {
    expect([...s.std]).toEqual([0.5, 1, 150]);
  });

  it('is (x − mean) / std in float32, as two IEEE single operations', () => {
    const x = Float32Array.of(2, -1, 0.1);
    const out = standardizeInput({ standardization: s }, x);
    expect([...out]).toEqual([2, 1, Math.fround(Math.fround(Math.fround(0.1) - 300) / 150)]);
  });

  it('passes features through when the model has none, and names a feature count that does not match', () => {
    const x = Float32Array.of(1, 2);
    expect(standardizeInput({}, x)).toBe(x);
    expect(() => standardizeInput({ standardization: s }, x)).toThrow(/2 features .* trained on 3/);
  });

  it('round-trips through its metadata payload and refuses a payload of the wrong size or with std ≤ 0', () => {
    const bytes = encodeStandardization(s);
    expect(decodeStandardization(bytes, 3)).toEqual(s);
    expect(decodeStandardization(bytes, 4)).toMatch(/24 bytes; 4 input features need 32/);
    const bad = encodeStandardization({ mean: Float32Array.of(0), std: Float32Array.of(0) });
    expect(decodeStandardization(bad, 1)).toMatch(/not positive/);
  });
});
