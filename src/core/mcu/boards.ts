/**
 * The board catalogue (DESIGN.md §7): part, core, clock, RAM, flash, FPU, DSP extension or Helium, what the
 * board's own core and runtime take, its sensors, how its constant data (weights) is read, and where each figure
 * comes from. Ids are the CLI's `--board` and the JSON `board` values. Boards marked `calibrationOnly` carry a
 * published measurement (calibration.ts) and are not offered as deployment targets.
 */
import { StudioError } from '../errors';
import { DEV_BOARDS } from './boardCatalogueDevBoards';
import { EVAL_KITS } from './boardCatalogueEvalKits';
import { BOARD_IDS, type Board, type BoardId, type Target } from './boardTypes';
import { getCore, type FloatCosts } from './cores';

export * from './boardTypes';

/** Every id's record, from the development boards and the evaluation kits; a missing one fails at load. */
export const BOARDS: Record<BoardId, Board> = Object.fromEntries(
  BOARD_IDS.map((id) => {
    const board = DEV_BOARDS[id] ?? EVAL_KITS[id];
    if (board === undefined) throw new Error(`the board catalogue has no record for ${id}`);
    return [id, board];
  }),
) as Record<BoardId, Board>;

/** The boards a model can be profiled for and deployed to (calibration parts left out). */
export function deployableBoards(): Board[] {
  return BOARD_IDS.map((id) => BOARDS[id]).filter((b) => !b.calibrationOnly);
}

export function isBoardId(id: string): id is BoardId {
  return (BOARD_IDS as readonly string[]).includes(id);
}

/** The board for an id, or StudioError('mcu-board') listing the known ids. */
export function getBoard(id: string): Board {
  if (!isBoardId(id))
    throw new StudioError(
      'mcu-board',
      `Unknown board "${id}": use one of ${BOARD_IDS.filter((b) => !BOARDS[b].calibrationOnly).join(', ')} ` +
        `(calibration parts: ${BOARD_IDS.filter((b) => BOARDS[b].calibrationOnly).join(', ')}).`,
    );
  return BOARDS[id];
}

/** The float32 and float64 costs on a board: its FPU where it has one, else its software routines. */
export function boardFloatCosts(board: Target): {
  single: FloatCosts;
  double: FloatCosts;
  singleInHardware: boolean;
  doubleInHardware: boolean;
} {
  const core = getCore(board.core);
  const singleInHardware = board.fpu !== 'none' && core.singleFpu !== null;
  const doubleInHardware = board.fpu === 'double' && core.doubleFpu !== null;
  return {
    single: singleInHardware ? core.singleFpu! : (board.softFloat?.single ?? core.softSingle),
    double: doubleInHardware ? core.doubleFpu! : (board.softFloat?.double ?? core.softDouble),
    singleInHardware,
    doubleInHardware,
  };
}
