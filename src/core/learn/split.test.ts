import { describe, expect, it } from 'vitest';
import { classWeights, validationSplit } from './split';

function labelsOf(counts: number[]): number[] {
  return counts.flatMap((n, c) => new Array<number>(n).fill(c));
}

function heldPerClass(labels: number[], valIdx: Int32Array, classes: number): number[] {
  const held = new Array<number>(classes).fill(0);
  valIdx.forEach((i) => held[labels[i]]++);
  return held;
}

describe('validationSplit', () => {
  it('holds out round(fraction × n) per class, at least one where a class has two rows, none of a single row', () => {
    const labels = labelsOf([10, 5, 2, 1, 40]);
    const { trainIdx, valIdx } = validationSplit(labels, 0.2, 3);
    expect(heldPerClass(labels, valIdx, 5)).toEqual([2, 1, 1, 0, 8]);
    expect(trainIdx.length + valIdx.length).toBe(labels.length);
    expect(new Set([...trainIdx, ...valIdx]).size).toBe(labels.length);
    expect(Array.from(trainIdx)).toEqual([...trainIdx].sort((a, b) => a - b));
    expect(Array.from(valIdx)).toEqual([...valIdx].sort((a, b) => a - b));
  });

  it('keeps at least one row of each class in training even for a large fraction', () => {
    const labels = labelsOf([10, 3, 2]);
    const { trainIdx, valIdx } = validationSplit(labels, 0.9, 1);
    expect(heldPerClass(labels, valIdx, 3)).toEqual([9, 2, 1]);
    expect(heldPerClass(labels, trainIdx, 3)).toEqual([1, 1, 1]);
  });

  it('holds out nothing for a fraction of 0', () => {
    const { trainIdx, valIdx } = validationSplit(labelsOf([4, 4]), 0, 1);
    expect(valIdx.length).toBe(0);
    expect(Array.from(trainIdx)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('is deterministic by seed and picks different rows for another seed', () => {
    const labels = Int32Array.from(labelsOf([30, 30, 30]));
    const a = validationSplit(labels, 0.25, 11);
    expect(validationSplit(labels, 0.25, 11)).toEqual(a);
    expect(validationSplit(labels, 0.25, 12).valIdx).not.toEqual(a.valIdx);
  });

  it('spreads the held-out rows over the class, not only its first rows', () => {
    const labels = labelsOf([100]);
    const { valIdx } = validationSplit(labels, 0.2, 5);
    expect(valIdx.length).toBe(20);
    expect(Math.max(...valIdx)).toBeGreaterThan(50);
  });

  it('rejects a fraction outside [0, 1)', () => {
    for (const f of [-0.1, 1, Number.NaN]) {
      expect(() => validationSplit([0, 1], f, 1)).toThrow(
        expect.objectContaining({ code: 'validation-split' }),
      );
    }
  });
});

describe('classWeights', () => {
  it('gives n / (k · count) over the classes present and 0 to absent ones', () => {
    // n = 4, k = 2 present classes: class 0 → 4 / (2·3), class 1 → 4 / (2·1).
    const w = classWeights([0, 0, 0, 1], 3);
    expect(w[0]).toBeCloseTo(2 / 3, 6);
    expect(w[1]).toBe(2);
    expect(w[2]).toBe(0);
    const labels = labelsOf([50, 10, 5]);
    const weights = classWeights(labels, 3);
    const perClassTotal = [50, 10, 5].map((n, c) => n * weights[c]);
    for (const t of perClassTotal) expect(t).toBeCloseTo(labels.length / 3, 4);
  });

  it('is 1 for every class when they are balanced, and rejects unknown classes', () => {
    expect(Array.from(classWeights([0, 1, 2, 0, 1, 2], 3))).toEqual([1, 1, 1]);
    expect(() => classWeights([0, 3], 3)).toThrow(expect.objectContaining({ code: 'class-weights' }));
  });
});
