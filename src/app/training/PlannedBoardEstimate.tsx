import { useEffect, useId } from 'react';
import type { Impulse } from '../../core/impulse/impulse';
import type { Architecture } from '../../core/learn/architecture';
import { targetBoard } from '../../core/mcu/targetBoard';
import { DEFAULT_RUNTIME } from '../../state/profilingStore';
import { usePlannedEstimate } from '../../state/plannedEstimateStore';
import { currentProject, useProjects } from '../../state/projectsStore';
import { formatKb, formatMs, runtimeTitle } from '../profiling/profileFormat';

/**
 * The network being designed on the project's target board, before training: the MCU worker profiles the planned
 * shapes with placeholder weights (plannedEstimate.ts) a moment after each edit.
 */
export function PlannedBoardEstimate({ impulse, arch }: { impulse: Impulse; arch: Architecture }) {
  const board = targetBoard(useProjects(currentProject)?.targetBoard);
  const { status, estimate, error } = usePlannedEstimate();
  const { input, dsp } = impulse;
  useEffect(() => {
    usePlannedEstimate
      .getState()
      .request({ impulse: { input, dsp }, arch, board: board.id, runtime: DEFAULT_RUNTIME });
  }, [input, dsp, arch, board.id]);
  useEffect(() => () => usePlannedEstimate.getState().clear(), []);
  const headingId = useId();
  const shown = estimate?.board === board.id ? estimate : null;
  return (
    <section
      className="planned-estimate"
      aria-labelledby={headingId}
      aria-busy={status === 'pending'}
      data-testid="planned-estimate"
    >
      <h3 id={headingId}>Estimate on {board.name}</h3>
      <p className="muted small">
        From the planned shapes with placeholder weights, before training: the int8 model and its DSP under{' '}
        {runtimeTitle(DEFAULT_RUNTIME)}. The board is the project’s target (
        <a href="#/profiling">change it on Profiling</a>).
      </p>
      {shown && (
        <dl className="estimate-figures">
          <div>
            <dt>Latency</dt>
            <dd data-testid="estimate-latency">≈ {formatMs(shown.latencyMs)}</dd>
            {shown.dspMs !== null && <dd className="muted small">DSP {formatMs(shown.dspMs)}</dd>}
          </div>
          <div>
            <dt>RAM</dt>
            <dd data-testid="estimate-ram">≈ {formatKb(shown.ramBytes)}</dd>
            <dd className="muted small">of {formatKb(shown.ramAvailableBytes)} free</dd>
          </div>
          <div>
            <dt>Flash</dt>
            <dd data-testid="estimate-flash">≈ {formatKb(shown.flashBytes)}</dd>
            <dd className="muted small">of {formatKb(shown.flashAvailableBytes)} free</dd>
          </div>
          <div>
            <dt>Fits the board</dt>
            <dd
              data-testid="estimate-fits"
              className={shown.fits ? undefined : 'error-text'}
              title={shown.reason}
            >
              {shown.fits ? 'Yes' : 'No'}
            </dd>
          </div>
        </dl>
      )}
      {shown && !shown.fits && <p className="error-text small">{shown.reason}</p>}
      <p className="muted small" role="status">
        {status === 'pending' && (shown ? 'Updating the estimate…' : 'Estimating…')}
      </p>
      {status === 'error' && (
        <p className="error-text" role="alert">
          The estimate failed: {error}
        </p>
      )}
    </section>
  );
}
