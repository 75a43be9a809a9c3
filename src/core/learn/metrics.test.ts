import { describe, expect, it } from 'vitest';
import { classificationMetrics, confusionMatrix, regressionMetrics } from './metrics';

const UNCERTAIN = 3;

describe('confusionMatrix', () => {
  it('counts rows = actual, columns = predicted, with an uncertain column', () => {
    const actual = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2];
    const predicted = [0, 0, 1, UNCERTAIN, 1, 1, 0, 2, 2, 1];
    expect(confusionMatrix(actual, predicted, 3, UNCERTAIN)).toEqual([
      [2, 1, 0, 1],
      [1, 2, 0, 0],
      [0, 1, 2, 0],
    ]);
    expect(confusionMatrix(Int32Array.of(1, 0), Int32Array.of(1, 1), 2)).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it('rejects mismatched lengths, unknown classes and an uncertain index that is a class', () => {
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow(
      expect.objectContaining({ code: 'metrics-length' }),
    );
    expect(() => confusionMatrix([0, 2], [0, 1], 2)).toThrow(
      expect.objectContaining({ code: 'metrics-class' }),
    );
    expect(() => confusionMatrix([0], [UNCERTAIN], 3)).toThrow(
      expect.objectContaining({ code: 'metrics-class' }),
    );
    expect(() => confusionMatrix([0], [0], 3, 1)).toThrow(
      expect.objectContaining({ code: 'metrics-uncertain' }),
    );
  });
});

describe('classificationMetrics', () => {
  it('matches a hand-worked example (uncertain counts as wrong)', () => {
    const m = classificationMetrics(
      [
        [2, 1, 0, 1],
        [1, 2, 0, 0],
        [0, 1, 2, 0],
      ],
      ['idle', 'wave', 'circle'],
    );
    // 6 of 10 on the diagonal. idle: P = 2/3, R = 2/4, F1 = 4/7; wave: P = 2/4, R = 2/3, F1 = 4/7;
    // circle: P = 2/2, R = 2/3, F1 = 4/5; weighted F1 = (4/7·4 + 4/7·3 + 4/5·3) / 10 = 0.64.
    expect(m.accuracy).toBeCloseTo(0.6, 12);
    const expected = [
      { label: 'idle', precision: 2 / 3, recall: 1 / 2, f1: 4 / 7, support: 4 },
      { label: 'wave', precision: 1 / 2, recall: 2 / 3, f1: 4 / 7, support: 3 },
      { label: 'circle', precision: 1, recall: 2 / 3, f1: 4 / 5, support: 3 },
    ];
    m.perClass.forEach((c, i) => {
      expect(c.label).toBe(expected[i].label);
      expect(c.support).toBe(expected[i].support);
      expect(c.precision).toBeCloseTo(expected[i].precision, 12);
      expect(c.recall).toBeCloseTo(expected[i].recall, 12);
      expect(c.f1).toBeCloseTo(expected[i].f1, 12);
    });
    expect(m.weightedF1).toBeCloseTo(0.64, 12);
  });

  it('takes 0/0 as 0: a class never predicted and never present, and an empty matrix', () => {
    const m = classificationMetrics(
      [
        [3, 0],
        [0, 0],
      ],
      ['a', 'b'],
    );
    expect(m.accuracy).toBe(1);
    expect(m.perClass[1]).toEqual({ label: 'b', precision: 0, recall: 0, f1: 0, support: 0 });
    expect(m.weightedF1).toBe(1);
    const empty = classificationMetrics(confusionMatrix([], [], 2, 2), ['a', 'b']);
    expect(empty.accuracy).toBe(0);
    expect(empty.weightedF1).toBe(0);
  });

  it('scores a class that is only ever called uncertain as 0', () => {
    const m = classificationMetrics(confusionMatrix([0, 1, 1], [0, 2, 2], 2, 2), ['a', 'b']);
    expect(m.accuracy).toBeCloseTo(1 / 3, 12);
    expect(m.perClass[1]).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 2 });
  });

  it('rejects a matrix that does not fit the labels', () => {
    expect(() => classificationMetrics([[1, 0]], ['a', 'b'])).toThrow(
      expect.objectContaining({ code: 'metrics-matrix' }),
    );
  });
});

describe('regressionMetrics', () => {
  it('matches a hand-worked example', () => {
    // Errors 0.5, 0, −1, 1: SSres = 2.25; targets' mean 2.5, SStot = 5.
    const r = regressionMetrics([1, 2, 3, 4], Float32Array.of(1.5, 2, 2, 5));
    expect(r.mse).toBeCloseTo(0.5625, 12);
    expect(r.mae).toBeCloseTo(0.625, 12);
    expect(r.r2).toBeCloseTo(0.55, 12);
  });

  it('defines R² for constant targets and all figures for no windows', () => {
    expect(regressionMetrics([2, 2], [2, 2])).toEqual({ mse: 0, mae: 0, r2: 1 });
    expect(regressionMetrics([2, 2], [1, 2]).r2).toBe(0);
    expect(regressionMetrics([], [])).toEqual({ mse: 0, mae: 0, r2: 0 });
    expect(() => regressionMetrics([1], [])).toThrow(expect.objectContaining({ code: 'metrics-length' }));
  });
});
