import { describe, expect, it } from 'vitest';
import { LoudnessLevels, quantisedLoudness } from './quantisedLoudness';

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('quantisedLoudness', () => {
  it('maps the noise floor to 0 and +12 dB to full scale, clamped at 255/256', () => {
    expect(quantisedLoudness(10 ** -5.2, -52)).toBe(0);
    expect(quantisedLoudness(0, -52)).toBe(0);
    // −20 dB is (−20 + 52) / 64 = 0.5 of the range: level 128.
    expect(quantisedLoudness(0.01, -52)).toBe(128 / 256);
    expect(quantisedLoudness(10 ** 1.2, -52)).toBe(255 / 256);
    expect(quantisedLoudness(1e6, -52)).toBe(255 / 256);
    // A zero energy counts as 1e-10 (−100 dB): above a floor of −120 dB.
    expect(quantisedLoudness(0, -120)).toBe(quantisedLoudness(1e-10, -120));
    expect(quantisedLoudness(0, -120)).toBeGreaterThan(0);
  });
});

describe('LoudnessLevels', () => {
  it('gives exactly quantisedLoudness for any energy and noise floor', () => {
    const rnd = random(11);
    for (const floor of [-52, -72.5, -20, 0, 11.5, -130, -400]) {
      const levels = new LoudnessLevels(floor);
      const energies = [0, 1e-300, 5e-324, 1e-30, 1e-10, Number.MAX_VALUE];
      for (let i = 0; i < 20000; i++) energies.push(10 ** (rnd() * 60 - 45) * (1 + rnd()));
      // Energies right at a level's boundary: the loudness of 0.25 dB steps, as computed from their dB.
      for (let j = 0; j < 300; j++) {
        const db = floor + ((j + 0.5) / 256) * (12 - floor);
        const e = 10 ** (db / 10);
        energies.push(e, e * (1 + 2 ** -52), e * (1 - 2 ** -52), e * (1 + 1e-12), e * (1 - 1e-12));
      }
      const wrong = energies.filter((e) => levels.level(e) !== quantisedLoudness(e, floor));
      expect(wrong, `noise floor ${floor} dB`).toEqual([]);
    }
  });
});
