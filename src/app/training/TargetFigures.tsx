import { useEffect } from 'react';
import type { Impulse } from '../../core/impulse/impulse';
import type { TrainedModel } from '../../core/learn/trainedModel';
import { boardShortName } from '../../core/mcu/boardShortName';
import { targetBoard } from '../../core/mcu/targetBoard';
import { modelKey, useProfiling } from '../../state/profilingStore';
import { currentProject, useProjects } from '../../state/projectsStore';
import { summaryLine } from '../profiling/profileFormat';

/** The quantised model on the project's target board (TFLite Micro + CMSIS-NN), computed by the MCU worker. */
export function TargetFigures({ impulse, model }: { impulse: Impulse; model: TrainedModel }) {
  const board = targetBoard(useProjects(currentProject)?.targetBoard);
  const key = `${modelKey(impulse, model)}|${board.id}`;
  const summary = useProfiling((s) => (s.summary?.key === key ? s.summary : null));
  useEffect(() => {
    if (model.int8) void useProfiling.getState().loadSummary(impulse, model, board.id);
  }, [impulse, model, board.id]);
  return (
    <div className="metric target-figures" data-testid="target-figures">
      <span className="metric-label">
        On the target board (<a href="#/profiling">Profiling</a>)
      </span>
      {!model.int8 && (
        <span className="muted small">Quantise to int8 to see it on {boardShortName(board.id)}.</span>
      )}
      {model.int8 && summary?.status === 'running' && <span className="muted small">Estimating…</span>}
      {summary?.status === 'error' && <span className="error-text">{summary.error}</span>}
      {summary?.profile && (
        <span
          className="small"
          data-testid="target-figures-line"
          title={`${summary.profile.boardName}, int8, TFLite Micro + CMSIS-NN, estimated: ${summary.profile.reason}`}
        >
          ≈ {summaryLine(summary.profile)}
          {!summary.profile.fits && <strong className="error-text"> — does not fit</strong>}
        </span>
      )}
    </div>
  );
}
