import { useEffect } from 'react';
import { featureConfigHash } from '../../core/impulse/impulse';
import { targetBoard } from '../../core/mcu/targetBoard';
import { modelKey, useProfiling } from '../../state/profilingStore';
import { currentProject, useProjects } from '../../state/projectsStore';
import { useSelectedImpulse } from '../hooks/useSelectedImpulse';
import { ImpulsePicker } from '../testing/ImpulsePicker';
import { CalibrationNote } from '../profiling/CalibrationNote';
import { ModelSource } from '../profiling/ModelSource';
import { ProfileView } from '../profiling/ProfileView';
import { TargetBoardPicker } from '../profiling/TargetBoardPicker';
import '../profiling/profiling.css';

export function ProfilingPage() {
  const { impulse, model } = useSelectedImpulse();
  const project = useProjects(currentProject);
  const status = useProfiling((s) => s.status);
  const subject = useProfiling((s) => s.subject);
  const progress = useProfiling((s) => s.progress);
  const result = useProfiling((s) => s.result);
  const error = useProfiling((s) => s.error);
  const stale = !!impulse && !!model && model.configHash !== featureConfigHash(impulse);
  const key = impulse && model && !stale ? modelKey(impulse, model) : null;

  // The selected impulse is profiled when the page opens and whenever its model changes (a dropped file stays).
  useEffect(() => {
    if (!impulse || !model || key === null || status === 'running' || subject?.kind === 'file') return;
    if (subject?.kind === 'impulse' && subject.key === key) return;
    void useProfiling.getState().profileImpulse(impulse, model);
  }, [impulse, model, key, status, subject]);

  const showing =
    result && (subject?.kind === 'file' || (subject?.kind === 'impulse' && subject.key === key));
  return (
    <section className="profiling">
      <div className="page-head">
        <h1>Profiling</h1>
        <ImpulsePicker disabled={status === 'running'} />
        <TargetBoardPicker />
      </div>
      <p className="muted small">
        Latency, RAM and flash of the model on simulated microcontrollers, before anything is flashed: the
        model runs in the studio’s interpreter, then a cost model and TFLite Micro’s own arena planner size it
        for each board.
      </p>
      {stale && (
        <div className="callout">
          The impulse changed since its model was trained: train it again on the{' '}
          <a href="#/training">Training</a> page to profile it, or drop a .tflite below.
        </div>
      )}
      <ModelSource impulse={impulse} model={stale ? null : model} />
      {status === 'running' && (
        <div className="card" data-testid="profile-progress" aria-live="polite">
          <p className="small">{progress?.step ?? 'Starting the MCU worker…'}</p>
          <progress max={progress?.total ?? 1} value={progress?.done ?? 0} aria-label="Profiling progress" />
        </div>
      )}
      {status === 'error' && (
        <div className="callout error" role="alert" data-testid="profile-error">
          {subject?.kind === 'file' ? 'Could not profile the file: ' : 'Profiling failed: '}
          {error}
        </div>
      )}
      {status === 'done' && showing && (
        <ProfileView result={result} target={targetBoard(project?.targetBoard).id} />
      )}
      <CalibrationNote />
    </section>
  );
}
