import { boardShortName } from '../../core/mcu/boardShortName';
import type { CandidateRow } from '../../core/tune/candidateRows';
import type { TunerRun } from '../../core/tune/tuneTypes';
import { runtimeTitle } from '../profiling/profileFormat';

/** What the shown run searched from and under, and how many candidates it drew, rejected and trained. */
export function RunSummary({ run, rows }: { run: TunerRun; rows: CandidateRow[] }) {
  const { settings } = run;
  const rejected = rows.filter((r) => r.state === 'rejected').length;
  const trained = rows.filter((r) => r.evaluation !== null).length;
  const fit = rows.filter((r) => r.canSave).length;
  return (
    <p className="small" data-testid="tuner-summary">
      From “{run.base.name}” on {boardShortName(settings.board)} ({runtimeTitle(settings.runtime)}), budget{' '}
      {settings.budget.latencyMs} ms, {settings.budget.ramKb} KB RAM, {settings.budget.flashKb} KB flash:{' '}
      {rows.length} drawn, {rejected} rejected before training, {trained} trained, {fit} fit once trained.{' '}
      <span className="muted">Started {new Date(run.startedAt).toLocaleString()}.</span>
    </p>
  );
}
