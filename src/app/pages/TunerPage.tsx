import { useEffect, useMemo } from 'react';
import { candidateRows, type ActiveTraining } from '../../core/tune/candidateRows';
import { spaceText } from '../../core/tune/describeCandidate';
import { searchSpaceFor } from '../../core/tune/searchSpace';
import { targetBoard } from '../../core/mcu/targetBoard';
import { boardShortName } from '../../core/mcu/boardShortName';
import { currentProject, useProjects } from '../../state/projectsStore';
import { useTuner } from '../../state/tunerStore';
import { useSelectedImpulse } from '../hooks/useSelectedImpulse';
import { ImpulsePicker } from '../testing/ImpulsePicker';
import { CandidateTable } from '../tuner/CandidateTable';
import { ParetoCharts } from '../tuner/ParetoCharts';
import { RunSummary } from '../tuner/RunSummary';
import { SearchControls } from '../tuner/SearchControls';
import { TunerSettingsForm } from '../tuner/TunerSettingsForm';
import '../tuner/tuner.css';

/** The tuner: a search over the impulse's window, DSP settings and network under the target board's budget. */
export function TunerPage() {
  const { impulse } = useSelectedImpulse();
  const project = useProjects(currentProject);
  const board = targetBoard(project?.targetBoard);
  const projectId = project?.id ?? null;
  const settings = useTuner((s) => s.settings);
  const run = useTuner((s) => s.run);
  const loadError = useTuner((s) => s.loadError);
  const trainings = useTuner((s) => s.active?.trainings);
  const busy = useTuner((s) => s.active !== null);

  useEffect(() => {
    void useTuner.getState().load(projectId);
  }, [projectId]);
  useEffect(() => {
    if (impulse) useTuner.getState().prefill(board, impulse);
  }, [board, impulse]);

  const rows = useMemo(() => {
    if (!run) return [];
    const active = new Map<string, ActiveTraining>(Object.entries(trainings ?? {}));
    return candidateRows(run, active);
  }, [run, trainings]);
  const space = impulse ? spaceText(searchSpaceFor(impulse)) : [];

  return (
    <section className="tuner-page">
      <div className="page-head">
        <h1>Tuner</h1>
        <ImpulsePicker disabled={busy} />
      </div>
      {loadError && (
        <div className="callout error" role="alert">
          {loadError}
        </div>
      )}
      {!impulse && (
        <div className="callout">
          Design an impulse first on the <a href="#/impulse">Impulse design</a> page: the tuner searches
          around it.
        </div>
      )}
      {impulse && settings && (
        <section className="card" aria-labelledby="tuner-search-title">
          <h2 id="tuner-search-title">Search around “{impulse.name}”</h2>
          <p className="muted small">
            Draws candidates from the space below and costs each on {boardShortName(board.id)} before any
            training: one over the budget is never trained. The rest are trained briefly, then the best{' '}
            {settings.eta === 2 ? 'half' : `1 / ${settings.eta}`} (by validation accuracy) {settings.eta}{' '}
            times longer, rung by rung, each quantised to int8 and profiled on the board again. Candidates are
            trained without augmentation or early stopping, in a pool of workers.
          </p>
          <ul className="tuner-space small" data-testid="tuner-space">
            {space.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <TunerSettingsForm settings={settings} board={board} />
          <SearchControls impulse={impulse} settings={settings} board={board} run={run} />
        </section>
      )}
      {run && (
        <>
          <section className="card" aria-labelledby="tuner-candidates-title">
            <h2 id="tuner-candidates-title">Candidates</h2>
            <RunSummary run={run} rows={rows} />
            <CandidateTable run={run} rows={rows} />
          </section>
          <section className="card" aria-labelledby="tuner-charts-title">
            <h2 id="tuner-charts-title">Accuracy against cost</h2>
            <ParetoCharts run={run} rows={rows} />
          </section>
        </>
      )}
    </section>
  );
}
