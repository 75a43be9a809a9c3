/**
 * Successive halving with epochs as the resource: every candidate that fits the budget is trained briefly, the best
 * 1 / eta of them (by validation accuracy, among those that still fit once trained and quantised) are trained eta
 * times longer, and so on up to the last rung. Which candidates reach a rung follows from the evaluations alone, so
 * a run resumed from stored evaluations carries on exactly where it stopped.
 */
import { describeError, StudioError } from '../errors';
import type { Candidate, Evaluation } from './tuneTypes';

export interface Rung {
  epochs: number;
  /** Candidates trained at this rung. */
  size: number;
}

/** The rungs: `count` candidates at `minEpochs`, then ⌊size / eta⌋ at eta × the epochs, up to `maxEpochs`. */
export function halvingRungs(count: number, minEpochs: number, maxEpochs: number, eta: number): Rung[] {
  const rungs: Rung[] = [];
  let size = count;
  let epochs = minEpochs;
  for (;;) {
    rungs.push({ epochs: Math.min(epochs, maxEpochs), size });
    if (epochs >= maxEpochs || size <= 1) return rungs;
    size = Math.max(1, Math.floor(size / eta));
    epochs *= eta;
  }
}

/** Trainings a whole run needs. */
export const plannedTrainings = (rungs: readonly Rung[]) => rungs.reduce((n, r) => n + r.size, 0);

/** A trained candidate that may go on: it trained, and its int8 model fits the budget. */
export const usable = (e: Evaluation) => e.status === 'done' && e.overBudget === null;

const candidateNumber = (id: string) => Number(id.replace(/\D/g, '')) || 0;

/**
 * Best first: usable before the rest, then by validation accuracy, then the faster, then the earlier drawn (so the
 * order is total and a resumed run ranks exactly as the first one did).
 */
export function compareEvaluations(a: Evaluation, b: Evaluation): number {
  return (
    Number(usable(b)) - Number(usable(a)) ||
    (b.valAccuracy ?? -1) - (a.valAccuracy ?? -1) ||
    (a.cost?.latencyMs ?? Infinity) - (b.cost?.latencyMs ?? Infinity) ||
    candidateNumber(a.candidateId) - candidateNumber(b.candidateId)
  );
}

/** The ids that go on to the next rung: the best `keep` usable ones. */
export function survivors(evaluations: readonly Evaluation[], keep: number): string[] {
  return evaluations
    .filter(usable)
    .sort(compareEvaluations)
    .slice(0, keep)
    .map((e) => e.candidateId);
}

/**
 * The members of each rung as far as the evaluations decide them: rung 0 holds every accepted candidate; rung k + 1
 * is known once every member of rung k has an evaluation.
 */
export function rungMembers(
  candidates: readonly Candidate[],
  evaluations: readonly Evaluation[],
  rungs: readonly Rung[],
): string[][] {
  const members = [candidates.filter((c) => !c.rejected).map((c) => c.id)];
  for (let k = 0; k + 1 < rungs.length; k++) {
    const at = evaluations.filter((e) => e.rung === k && members[k].includes(e.candidateId));
    if (at.length < members[k].length) break;
    const next = survivors(at, rungs[k + 1].size);
    if (next.length === 0) break;
    members.push(next);
  }
  return members;
}

export interface HalvingOptions {
  candidates: readonly Candidate[];
  rungs: readonly Rung[];
  /** Evaluations already made (a resumed run): not made again. */
  known: readonly Evaluation[];
  /** Trainings at once (the size of the worker pool). */
  concurrency: number;
  /** Trains and scores one candidate; rejects (with `signal` aborted) when cancelled. */
  evaluate: (candidate: Candidate, epochs: number, rung: number) => Promise<Evaluation>;
  /** Each new evaluation as it ends (awaited: the run is stored before the next one counts). */
  onEvaluation: (evaluation: Evaluation) => Promise<void> | void;
  signal?: AbortSignal;
  now?: () => number;
}

const cancelled = () => new StudioError('cancelled', 'The search was cancelled.');

/** Runs the rungs the evaluations still lack; resolves to every evaluation (known ones included). */
export async function runHalving(options: HalvingOptions): Promise<Evaluation[]> {
  const { candidates, rungs, signal } = options;
  const now = options.now ?? (() => Date.now());
  const all = [...options.known];
  const byId = new Map(candidates.map((c) => [c.id, c]));
  for (let k = 0; k < rungs.length; k++) {
    const members = rungMembers(candidates, all, rungs)[k];
    if (!members) break;
    const todo = members.filter((id) => !all.some((e) => e.rung === k && e.candidateId === id));
    await inPool(todo, options.concurrency, signal, async (id) => {
      const started = now();
      let evaluation: Evaluation;
      try {
        evaluation = await options.evaluate(byId.get(id)!, rungs[k].epochs, k);
      } catch (e) {
        if (signal?.aborted) return;
        evaluation = failed(id, k, rungs[k].epochs, describeError(e), now() - started);
      }
      if (signal?.aborted) return;
      all.push(evaluation);
      await options.onEvaluation(evaluation);
    });
  }
  return all;
}

export function failed(
  candidateId: string,
  rung: number,
  epochs: number,
  error: string,
  durationMs: number,
): Evaluation {
  return {
    candidateId,
    rung,
    epochs,
    status: 'failed',
    error,
    valAccuracy: null,
    test: { float: null, int8: null, windows: 0 },
    cost: null,
    overBudget: null,
    durationMs,
  };
}

/** Runs `job` on every item, `concurrency` at a time; once cancelled, starts no more and throws when all settle. */
async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  signal: AbortSignal | undefined,
  job: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length && !signal?.aborted) await job(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
  if (signal?.aborted) throw cancelled();
}
