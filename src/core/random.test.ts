import { describe, expect, it } from 'vitest';
import { seededRandom as protocolSeededRandom } from './protocol/testUtils/streams';
import { gaussian, seededRandom, shuffleInPlace } from './random';

function draw(rand: () => number, n: number): number[] {
  return Array.from({ length: n }, () => rand());
}

function meanAndStd(values: number[]): [number, number] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return [mean, Math.sqrt(variance)];
}

describe('seededRandom', () => {
  it('is mulberry32: the published first outputs for seed 1', () => {
    const words = draw(seededRandom(1), 3).map((v) => v * 2 ** 32);
    expect(words).toEqual([2693262067, 11749833, 2265367787]);
  });

  it('repeats a sequence for a seed, differs between seeds and stays in [0, 1)', () => {
    expect(draw(seededRandom(42), 100)).toEqual(draw(seededRandom(42), 100));
    expect(draw(seededRandom(42), 100)).not.toEqual(draw(seededRandom(43), 100));
    const values = draw(seededRandom(7), 100_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const [mean, std] = meanAndStd(values);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(std).toBeCloseTo(Math.sqrt(1 / 12), 2);
  });

  it('is the generator the protocol tests use', () => {
    expect(draw(protocolSeededRandom(2024), 20)).toEqual(draw(seededRandom(2024), 20));
  });
});

describe('gaussian', () => {
  it('has mean 0 and standard deviation 1', () => {
    const rand = seededRandom(3);
    const [mean, std] = meanAndStd(Array.from({ length: 100_000 }, () => gaussian(rand)));
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(std - 1)).toBeLessThan(0.01);
  });

  it('stays finite when the uniform source returns 0', () => {
    expect(Number.isFinite(gaussian(() => 0))).toBe(true);
  });
});

describe('shuffleInPlace', () => {
  it('permutes arrays and typed arrays in place, deterministically by seed', () => {
    const a = Array.from({ length: 50 }, (_, i) => i);
    const returned = shuffleInPlace(a, seededRandom(1));
    expect(returned).toBe(a);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(a).not.toEqual([...a].sort((x, y) => x - y));
    const typed = shuffleInPlace(
      Int32Array.from({ length: 50 }, (_, i) => i),
      seededRandom(1),
    );
    expect(Array.from(typed)).toEqual(a);
  });

  it('puts an element in each position about equally often', () => {
    const rand = seededRandom(5);
    const firstAt = [0, 0, 0, 0];
    for (let t = 0; t < 40_000; t++) firstAt[shuffleInPlace([0, 1, 2, 3], rand).indexOf(0)]++;
    for (const n of firstAt) expect(Math.abs(n / 40_000 - 0.25)).toBeLessThan(0.01);
  });
});
