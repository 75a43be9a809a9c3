import type { TestAccuracy } from '../../../workers/compressApi';

export const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);

export function accuracyTitle(t: TestAccuracy): string {
  return t.windows > 0 ? `on ${t.windows} test windows` : 'no testing samples: add some to test';
}
