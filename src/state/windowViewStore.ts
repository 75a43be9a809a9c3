import { create } from 'zustand';
import type { FeatureSetSummary } from '../../workers/dspApi';

/** A window of a sample: its index among the windows the impulse cuts from that sample. */
export interface WindowChoice {
  sampleId: string;
  windowIndex: number;
}

interface WindowViewState {
  /** What the impulse page's Window view shows; null shows the first window of the first usable sample. */
  choice: WindowChoice | null;
  show: (choice: WindowChoice) => void;
  /** Shows the window behind a row of a generated feature set (a point of the feature explorer). */
  showRow: (summary: FeatureSetSummary, samples: ReadonlyArray<{ id: string }>, row: number) => void;
}

export const useWindowView = create<WindowViewState>((set) => ({
  choice: null,
  show: (choice) => set({ choice }),
  showRow: (summary, samples, row) => {
    // A sample's rows are consecutive and in window order, so the window index is the distance to its first.
    const sample = summary.rowSample[row];
    let first = row;
    while (first > 0 && summary.rowSample[first - 1] === sample) first--;
    set({ choice: { sampleId: samples[sample].id, windowIndex: row - first } });
  },
}));
