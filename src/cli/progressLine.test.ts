import { describe, expect, it } from 'vitest';
import { fakeIo } from './fakeIo';
import { progressLine } from './progressLine';

describe('progressLine', () => {
  it('redraws at most every 100 ms, with the rate after 0.3 s, always at the last window; then clears', () => {
    const t = fakeIo({}, { terminal: true });
    let now = 1000;
    const progress = progressLine(t.io.status, 'features', 1000, () => now);
    const at = (ms: number, windows: number) => {
      now = 1000 + ms;
      progress.done(windows);
    };
    at(0, 1);
    at(50, 100);
    at(200, 300);
    at(250, 400);
    at(500, 900);
    at(520, 1000);
    progress.clear();
    expect(t.statuses).toEqual([
      'features: 1/1000 windows',
      'features: 300/1000 windows',
      'features: 900/1000 windows, 1800 windows/s',
      'features: 1000/1000 windows, 1923 windows/s',
      '',
    ]);
  });

  it('writes nothing when standard error is not a terminal', () => {
    const t = fakeIo();
    const progress = progressLine(t.io.status, 'features', 2);
    progress.done(1);
    progress.done(2);
    progress.clear();
    expect(t.statuses).toEqual([]);
    expect(t.err).toEqual([]);
  });
});
