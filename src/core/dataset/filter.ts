import { compareLabels } from './labels';
import type { SampleCategory, SampleMeta } from './sample';

/** What the sample list shows; a null or missing field (or empty text) does not filter. */
export interface SampleFilter {
  label?: string | null;
  category?: SampleCategory | null;
  enabled?: boolean | null;
  /** Matched, trimmed and case-insensitively, against the sample's name or label. */
  text?: string;
}

type Filterable = Pick<SampleMeta, 'name' | 'label' | 'category' | 'enabled'>;

/** The samples that pass every set criterion, in their original order. */
export function filterSamples<T extends Filterable>(metas: readonly T[], filter: SampleFilter): T[] {
  const { label = null, category = null, enabled = null } = filter;
  const text = (filter.text ?? '').trim().toLowerCase();
  return metas.filter(
    (m) =>
      (label === null || m.label === label) &&
      (category === null || m.category === category) &&
      (enabled === null || m.enabled === enabled) &&
      (text === '' || m.name.toLowerCase().includes(text) || m.label.toLowerCase().includes(text)),
  );
}

/** The filter that shows every sample. */
export const NO_FILTER: Readonly<Required<SampleFilter>> = {
  label: null,
  category: null,
  enabled: null,
  text: '',
};

/**
 * The checked ids whose sample exists and passes `filter`. Bulk actions must touch only what the list shows
 * as checked, so a sample the filter hides leaves the selection.
 */
export function checkedAndShown(
  checked: ReadonlySet<string>,
  metas: ReadonlyArray<Filterable & Pick<SampleMeta, 'id'>>,
  filter: SampleFilter,
): Set<string> {
  if (checked.size === 0) return new Set();
  return new Set(
    filterSamples(metas, filter)
      .map((m) => m.id)
      .filter((id) => checked.has(id)),
  );
}

/** Every label in use, once each, in label order (compareLabels). */
export function distinctLabels(metas: ReadonlyArray<Pick<SampleMeta, 'label'>>): string[] {
  return [...new Set(metas.map((m) => m.label))].sort(compareLabels);
}
