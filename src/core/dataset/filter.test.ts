import { describe, expect, it } from 'vitest';
import { NO_FILTER, checkedAndShown, distinctLabels, filterSamples } from './filter';
import type { SampleCategory } from './sample';

const metas = [
  { id: '1', name: 'Wave.01', label: 'wave', category: 'training' as SampleCategory, enabled: true },
  { id: '2', name: 'rec-7', label: 'idle', category: 'testing' as SampleCategory, enabled: true },
  { id: '3', name: 'rec-8', label: 'Wave-fast', category: 'training' as SampleCategory, enabled: false },
  { id: '4', name: 'grüße', label: 'Ägypten', category: 'testing' as SampleCategory, enabled: true },
];
const ids = (list: Array<{ id: string }>) => list.map((m) => m.id);

describe('filterSamples', () => {
  it('lets everything through when nothing is set', () => {
    expect(ids(filterSamples(metas, {}))).toEqual(['1', '2', '3', '4']);
    expect(ids(filterSamples(metas, { label: null, category: null, enabled: null, text: '  ' }))).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
  });

  it('filters by exact label, category and enabled state together', () => {
    expect(ids(filterSamples(metas, { label: 'wave' }))).toEqual(['1']);
    expect(ids(filterSamples(metas, { category: 'testing' }))).toEqual(['2', '4']);
    expect(ids(filterSamples(metas, { enabled: false }))).toEqual(['3']);
    expect(ids(filterSamples(metas, { category: 'training', enabled: true }))).toEqual(['1']);
  });

  it('matches text in the name or the label, ignoring case', () => {
    expect(ids(filterSamples(metas, { text: 'WAVE' }))).toEqual(['1', '3']);
    expect(ids(filterSamples(metas, { text: 'rec' }))).toEqual(['2', '3']);
    expect(ids(filterSamples(metas, { text: 'äGYP' }))).toEqual(['4']);
    expect(ids(filterSamples(metas, { text: 'GRÜ', category: 'testing' }))).toEqual(['4']);
  });
});

describe('distinctLabels', () => {
  it('lists each label once, in label order', () => {
    expect(distinctLabels([...metas, ...metas])).toEqual(['Ägypten', 'idle', 'wave', 'Wave-fast']);
  });
});

describe('checkedAndShown', () => {
  const sorted = (set: Set<string>) => [...set].sort();

  it('keeps only the checked samples the filter shows', () => {
    const checked = new Set(['1', '2', '3']);
    expect(sorted(checkedAndShown(checked, metas, { label: 'wave' }))).toEqual(['1']);
    expect(sorted(checkedAndShown(checked, metas, { category: 'training' }))).toEqual(['1', '3']);
    expect(sorted(checkedAndShown(checked, metas, { text: 'rec' }))).toEqual(['2', '3']);
    expect(sorted(checkedAndShown(checked, metas, NO_FILTER))).toEqual(['1', '2', '3']);
  });

  it('drops ids of samples that no longer exist', () => {
    expect(sorted(checkedAndShown(new Set(['1', 'gone']), metas, NO_FILTER))).toEqual(['1']);
  });

  it('never adds an unchecked sample', () => {
    expect(checkedAndShown(new Set(), metas, NO_FILTER).size).toBe(0);
    expect(sorted(checkedAndShown(new Set(['4']), metas, { label: 'wave' }))).toEqual([]);
  });
});
