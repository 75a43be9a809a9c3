import type { Board } from '../../core/mcu/boards';
import type { Impulse } from '../../core/impulse/impulse';
import { runRungs } from '../../core/tune/candidateRows';
import { plannedTrainings } from '../../core/tune/successiveHalving';
import { tuneSettingsProblems } from '../../core/tune/tuneSettings';
import type { TuneSettings, TunerRun } from '../../core/tune/tuneTypes';
import { problemList } from '../../core/validation/numberRule';
import { useTuner, type RunningTraining } from '../../state/tunerStore';

const PHASES: Record<NonNullable<RunningTraining['progress']>['phase'], string> = {
  features: 'features',
  training: 'training',
  quantising: 'quantising to int8',
  testing: 'testing float32 and int8',
  profiling: 'profiling on the board',
};

/** Trainings made per minute of search time, over every session of the run. */
export function trainingsPerMinute(run: TunerRun): number | null {
  const minutes = run.activeMs / 60_000;
  return run.evaluations.length > 0 && minutes > 0 ? run.evaluations.length / minutes : null;
}

/** Start, Cancel and Resume, the run's progress, and what each worker of the pool is training. */
export function SearchControls({
  impulse,
  settings,
  board,
  run,
}: {
  impulse: Impulse;
  settings: TuneSettings;
  board: Board;
  run: TunerRun | null;
}) {
  const active = useTuner((s) => s.active);
  const { start, cancel, resume } = useTuner.getState();
  const problem = problemList(tuneSettingsProblems(settings, board))[0];
  const total = run ? plannedTrainings(runRungs(run)) : 0;
  const done = run?.evaluations.length ?? 0;
  const resumable = !active && run && (run.status === 'cancelled' || run.status === 'failed') && done < total;
  const perMinute = run && trainingsPerMinute(run);
  return (
    <div className="tuner-controls" data-testid="tuner-controls">
      <div className="row gap wrap">
        <button
          type="button"
          className="btn primary"
          data-testid="tuner-start"
          disabled={!!active || !!problem}
          onClick={() => void start(impulse)}
        >
          {run ? 'Start a new search' : 'Start search'}
        </button>
        {resumable && (
          <button type="button" className="btn" data-testid="tuner-resume" onClick={() => void resume()}>
            Resume ({total - done} trainings left)
          </button>
        )}
        {active && (
          <button
            type="button"
            className="btn"
            data-testid="tuner-cancel"
            disabled={active.cancelling}
            onClick={cancel}
          >
            {active.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
        {problem && !active && <span className="error-text">{problem}</span>}
      </div>
      {run && !active && run.message && (
        <p className={run.status === 'failed' ? 'error-text' : 'muted small'} data-testid="tuner-run-message">
          {run.message}
        </p>
      )}
      {active?.phase === 'planning' && (
        <p className="small" role="status">
          Drawing candidates and costing each on the board before any training…
        </p>
      )}
      {active?.phase === 'training' && run && (
        <div className="tuner-progress" role="status" aria-live="polite">
          <progress max={Math.max(1, total)} value={done} aria-label="Search progress" />
          <span className="small" data-testid="tuner-progress">
            {done} / {total} trainings, {active.workers} at a time
          </span>
          <ul className="tuner-workers small">
            {Object.entries(active.trainings).map(([id, t]) => (
              <li key={id} data-testid="tuner-training">
                {id}: {t.epochs} epochs, rung {t.rung + 1} —{' '}
                {t.progress
                  ? `${PHASES[t.progress.phase]} ${Math.round(t.progress.fraction * 100)} %`
                  : 'starting'}
              </li>
            ))}
          </ul>
        </div>
      )}
      {run && perMinute !== null && (
        <p className="muted small" data-testid="tuner-throughput">
          {done} trainings in {(run.activeMs / 60_000).toFixed(1)} min: {perMinute.toFixed(1)} per minute
        </p>
      )}
    </div>
  );
}
