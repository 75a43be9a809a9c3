import { describe, expect, it } from 'vitest';
import type { SampleTestResult } from '../../core/learn/modelTesting';
import { formatPercent, formatScore, formatShare, sampleRows } from './sampleRows';

function result(name: string, label: string, predicted: string): SampleTestResult {
  return {
    sampleId: name,
    name,
    label,
    windows: 3,
    predicted,
    score: 0.9,
    correct: label === predicted,
    windowStartMs: [],
    windowPredicted: [],
    windowScore: [],
  };
}

describe('sampleRows', () => {
  const samples = [
    result('wave.2', 'wave', 'wave'),
    result('idle.1', 'idle', 'uncertain'),
    result('wave.1', 'wave', 'idle'),
    result('idle.2', 'idle', 'idle'),
    result('idle.10', 'idle', 'wave'),
  ];

  it('puts mistakes first, each group by label then name', () => {
    expect(sampleRows(samples, false).map((s) => s.name)).toEqual([
      'idle.1',
      'idle.10',
      'wave.1',
      'idle.2',
      'wave.2',
    ]);
  });

  it('keeps only mistakes when asked, without reordering the input', () => {
    expect(sampleRows(samples, true).map((s) => s.name)).toEqual(['idle.1', 'idle.10', 'wave.1']);
    expect(samples[0].name).toBe('wave.2');
  });
});

describe('formatting', () => {
  it('shows shares with one decimal and scores by model kind', () => {
    expect(formatPercent(0.95)).toBe('95.0 %');
    expect(formatPercent(2 / 3)).toBe('66.7 %');
    expect(formatScore('classifier', 0.876)).toBe('0.88');
    expect(formatScore('regression', 12.345678)).toBe('12.35');
    expect(formatScore('anomaly', -0.5)).toBe('-0.5');
    expect(formatShare(3, 8)).toBe('3 of 8 (37.5 %)');
    expect(formatShare(0, 0)).toBe('0 of 0 (0.0 %)');
  });
});
