import type { CliIo } from './command';

/** The status line is redrawn at most this often: a terminal cannot show more, and each redraw costs a write. */
const REDRAW_MS = 100;
/** The first windows carry the start-up (compiling, first allocations): a rate over them would mislead. */
const RATE_AFTER_S = 0.3;

/**
 * "<command>: 1200/2397 windows, 3100 windows/s" on the terminal's status line while a command works through
 * `total` windows; nothing at all without a status line (standard error is not a terminal).
 */
export function progressLine(
  status: CliIo['status'],
  command: string,
  total: number,
  now = () => performance.now(),
) {
  const started = now();
  let drawn = -Infinity;
  return {
    done(windows: number) {
      if (status === undefined) return;
      const t = now();
      if (t - drawn < REDRAW_MS && windows < total) return;
      drawn = t;
      const seconds = (t - started) / 1000;
      const rate = seconds >= RATE_AFTER_S ? `, ${Math.round(windows / seconds)} windows/s` : '';
      status(`${command}: ${windows}/${total} windows${rate}`);
    },
    clear() {
      status?.('');
    },
  };
}
