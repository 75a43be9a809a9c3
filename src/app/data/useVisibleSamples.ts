import { useMemo } from 'react';
import { useDataset } from '../../state/datasetStore';
import { filterSamples } from '../../core/dataset/filter';
import type { SampleMeta } from '../../core/dataset/sample';

/** The samples that pass the current filters, newest first. */
export function useVisibleSamples(): SampleMeta[] {
  const samples = useDataset((s) => s.samples);
  const filter = useDataset((s) => s.filter);
  return useMemo(
    () =>
      filterSamples(samples, filter)
        .slice()
        .sort((a, b) => b.createdAt - a.createdAt || a.name.localeCompare(b.name)),
    [samples, filter],
  );
}
