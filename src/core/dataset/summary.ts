import { compareLabels } from './labels';
import { durationMs, type SampleMeta } from './sample';

export interface LabelCounts {
  /** Every sample, enabled or not. */
  count: number;
  /** Of those, the enabled ones (disabled samples are count − enabledCount). */
  enabledCount: number;
  /** Total duration of every sample. */
  durationMs: number;
  trainingCount: number;
  testingCount: number;
}

export interface LabelStats extends LabelCounts {
  label: string;
}

export interface LabelSummary {
  /** One entry per label, in label order (compareLabels). */
  labels: LabelStats[];
  totals: LabelCounts;
}

type Counted = Pick<SampleMeta, 'label' | 'category' | 'enabled' | 'frameCount' | 'intervalMs'>;

/** Class balance: per label and overall, how many samples, how long, and how they split. */
export function labelSummary(metas: readonly Counted[]): LabelSummary {
  const byLabel = new Map<string, LabelCounts>();
  const totals = emptyCounts();
  for (const m of metas) {
    let counts = byLabel.get(m.label);
    if (!counts) {
      counts = emptyCounts();
      byLabel.set(m.label, counts);
    }
    addTo(counts, m);
    addTo(totals, m);
  }
  const labels = [...byLabel.entries()]
    .sort(([a], [b]) => compareLabels(a, b))
    .map(([label, counts]) => ({ label, ...counts }));
  return { labels, totals };
}

function emptyCounts(): LabelCounts {
  return { count: 0, enabledCount: 0, durationMs: 0, trainingCount: 0, testingCount: 0 };
}

/** Accumulates into a counter this function itself created. */
function addTo(counts: LabelCounts, m: Counted): void {
  counts.count++;
  if (m.enabled) counts.enabledCount++;
  counts.durationMs += durationMs(m);
  if (m.category === 'training') counts.trainingCount++;
  else counts.testingCount++;
}
