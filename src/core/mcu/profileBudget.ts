/** RAM and flash budgets of a profile against a board, and the verdict: fits, or which budget is short by how much. */
import type { Board, RuntimeReserve } from './boards';
import type { Budget, BytesPart } from './profileTypes';

const KB = 1024;

/** Bytes as the page and the CLI say them: "18.2 KB". */
export function formatKb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

export function budget(
  parts: BytesPart[],
  boardKb: number,
  reservedKb: number,
  reserve: RuntimeReserve,
): Budget {
  const usedBytes = parts.reduce((sum, p) => sum + p.bytes, 0);
  const boardBytes = boardKb * KB;
  const reservedBytes = reservedKb * KB;
  const availableBytes = boardBytes - reservedBytes;
  return {
    usedBytes,
    accuracy: parts.some((p) => p.accuracy === 'estimated') ? 'estimated' : 'exact',
    parts,
    boardBytes,
    reservedBytes,
    reservedFor: reserve.runtime,
    availableBytes,
    marginBytes: availableBytes - usedBytes,
  };
}

function describe(what: 'RAM' | 'flash', b: Budget, board: Board): string {
  const free = `${formatKb(b.availableBytes)} free (${what === 'RAM' ? board.ramKb : board.flashKb} KB minus ${formatKb(b.reservedBytes)} for ${b.reservedFor})`;
  if (b.marginBytes >= 0) return `${what} ${formatKb(b.usedBytes)} of ${free}`;
  return `${what}: needs ${formatKb(b.usedBytes)}, only ${free}: ${formatKb(-b.marginBytes)} over`;
}

export function fitVerdict(ram: Budget, flash: Budget, board: Board): { fits: boolean; reason: string } {
  const short = [ram, flash].filter((b) => b.marginBytes < 0);
  if (short.length === 0)
    return {
      fits: true,
      reason: `Fits: ${describe('RAM', ram, board)}; ${describe('flash', flash, board)}.`,
    };
  const parts: string[] = [];
  if (ram.marginBytes < 0) parts.push(describe('RAM', ram, board));
  if (flash.marginBytes < 0) parts.push(describe('flash', flash, board));
  return { fits: false, reason: `Does not fit. ${parts.join('. ')}.` };
}
