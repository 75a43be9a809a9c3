/**
 * Label colours for the feature explorer: a fixed palette assigned by position in the label order, so a
 * label keeps its colour from one projection to the next and between the legend and the points.
 */

/** Twelve colours distinct on white: d3's category10, then a dark blue and an ochre for an 11th and 12th label. */
export const LABEL_PALETTE: readonly string[] = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#393b79',
  '#a6761d',
];

export interface LegendEntry {
  label: string;
  color: string;
  /** Points with this label. */
  count: number;
}

export interface LabelColoring {
  /** `labelOrder`, then any label of the points missing from it, in order of first appearance. */
  entries: LegendEntry[];
  /** Per point: its label's index in `entries`. */
  entryOf: Uint16Array;
}

export function labelColoring(labels: readonly string[], labelOrder: readonly string[]): LabelColoring {
  const position = new Map<string, number>();
  const entries: LegendEntry[] = [];
  const add = (label: string): number => {
    let index = position.get(label);
    if (index === undefined) {
      index = entries.length;
      position.set(label, index);
      entries.push({ label, color: LABEL_PALETTE[index % LABEL_PALETTE.length], count: 0 });
    }
    return index;
  };
  for (const label of labelOrder) add(label);
  const entryOf = new Uint16Array(labels.length);
  labels.forEach((label, i) => {
    const index = add(label);
    entryOf[i] = index;
    entries[index].count++;
  });
  return { entries, entryOf };
}
