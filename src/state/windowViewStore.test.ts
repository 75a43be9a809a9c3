import { describe, expect, it } from 'vitest';
import type { FeatureSetSummary } from '../../workers/dspApi';
import { useWindowView } from './windowViewStore';

describe('window view choice', () => {
  it('turns a feature-set row into its sample and the window’s index within that sample', () => {
    const summary = { rowSample: Int32Array.from([0, 0, 0, 2, 2, 3]) } as FeatureSetSummary;
    const samples = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    const pick = (row: number) => {
      useWindowView.getState().showRow(summary, samples, row);
      return useWindowView.getState().choice;
    };
    expect(pick(0)).toEqual({ sampleId: 'a', windowIndex: 0 });
    expect(pick(2)).toEqual({ sampleId: 'a', windowIndex: 2 });
    expect(pick(4)).toEqual({ sampleId: 'c', windowIndex: 1 });
    expect(pick(5)).toEqual({ sampleId: 'd', windowIndex: 0 });
  });
});
