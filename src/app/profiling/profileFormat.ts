/** How the profiling views write figures: milliseconds and kilobytes, "≈" before an estimate, and tooltips. */
import { boardShortName } from '../../core/mcu/boardShortName';
import { RUNTIMES, type Runtime } from '../../core/mcu/cost';
import type { Accuracy, BoardProfile, Budget, BytesPart, MsFigure } from '../../core/mcu/profileTypes';

export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

export function formatKb(bytes: number): string {
  return bytes < 100 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${Math.round(bytes / 1024)} KB`;
}

/** "≈ " before an estimated figure, nothing before an exact one. */
export const approx = (accuracy: Accuracy) => (accuracy === 'estimated' ? '≈ ' : '');

export const runtimeTitle = (runtime: Runtime) => RUNTIMES.find((r) => r.id === runtime)!.title;

export function msTitle(figure: MsFigure): string {
  return `${figure.accuracy === 'exact' ? 'Exact' : 'Estimated'}: ${figure.from}`;
}

export function partTitle(part: BytesPart): string {
  return `${part.name}: ${part.bytes.toLocaleString()} B, ${part.accuracy} (${part.from})`;
}

/** A budget's tooltip: every part and what the board leaves. */
export function budgetTitle(budget: Budget): string {
  return [
    ...budget.parts.map(partTitle),
    `Free for the model: ${formatKb(budget.availableBytes)} (${formatKb(budget.boardBytes)} minus ${formatKb(budget.reservedBytes)} for ${budget.reservedFor}, estimated)`,
  ].join('\n');
}

/** "12 ms · 18 KB RAM · 41 KB flash on <board's short name>": the line the Training page shows. */
export function summaryLine(p: BoardProfile): string {
  return `${formatMs(p.latencyMs.ms)} · ${formatKb(p.ram.usedBytes)} RAM · ${formatKb(p.flash.usedBytes)} flash on ${boardShortName(p.board)}`;
}
