import { describe, expect, it } from 'vitest';
import { paretoFront } from './pareto';

describe('paretoFront', () => {
  it('keeps the points no other is both more accurate and cheaper than', () => {
    const points = [
      { id: 'a', accuracy: 0.9, cost: 10 },
      { id: 'b', accuracy: 0.8, cost: 5 },
      { id: 'c', accuracy: 0.7, cost: 6 }, // b is better on both
      { id: 'd', accuracy: 0.95, cost: 30 },
      { id: 'e', accuracy: 0.9, cost: 12 }, // a is as accurate and cheaper
      { id: 'f', accuracy: 0.8, cost: 5 }, // equal to b: both stay
    ];
    expect([...paretoFront(points)].sort()).toEqual(['a', 'b', 'd', 'f']);
    expect(paretoFront([])).toEqual(new Set());
  });
});
