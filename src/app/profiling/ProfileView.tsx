import { useState } from 'react';
import type { BoardId } from '../../core/mcu/boards';
import { RUNTIMES, type Runtime } from '../../core/mcu/cost';
import type { ExecutionProof } from '../../core/mcu/profileRun';
import { useProfiling } from '../../state/profilingStore';
import type { ProfileResult } from '../../../workers/mcuApi';
import { BoardTable } from './BoardTable';
import { BudgetChart } from './BudgetChart';
import { LatencyChart } from './LatencyChart';
import { LayerTable } from './LayerTable';
import { MemoryPlan } from './MemoryPlan';
import { formatKb, partTitle, runtimeTitle } from './profileFormat';

function outputsText(execution: ExecutionProof, labels: string[]): string {
  const values = execution.outputs.slice(0, 8).map((v, i) => {
    const value = Number.isInteger(v) ? String(v) : v.toFixed(3);
    return labels[i] ? `${labels[i]} ${value}` : value;
  });
  return values.join(', ') + (execution.outputs.length > 8 ? ', …' : '');
}

/** A finished profile: the run's proof, the runtime and precision, every board, then one board in detail. */
export function ProfileView({ result, target }: { result: ProfileResult; target: BoardId }) {
  const runtime = useProfiling((s) => s.runtime);
  const precision = useProfiling((s) => s.precision);
  const [chosen, setChosen] = useState<BoardId | null>(null);
  const report = result.reports.find((r) => r.precision === precision) ?? result.reports[0];
  const profiles = report.profiles[runtime];
  const selected = profiles.find((p) => p.board === (chosen ?? target)) ?? profiles[0];
  const ops = selected.layers.length;
  return (
    <>
      <section className="card" data-testid="profile-result">
        <h2>{result.title}</h2>
        <p className="small" data-testid="profile-execution">
          Ran the {report.precision === 'none' ? 'anomaly' : report.precision} model in the studio’s
          interpreter on {report.execution.input}: outputs {outputsText(report.execution, result.labels)}.
          Profiled on {profiles.length} boards in {Math.round(result.durationMs)} ms.
        </p>
        <div className="row gap wrap">
          <label>
            Runtime
            <select
              data-testid="profile-runtime"
              value={runtime}
              onChange={(e) => useProfiling.getState().setRuntime(e.target.value as Runtime)}
            >
              {RUNTIMES.map((r) => (
                <option key={r.id} value={r.id} title={r.description}>
                  {r.title}
                </option>
              ))}
            </select>
          </label>
          {result.reports.length > 1 && (
            <fieldset className="precision-toggle">
              <legend>Model</legend>
              {result.reports.map((r) => (
                <label key={r.precision}>
                  <input
                    type="radio"
                    name="profile-precision"
                    value={r.precision}
                    checked={r.precision === report.precision}
                    onChange={() => useProfiling.getState().setPrecision(r.precision)}
                  />
                  {r.precision}
                </label>
              ))}
            </fieldset>
          )}
        </div>
        <p className="muted small">
          ≈ marks an estimate (hover or focus a figure for what it rests on); figures without it are exact.
          RAM and flash are what the model needs against what the board leaves after its own firmware.
        </p>
        <BoardTable profiles={profiles} target={target} selected={selected.board} onSelect={setChosen} />
        <div className="profile-charts">
          <LatencyChart profiles={profiles} />
          <BudgetChart profiles={profiles} />
        </div>
      </section>
      <section className="card" data-testid="profile-detail">
        <h2>
          {selected.boardName} · {runtimeTitle(runtime)}
        </h2>
        <p className={selected.fits ? 'small' : 'small error-text'} data-testid="profile-reason">
          {selected.reason}
        </p>
        <div className="budget-lists">
          {(['ram', 'flash'] as const).map((which) => (
            <div key={which}>
              <h3>{which === 'ram' ? 'RAM' : 'Flash'}</h3>
              <ul className="small">
                {selected[which].parts.map((part) => (
                  <li key={part.name} title={partTitle(part)}>
                    {part.name}: {part.accuracy === 'estimated' ? '≈ ' : ''}
                    {formatKb(part.bytes)} <span className="muted">({part.accuracy})</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
        {selected.dspProblem && (
          <p className="callout warn small">The DSP has no estimate: {selected.dspProblem}</p>
        )}
        {selected.plan.length > 0 && (
          <MemoryPlan buffers={selected.plan} ops={ops} title={selected.arena.used.name} />
        )}
        {selected.layers.length > 0 && <LayerTable layers={selected.layers} />}
      </section>
    </>
  );
}
