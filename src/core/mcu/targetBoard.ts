/** A project's target board: the one it stores (Project.targetBoard) when it is a deployable board, else the default. */
import { BOARDS, isBoardId, type Board } from './boards';

/** The studio's first board (DESIGN.md §1). */
export const DEFAULT_TARGET_BOARD = 'nano33ble';

export function targetBoard(stored: string | undefined): Board {
  if (stored !== undefined && isBoardId(stored) && !BOARDS[stored].calibrationOnly) return BOARDS[stored];
  return BOARDS[DEFAULT_TARGET_BOARD];
}
