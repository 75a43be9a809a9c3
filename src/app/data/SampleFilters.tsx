import { useMemo } from 'react';
import { useDataset } from '../../state/datasetStore';
import { distinctLabels } from '../../core/dataset/filter';

export function SampleFilters() {
  const filter = useDataset((s) => s.filter);
  const samples = useDataset((s) => s.samples);
  const setFilter = useDataset((s) => s.setFilter);
  // The chosen label stays an option after its last sample is relabelled, so the select never claims
  // "All labels" while the list is still filtered.
  const labels = useMemo(
    () => distinctLabels([...samples, ...(filter.label ? [{ label: filter.label }] : [])]),
    [samples, filter.label],
  );

  return (
    <div className="filters row gap wrap" role="search">
      <input
        type="search"
        aria-label="Search samples"
        placeholder="Search name or label"
        value={filter.text ?? ''}
        onChange={(e) => setFilter({ text: e.target.value })}
      />
      <select
        aria-label="Filter by label"
        value={filter.label ?? ''}
        onChange={(e) => setFilter({ label: e.target.value || null })}
      >
        <option value="">All labels</option>
        {labels.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by category"
        value={filter.category ?? ''}
        onChange={(e) => setFilter({ category: (e.target.value || null) as 'training' | 'testing' | null })}
      >
        <option value="">Training + testing</option>
        <option value="training">Training</option>
        <option value="testing">Testing</option>
      </select>
      <select
        aria-label="Filter by enabled"
        value={filter.enabled === null || filter.enabled === undefined ? '' : String(filter.enabled)}
        onChange={(e) => setFilter({ enabled: e.target.value === '' ? null : e.target.value === 'true' })}
      >
        <option value="">Enabled + disabled</option>
        <option value="true">Enabled</option>
        <option value="false">Disabled</option>
      </select>
    </div>
  );
}
