import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import { aggregateSample, createSmoother } from './aggregate';

const p = (...v: number[]) => Float32Array.from(v);

function expectClose(actual: Float32Array, expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, 6));
}

describe('aggregateSample', () => {
  it('labels each window and takes the majority of the confident ones', () => {
    const r = aggregateSample(
      [p(0.7, 0.2, 0.1), p(0.1, 0.1, 0.8), p(0.9, 0.05, 0.05), p(0.4, 0.3, 0.3)],
      0.6,
    );
    expect(r.windowPredictions).toEqual([0, 2, 0, 'uncertain']);
    expect(r.predicted).toBe(0);
    expectClose(r.meanProbs, [0.525, 0.1625, 0.3125]);
  });

  it('counts a top probability equal to the threshold as confident', () => {
    expect(aggregateSample([p(0.6, 0.4)], 0.6).windowPredictions).toEqual([0]);
    expect(aggregateSample([p(0.59, 0.41)], 0.6).windowPredictions).toEqual(['uncertain']);
  });

  it('breaks a tie of votes by the higher mean probability, then by the lower class', () => {
    expect(aggregateSample([p(0.95, 0.05), p(0.3, 0.7)], 0.6).predicted).toBe(0);
    expect(aggregateSample([p(0.65, 0.35), p(0.1, 0.9)], 0.6).predicted).toBe(1);
    // An uncertain window casts no vote but counts in the mean: here it tips the tie to class 1.
    expect(aggregateSample([p(0.75, 0.25), p(0.3, 0.7)], 0.6).predicted).toBe(0);
    expect(aggregateSample([p(0.75, 0.25), p(0.3, 0.7), p(0.41, 0.59)], 0.6).predicted).toBe(1);
    expect(aggregateSample([p(1, 0), p(0, 1)], 0.6).predicted).toBe(0);
  });

  it('is uncertain when every window is, or when there are no windows', () => {
    const r = aggregateSample([p(0.5, 0.5), p(0.55, 0.45)], 0.6);
    expect(r.predicted).toBe('uncertain');
    expect(r.windowPredictions).toEqual(['uncertain', 'uncertain']);
    expectClose(r.meanProbs, [0.525, 0.475]);
    expect(r.votes).toBe(0);
    expect(r.confidence).toBeCloseTo(0.55, 6);
    expect(aggregateSample([], 0.6)).toEqual({
      predicted: 'uncertain',
      windowPredictions: [],
      windowScores: [],
      votes: 0,
      confidence: 0,
      meanProbs: p(),
    });
  });

  it('scores a sample by the windows that decided it, so the score is at or above the threshold exactly when it has a label', () => {
    // Issue 15: a sample shown as "idle" at 0.47 while another at 0.55 was "uncertain". The old score was the mean
    // probability over every window, uncertain ones included (idle: (0.9 + 0.04) / 2 = 0.47).
    const labelled = aggregateSample([p(0.9, 0.06, 0.04), p(0.04, 0.5, 0.46)], 0.6);
    expect(labelled.predicted).toBe(0);
    expect(labelled.votes).toBe(1);
    expect(labelled.confidence).toBeCloseTo(0.9, 6);
    expect(labelled.windowScores.map((v) => Number(v.toFixed(2)))).toEqual([0.9, 0.5]);
    const uncertain = aggregateSample([p(0.55, 0.45, 0), p(0.5, 0.3, 0.2)], 0.6);
    expect(uncertain.predicted).toBe('uncertain');
    expect(uncertain.confidence).toBeCloseTo(0.55, 6);

    // The same rule on random softmax-like outputs and thresholds.
    const random = seededRandom(7);
    for (let trial = 0; trial < 500; trial++) {
      const classes = 2 + Math.floor(random() * 4);
      const windows = Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
        const raw = Array.from({ length: classes }, () => random() ** 3);
        const sum = raw.reduce((a, b) => a + b, 0);
        return Float32Array.from(raw, (v) => v / sum);
      });
      const threshold = Math.round(random() * 20) / 20;
      const v = aggregateSample(windows, threshold);
      expect(v.confidence >= threshold).toBe(v.predicted !== 'uncertain');
      const voted =
        v.predicted === 'uncertain' ? 0 : v.windowPredictions.filter((w) => w === v.predicted).length;
      expect(v.votes).toBe(voted);
    }
  });

  it('with threshold 0 every window votes', () => {
    expect(
      aggregateSample([p(0.34, 0.33, 0.33), p(0.3, 0.4, 0.3), p(0.3, 0.3, 0.4)], 0).windowPredictions,
    ).toEqual([0, 1, 2]);
  });

  it('rejects windows of different widths and a threshold outside [0, 1]', () => {
    expect(() => aggregateSample([p(1, 0), p(1)], 0.5)).toThrow(
      expect.objectContaining({ code: 'window-outputs' }),
    );
    expect(() => aggregateSample([p(1, 0)], 1.2)).toThrow(
      expect.objectContaining({ code: 'confidence-threshold' }),
    );
  });
});

describe('createSmoother', () => {
  it('averages what it has before N windows have arrived, then the last N', () => {
    const s = createSmoother({ windows: 3, threshold: 0.65 });
    expect(s.push(p(0.9, 0.1))).toEqual({ label: 0, smoothed: p(0.9, 0.1) });
    const second = s.push(p(0.1, 0.9));
    expect(second.label).toBe('uncertain');
    expectClose(second.smoothed, [0.5, 0.5]);
    const third = s.push(p(0.2, 0.8));
    expect(third.label).toBe('uncertain');
    expectClose(third.smoothed, [0.4, 0.6]);
    const fourth = s.push(p(0.0, 1.0));
    expectClose(fourth.smoothed, [0.1, 0.9]);
    expect(fourth.label).toBe(1);
  });

  it('passes results through with a single window', () => {
    const s = createSmoother({ windows: 1, threshold: 0.5 });
    expect(s.push(p(0.2, 0.8)).label).toBe(1);
    expect(s.push(p(0.8, 0.2)).label).toBe(0);
  });

  it('forgets on reset, and on a tie picks the lower class', () => {
    const s = createSmoother({ windows: 4, threshold: 0.5 });
    s.push(p(0, 1));
    s.push(p(0, 1));
    s.reset();
    expect(s.push(p(0.5, 0.5))).toEqual({ label: 0, smoothed: p(0.5, 0.5) });
  });

  it('rejects a change of width, a window count below 1 and a bad threshold', () => {
    const s = createSmoother({ windows: 2, threshold: 0.5 });
    s.push(p(1, 0));
    expect(() => s.push(p(1, 0, 0))).toThrow(expect.objectContaining({ code: 'window-outputs' }));
    expect(() => createSmoother({ windows: 0, threshold: 0.5 })).toThrow(
      expect.objectContaining({ code: 'smoothing-windows' }),
    );
    expect(() => createSmoother({ windows: 2, threshold: -1 })).toThrow(
      expect.objectContaining({ code: 'confidence-threshold' }),
    );
  });
});
