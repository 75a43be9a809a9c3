import { describe, expect, it } from 'vitest';
import { gaussian, seededRandom } from '../random';
import { aggregateSample, createSmoother } from './aggregate';
import { augmentMotionWindow, augmentSpectrogramFeatures } from './augment';
import { createEarlyStopping } from './earlyStopping';
import { anomalyScore, fitKMeans } from './kmeans';
import { classificationMetrics, confusionMatrix, regressionMetrics } from './metrics';
import { classWeights, validationSplit } from './split';

describe('metrics', () => {
  it('computes a confusion matrix with an uncertain column and hand-checked scores', () => {
    const m = confusionMatrix([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 3, 2], 3, 3);
    expect(m).toEqual([
      [2, 1, 0, 0],
      [0, 1, 0, 1],
      [0, 0, 1, 0],
    ]);
    const r = classificationMetrics(m, ['a', 'b', 'c']);
    expect(r.accuracy).toBeCloseTo(4 / 6);
    expect(r.perClass[0]).toMatchObject({ precision: 1, recall: 2 / 3, support: 3 });
    expect(r.perClass[1].precision).toBeCloseTo(0.5);
    expect(r.perClass[1].recall).toBeCloseTo(0.5);
    expect(r.perClass[0].f1).toBeCloseTo(0.8);
    expect(r.weightedF1).toBeCloseTo((0.8 * 3 + 0.5 * 2 + 1) / 6);
  });

  it('takes 0/0 as 0', () => {
    expect(classificationMetrics([[0, 0], [0, 2]], ['a', 'b']).perClass[0]).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });

  it('computes regression errors', () => {
    const r = regressionMetrics([1, 2, 3], [1, 2, 5]);
    expect(r.mse).toBeCloseTo(4 / 3);
    expect(r.mae).toBeCloseTo(2 / 3);
    expect(r.r2).toBeCloseTo(1 - 4 / 2);
  });
});

describe('validation split and class weights', () => {
  it('stratifies per class, deterministically', () => {
    const labels = [...new Array(10).fill(0), ...new Array(5).fill(1), 2, 2];
    const a = validationSplit(labels, 0.2, 3);
    expect(validationSplit(labels, 0.2, 3)).toEqual(a);
    const held = (c: number) => Array.from(a.valIdx).filter((i) => labels[i] === c).length;
    expect([held(0), held(1), held(2)]).toEqual([2, 1, 1]);
    expect(a.trainIdx.length + a.valIdx.length).toBe(labels.length);
    expect(validationSplit(labels, 0.2, 4).valIdx).not.toEqual(a.valIdx);
  });

  it('keeps a single-row class in training', () => {
    expect(Array.from(validationSplit([0, 1, 1], 0.5, 1).trainIdx)).toContain(0);
  });

  it('balances class weights', () => {
    expect(Array.from(classWeights([0, 0, 0, 1], 3))).toEqual([Math.fround(4 / 6), 2, 0]);
  });
});

describe('early stopping', () => {
  it('stops after `patience` epochs without a better validation loss and remembers the best', () => {
    const es = createEarlyStopping({ patience: 2, minDelta: 0, monitor: 'val_loss' });
    const losses = [1, 0.5, 0.6, 0.4, 0.45, 0.41];
    const out = losses.map((l) => es.update({ val_loss: l }));
    expect(out.map((o) => o.stop)).toEqual([false, false, false, false, false, true]);
    expect(es.bestEpoch).toBe(4);
  });
});

describe('k-means anomaly detection', () => {
  const rand = seededRandom(9);
  const blob = (cx: number, cy: number) => Array.from({ length: 60 }, () => Float32Array.of(cx + 0.3 * gaussian(rand), cy + 0.3 * gaussian(rand)));
  const rows = [...blob(0, 0), ...blob(5, 5), ...blob(-5, 5)];

  it('finds three separated blobs: their points score < 0, far points > 0', () => {
    const clusters = fitKMeans(rows, 3, { seed: 1, maxIterations: 50 });
    expect(clusters.map((c) => c.count).sort()).toEqual([60, 60, 60]);
    expect(rows.every((r) => anomalyScore(clusters, r) <= 1e-6)).toBe(true);
    expect(anomalyScore(clusters, Float32Array.of(20, -20))).toBeGreaterThan(10);
    expect(fitKMeans(rows, 3, { seed: 1, maxIterations: 50 })).toEqual(clusters);
  });
});

describe('augmentation', () => {
  it('keeps a motion window’s length, is deterministic and stays close to the original', () => {
    const w = Float32Array.from({ length: 300 }, (_, i) => Math.sin(i / 10) * ((i % 3) + 1));
    const a = augmentMotionWindow(w, 3, seededRandom(1), { noise: 0.05, scale: 0.1, shift: 0.1 });
    expect(a).toHaveLength(300);
    expect(a).toEqual(augmentMotionWindow(w, 3, seededRandom(1), { noise: 0.05, scale: 0.1, shift: 0.1 }));
    expect(a).not.toEqual(w);
    const none = augmentMotionWindow(w, 3, seededRandom(1), { noise: 0, scale: 0, shift: 0 });
    expect(none).toEqual(w);
  });

  it('masks bands of a spectrogram with its mean', () => {
    const f = Float32Array.from({ length: 20 * 8 }, (_, i) => i);
    const a = augmentSpectrogramFeatures(f, 20, 8, seededRandom(5), { timeMasks: 2, timeMaskMax: 3, freqMasks: 1, freqMaskMax: 2, noise: 0 });
    expect(a).toHaveLength(f.length);
    const mean = (f.length - 1) / 2;
    expect(a.some((v) => v === mean)).toBe(true);
    expect(a.filter((v, i) => v !== f[i]).every((v) => v === mean)).toBe(true);
  });
});

describe('aggregation and smoothing', () => {
  const p = (...v: number[]) => Float32Array.from(v);
  it('takes the majority of confident windows; ties go to the higher mean', () => {
    const r = aggregateSample([p(0.9, 0.1), p(0.2, 0.8), p(0.5, 0.5)], 0.6);
    expect(r.windowPredictions).toEqual([0, 1, 'uncertain']);
    expect(r.predicted).toBe(0);
  });

  it('is uncertain when no window is confident', () => {
    expect(aggregateSample([p(0.5, 0.5)], 0.6).predicted).toBe('uncertain');
  });

  it('smooths over the last N windows, even before N have arrived', () => {
    const s = createSmoother({ windows: 2, threshold: 0.6 });
    expect(s.push(p(1, 0)).label).toBe(0);
    expect(s.push(p(0, 1)).label).toBe('uncertain');
    expect(s.push(p(0, 1)).label).toBe(1);
  });
});
