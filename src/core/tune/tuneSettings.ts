/** The tuner's settings: defaults from the target board and the impulse, and the limits the form and Start share. */
import type { Impulse } from '../impulse/impulse';
import type { Board } from '../mcu/boards';
import { fieldProblems, type NumberRule, type Problems } from '../validation/numberRule';
import type { TuneBudget, TuneSettings } from './tuneTypes';

/** RAM and flash the board leaves after its own firmware, KB (what the profile's budgets count against). */
export function boardFreeKb(board: Board): { ramKb: number; flashKb: number } {
  return { ramKb: board.ramKb - board.runtime.ramKb, flashKb: board.flashKb - board.runtime.flashKb };
}

/**
 * The board's free RAM and flash, and a latency of one window stride: continuous classification has to finish a
 * window before the next one is due.
 */
export function boardBudget(board: Board, impulse: Pick<Impulse, 'input'>): TuneBudget {
  return { ...boardFreeKb(board), latencyMs: impulse.input.windowStrideMs };
}

export function defaultTuneSettings(board: Board, impulse: Pick<Impulse, 'input'>): TuneSettings {
  return {
    board: board.id,
    // The runtime of the C++ and Arduino libraries the Deployment page builds.
    runtime: 'studio-generated',
    budget: boardBudget(board, impulse),
    candidates: 8,
    minEpochs: 10,
    maxEpochs: 40,
    eta: 2,
    seed: 1,
  };
}

export const TUNE_RULES: Record<'candidates' | 'minEpochs' | 'maxEpochs' | 'eta' | 'seed', NumberRule> = {
  candidates: { label: 'Candidates', integer: true, min: 1, max: 64 },
  minEpochs: { label: 'First rung epochs', integer: true, min: 1, max: 500 },
  maxEpochs: { label: 'Last rung epochs', integer: true, min: 1, max: 2000 },
  eta: { label: 'Halving factor', integer: true, min: 2, max: 4 },
  seed: { label: 'Seed', integer: true, min: 0, max: 2 ** 31 - 1 },
};

export function budgetRules(board: Board): Record<keyof TuneBudget, NumberRule> {
  const free = boardFreeKb(board);
  return {
    latencyMs: { label: 'Latency budget', above: 0, max: 60_000, unit: 'ms' },
    ramKb: { label: 'RAM budget', above: 0, max: free.ramKb, unit: 'KB' },
    flashKb: { label: 'Flash budget', above: 0, max: free.flashKb, unit: 'KB' },
  };
}

/** Problems by field ('candidates', 'budget.ramKb', …): the budget cannot exceed what the board leaves. */
export function tuneSettingsProblems(settings: TuneSettings, board: Board): Problems {
  const out: Problems = {
    ...fieldProblems(settings, TUNE_RULES),
    ...fieldProblems(settings.budget, budgetRules(board), 'budget.'),
  };
  if (!out.minEpochs && !out.maxEpochs && settings.maxEpochs < settings.minEpochs)
    out.maxEpochs = 'Last rung epochs must be at least the first rung’s.';
  return out;
}
