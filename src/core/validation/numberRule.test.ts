import { describe, expect, it } from 'vitest';
import { describeRule, fieldProblems, numberProblem, obeys, problemList } from './numberRule';

describe('number rules', () => {
  const epochs = { label: 'Epochs', integer: true, min: 1, max: 1000 };

  it('accepts the bounds themselves and whole numbers between them', () => {
    for (const v of [1, 30, 1000]) expect(obeys(v, epochs)).toBe(true);
  });

  it('rejects out-of-range, fractional, empty (NaN) and infinite values with one message', () => {
    for (const v of [0, 1001, 5000, 2.5, NaN, Infinity, -1])
      expect(numberProblem(v, epochs)).toBe('Epochs must be a whole number from 1 to 1000.');
  });

  it('describes open and strict bounds with their unit', () => {
    expect(describeRule({ label: 'Window size', above: 0, max: 600_000, unit: 'ms' })).toBe(
      'a number above 0 and at most 600,000 ms',
    );
    expect(describeRule({ label: 'Tolerance', min: 0 })).toBe('a number of at least 0');
    expect(describeRule({ label: 'Learning rate', min: 0.00001, max: 1 })).toBe('a number from 0.00001 to 1');
    expect(describeRule({ label: 'x' })).toBe('a number');
    expect(obeys(0, { label: 'x', above: 0 })).toBe(false);
    expect(obeys(0.001, { label: 'x', above: 0 })).toBe(true);
  });

  it('reports only the fields that break their rule, keyed with the prefix', () => {
    const problems = fieldProblems(
      { a: 5, b: 50, c: 'text' },
      { a: { label: 'A', max: 10 }, b: { label: 'B', max: 10 } },
      'x.',
    );
    expect(problems).toEqual({ 'x.b': 'B must be a number at most 10.' });
    expect(problemList(problems)).toEqual(['B must be a number at most 10.']);
  });
});
