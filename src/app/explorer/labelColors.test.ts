import { describe, expect, it } from 'vitest';
import { LABEL_PALETTE, labelColoring } from './labelColors';

describe('labelColoring', () => {
  it('colours labels by their place in the label order, and counts the points of each', () => {
    const { entries, entryOf } = labelColoring(
      ['wave', 'idle', 'wave', 'snake'],
      ['idle', 'snake', 'wave', 'updown'],
    );
    expect(entries).toEqual([
      { label: 'idle', color: LABEL_PALETTE[0], count: 1 },
      { label: 'snake', color: LABEL_PALETTE[1], count: 1 },
      { label: 'wave', color: LABEL_PALETTE[2], count: 2 },
      { label: 'updown', color: LABEL_PALETTE[3], count: 0 },
    ]);
    expect(Array.from(entryOf)).toEqual([2, 0, 2, 1]);
  });

  it('appends labels missing from the order, and cycles the palette past its end', () => {
    const order = Array.from({ length: LABEL_PALETTE.length }, (_, i) => `c${i}`);
    const { entries, entryOf } = labelColoring(['extra', 'c0'], order);
    expect(new Set(LABEL_PALETTE).size).toBeGreaterThanOrEqual(10);
    expect(entries.at(-1)).toEqual({ label: 'extra', color: LABEL_PALETTE[0], count: 1 });
    expect(Array.from(entryOf)).toEqual([LABEL_PALETTE.length, 0]);
  });
});
