import { describe, expect, it } from 'vitest';
import { labelSummary } from './summary';
import type { SampleCategory } from './sample';

const meta = (label: string, category: SampleCategory, enabled: boolean, frameCount: number) => ({
  label,
  category,
  enabled,
  frameCount,
  intervalMs: 10,
});

describe('labelSummary', () => {
  it('counts per label in label order, with totals and disabled samples apart', () => {
    const metas = [
      meta('wave', 'training', true, 100),
      meta('idle', 'testing', true, 50),
      meta('wave', 'testing', false, 200),
      meta('Ärger', 'training', true, 10),
      meta('class10', 'training', true, 10),
      meta('class2', 'training', true, 10),
    ];
    const { labels, totals } = labelSummary(metas);
    expect(labels.map((l) => l.label)).toEqual(['Ärger', 'class2', 'class10', 'idle', 'wave']);
    expect(labels.find((l) => l.label === 'wave')).toEqual({
      label: 'wave',
      count: 2,
      enabledCount: 1,
      durationMs: 3000,
      trainingCount: 1,
      testingCount: 1,
    });
    expect(totals).toEqual({
      count: 6,
      enabledCount: 5,
      durationMs: 3800,
      trainingCount: 4,
      testingCount: 2,
    });
  });

  it('is empty for no samples', () => {
    expect(labelSummary([])).toEqual({
      labels: [],
      totals: { count: 0, enabledCount: 0, durationMs: 0, trainingCount: 0, testingCount: 0 },
    });
  });
});
