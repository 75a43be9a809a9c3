/** The tuner's table, one row per drawn candidate: where it stands in the search and what it scored. */
import { dspText, networkText, windowText } from './describeCandidate';
import { paretoFront } from './pareto';
import { searchSpaceFor } from './searchSpace';
import { halvingRungs, rungMembers, usable } from './successiveHalving';
import type { Candidate, CostFigures, Evaluation, TunerRun } from './tuneTypes';

export type RowState =
  | 'rejected'
  | 'waiting'
  | 'training'
  /** Trained at a rung; the next rung is not decided or not trained yet. */
  | 'trained'
  | 'stopped'
  | 'finished'
  | 'failed'
  | 'over-budget'
  | 'not-trained';

export interface CandidateRow {
  candidate: Candidate;
  window: string;
  dsp: string;
  network: string;
  state: RowState;
  status: string;
  /** The candidate's latest training, if any. */
  evaluation: Evaluation | null;
  /** int8 test accuracy when there are testing windows, else validation accuracy (see `accuracyKind`). */
  accuracy: number | null;
  /** The trained model's profile, or the plan's before training. */
  cost: CostFigures | null;
  costFrom: 'planned' | 'profiled' | null;
  /** A model is stored and fits: it can be saved as an impulse. */
  canSave: boolean;
}

/** A training being run right now. */
export interface ActiveTraining {
  rung: number;
  epochs: number;
}

/** Which accuracy the run's rows show: the int8 model's on the testing windows, or the validation split's. */
export function accuracyKind(run: Pick<TunerRun, 'evaluations'>): 'test' | 'validation' {
  return run.evaluations.some((e) => e.test.int8 !== null) ? 'test' : 'validation';
}

export function runRungs(run: Pick<TunerRun, 'candidates' | 'settings'>) {
  const accepted = run.candidates.filter((c) => !c.rejected).length;
  const { minEpochs, maxEpochs, eta } = run.settings;
  return accepted === 0 ? [] : halvingRungs(accepted, minEpochs, maxEpochs, eta);
}

export function candidateRows(run: TunerRun, active: ReadonlyMap<string, ActiveTraining>): CandidateRow[] {
  const space = searchSpaceFor(run.base);
  const rungs = runRungs(run);
  const members = rungMembers(run.candidates, run.evaluations, rungs);
  const kind = accuracyKind(run);
  return run.candidates.map((candidate) => {
    const evaluations = run.evaluations.filter((e) => e.candidateId === candidate.id);
    const evaluation = evaluations.reduce<Evaluation | null>((a, e) => (!a || e.rung > a.rung ? e : a), null);
    const base = {
      candidate,
      window: windowText(candidate.spec),
      dsp: dspText(space, candidate.spec.dspParams),
      network: networkText(candidate.spec.network),
      evaluation,
      accuracy: evaluation ? (kind === 'test' ? evaluation.test.int8 : evaluation.valAccuracy) : null,
      cost: evaluation?.cost ?? candidate.planned,
      costFrom: evaluation?.cost ? ('profiled' as const) : candidate.planned ? ('planned' as const) : null,
      canSave: !!evaluation && usable(evaluation) && !!run.models[candidate.id],
    };
    const [state, status] = standing(candidate, evaluation, active.get(candidate.id), members, rungs, run);
    return { ...base, state, status };
  });
}

function standing(
  candidate: Candidate,
  evaluation: Evaluation | null,
  training: ActiveTraining | undefined,
  members: string[][],
  rungs: ReturnType<typeof runRungs>,
  run: TunerRun,
): [RowState, string] {
  const of = (rung: number) => `rung ${rung + 1} of ${rungs.length}`;
  if (candidate.rejected) return ['rejected', candidate.rejected];
  if (training) return ['training', `training ${training.epochs} epochs (${of(training.rung)})`];
  const idle = run.status === 'running' ? 'waiting' : 'not-trained';
  if (!evaluation) return [idle, run.status === 'running' ? `waiting (${of(0)})` : 'not trained'];
  const trained = `${evaluation.epochs} epochs`;
  if (evaluation.status === 'failed') return ['failed', `failed after ${trained}: ${evaluation.error}`];
  if (evaluation.overBudget) return ['over-budget', `${evaluation.overBudget} (trained, int8)`];
  const k = evaluation.rung;
  if (k === rungs.length - 1) return ['finished', `trained ${trained} (${of(k)}, the last)`];
  const next = members[k + 1];
  if (!next) return ['trained', `trained ${trained} (${of(k)}); the rest of the rung is not trained yet`];
  if (next.includes(candidate.id)) return ['trained', `trained ${trained}; goes on to ${of(k + 1)}`];
  return ['stopped', `stopped after ${trained}: not among the best ${next.length} of ${of(k)}`];
}

export type SortKey = 'accuracy' | 'latency' | 'ram' | 'flash' | 'id';

const sortValue = (row: CandidateRow, key: SortKey): number | null => {
  switch (key) {
    case 'accuracy':
      return row.accuracy;
    case 'latency':
      return row.cost?.latencyMs ?? null;
    case 'ram':
      return row.cost?.ramBytes ?? null;
    case 'flash':
      return row.cost?.flashBytes ?? null;
    case 'id':
      return Number(row.candidate.id.replace(/\D/g, ''));
  }
};

/** Rows sorted by a column; rows without the figure always last. */
export function sortRows(rows: readonly CandidateRow[], key: SortKey, descending: boolean): CandidateRow[] {
  return [...rows].sort((a, b) => {
    const [x, y] = [sortValue(a, key), sortValue(b, key)];
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0);
    return descending ? y - x : x - y;
  });
}

/** A chart's points: rows that trained and fit, with their accuracy and one cost, and the Pareto front among them. */
export function tradeOff(
  rows: readonly CandidateRow[],
  cost: (c: CostFigures) => number,
): Array<{ row: CandidateRow; accuracy: number; cost: number; front: boolean }> {
  const trained = rows.filter(
    (r): r is CandidateRow & { accuracy: number; cost: CostFigures } =>
      r.accuracy !== null &&
      r.cost !== null &&
      r.costFrom === 'profiled' &&
      r.evaluation !== null &&
      usable(r.evaluation),
  );
  const front = paretoFront(
    trained.map((r) => ({ id: r.candidate.id, accuracy: r.accuracy, cost: cost(r.cost) })),
  );
  return trained.map((row) => ({
    row,
    accuracy: row.accuracy,
    cost: cost(row.cost),
    front: front.has(row.candidate.id),
  }));
}
