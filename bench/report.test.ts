import { describe, expect, it } from 'vitest';
import { goalVerdict, mergeResults, renderReport } from './report';

const result = (value: number, goal: string) => ({ value, unit: 'x', goal });

describe('bench report', () => {
  it('reads the target at the start of a goal string', () => {
    expect(goalVerdict(result(8000, '≥ 8000 (600 s)'))).toBe('yes');
    expect(goalVerdict(result(7999, '≥ 8,000'))).toBe('**no**');
    expect(goalVerdict(result(2, '<= 2'))).toBe('yes');
    expect(goalVerdict(result(2.1, '≤ 2 (issue 17)'))).toBe('**no**');
    expect(goalVerdict(result(0.8, 'within 0.8–1.25'))).toBe('yes');
    expect(goalVerdict(result(1.3, '0.8-1.25'))).toBe('**no**');
    expect(goalVerdict(result(0.99, 'well below 1'))).toBe('yes');
    expect(goalVerdict(result(1, 'below 1'))).toBe('**no**');
    expect(goalVerdict(result(5, 'report (9 JS chunks)'))).toBe('report');
    expect(goalVerdict(result(5, 'figure: the same with JSON'))).toBe('report');
  });

  it('merges a filtered run over the earlier results and marks what is older', () => {
    const merged = mergeResults(
      {
        'b.old': { ...result(1, '≥ 2'), measuredAt: 't0' },
        'a.same': { ...result(1, '≥ 2'), measuredAt: 't0' },
      },
      { 'a.same': result(3, '≥ 2') },
      't1',
    );
    expect(Object.keys(merged)).toEqual(['a.same', 'b.old']);
    expect(merged['a.same']).toMatchObject({ value: 3, measuredAt: 't1' });
    const report = renderReport(merged, 't1');
    expect(report).toMatch(/`a\.same` \| 3\.000 .*\| yes \| this run \|/);
    expect(report).toMatch(/`b\.old` \| 1\.000 .*\| \*\*no\*\* \| older run \(t0\) \|/);
  });
});
