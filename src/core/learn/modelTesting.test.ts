import { describe, expect, it } from 'vitest';
import { testModel, type TestSampleInput } from './modelTesting';
import type { TrainedModel } from './trainedModel';

/** testModel reads only these fields of the model; the runner stands in for the network. */
const model = {
  learn: { kind: 'classifier' },
  labels: ['idle', 'wave', 'circle'],
  createdAt: 1,
} as unknown as TrainedModel;

/** Each sample's windows are the outputs the fake network gives: a window's one feature is its output's index. */
const outputs: number[][] = [];
function sample(name: string, label: string, windows: number[][]): TestSampleInput {
  const rows = windows.map((w) => {
    outputs.push(w);
    return Float32Array.of(outputs.length - 1);
  });
  return { sampleId: name, name, label, rows, startMs: Float32Array.from(rows, (_, i) => i * 250) };
}
const run = (row: Float32Array) => Float32Array.from(outputs[row[0]]);

const samples = [
  // One confident idle window and one uncertain one: the mean idle probability of both windows is 0.47.
  sample('idle.1', 'idle', [
    [0.9, 0.06, 0.04],
    [0.04, 0.5, 0.46],
  ]),
  // No window reaches 0.6: uncertain, its best window at 0.55.
  sample('wave.1', 'wave', [
    [0.3, 0.55, 0.15],
    [0.2, 0.52, 0.28],
  ]),
  sample('wave.2', 'wave', [
    [0.75, 0.25, 0],
    [0.1, 0.8, 0.1],
    [0.2, 0.65, 0.15],
  ]),
  sample('idle.2', 'idle', [[0.1, 0.15, 0.75]]),
];

describe('testModel (classifier)', () => {
  const report = testModel(model, run, samples, { threshold: 0.6, precision: 'float32' });
  const byName = (name: string) => report.samples.find((s) => s.name === name)!;

  it('shows the score the verdict rests on: at or above the threshold exactly when the sample has a label', () => {
    // Issue 15: the old score was the mean over every window, so "idle" showed 0.47 and "uncertain" 0.55.
    expect(byName('idle.1')).toMatchObject({ predicted: 'idle', votes: 1, correct: true });
    expect(byName('idle.1').score).toBeCloseTo(0.9, 6);
    expect(byName('wave.1')).toMatchObject({ predicted: 'uncertain', votes: 0, correct: false });
    expect(byName('wave.1').score).toBeCloseTo(0.55, 6);
    expect(byName('wave.2')).toMatchObject({ predicted: 'wave', votes: 2 });
    expect(byName('wave.2').score).toBeCloseTo((0.8 + 0.65) / 2, 6);
    for (const s of report.samples) expect(s.score >= report.threshold).toBe(s.predicted !== 'uncertain');
    expect(byName('wave.2').windowPredicted).toEqual(['idle', 'wave', 'wave']);
    expect(byName('wave.2').windowScore.map((v) => Number(v.toFixed(2)))).toEqual([0.75, 0.8, 0.65]);
  });

  it('names both accuracies: per sample at the threshold, and per window by top score without one', () => {
    expect(report.accuracy).toBe(2 / 4);
    expect(report.windowCount).toBe(8);
    // Right windows by top score: idle.1's first, both of wave.1, wave.2's last two.
    expect(report.windowAccuracy).toBe(5 / 8);
    expect(report.uncertainSamples).toBe(1);
    expect(report.uncertainWindows).toBe(3);
  });

  it('shows the effect of the threshold from the same outputs, the tested one included', () => {
    const sweep = report.thresholdSweep;
    expect(sweep.map((r) => r.threshold)).toEqual([0, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(sweep[0]).toEqual({
      threshold: 0,
      sampleAccuracy: 3 / 4,
      uncertainSamples: 0,
      windowAccuracy: 5 / 8,
      uncertainWindows: 0,
    });
    expect(sweep[2]).toEqual({
      threshold: 0.6,
      sampleAccuracy: report.accuracy,
      uncertainSamples: 1,
      windowAccuracy: 3 / 8,
      uncertainWindows: 3,
    });
    // At 0.8 only idle.1's first window and wave.2's second are confident; each decides its sample.
    expect(sweep[4]).toMatchObject({ sampleAccuracy: 2 / 4, uncertainSamples: 2, uncertainWindows: 6 });
    const other = testModel(model, run, samples, { threshold: 0.65, precision: 'float32' });
    expect(other.thresholdSweep.map((r) => r.threshold)).toEqual([0, 0.5, 0.6, 0.65, 0.7, 0.8, 0.9]);
    expect(other.thresholdSweep[3].sampleAccuracy).toBe(other.accuracy);
  });
});
