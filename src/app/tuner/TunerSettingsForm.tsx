import type { Board } from '../../core/mcu/boards';
import { RUNTIMES, type Runtime } from '../../core/mcu/cost';
import { budgetRules, TUNE_RULES, tuneSettingsProblems } from '../../core/tune/tuneSettings';
import type { TuneSettings } from '../../core/tune/tuneTypes';
import { useTuner } from '../../state/tunerStore';
import { NumberField } from '../components/NumberField';
import { TargetBoardPicker } from '../profiling/TargetBoardPicker';

/** The board, the budget (filled in from the board) and how wide and how deep the search goes. */
export function TunerSettingsForm({ settings, board }: { settings: TuneSettings; board: Board }) {
  const busy = useTuner((s) => s.active !== null);
  const set = useTuner.getState().setSettings;
  const problems = tuneSettingsProblems(settings, board);
  const rules = budgetRules(board);
  const budget = (key: keyof TuneSettings['budget']) => (v: number) =>
    set({ ...settings, budget: { ...settings.budget, [key]: v } });
  return (
    <fieldset className="tuner-settings" disabled={busy} data-testid="tuner-settings">
      <legend className="visually-hidden">Search settings</legend>
      <div className="row gap wrap tuner-fields">
        <TargetBoardPicker />
        <label>
          Runtime
          <select
            value={settings.runtime}
            onChange={(e) => set({ ...settings, runtime: e.target.value as Runtime })}
          >
            {RUNTIMES.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row gap wrap tuner-fields" role="group" aria-label="Budget">
        <NumberField
          label="Latency budget"
          unit="ms"
          value={settings.budget.latencyMs}
          rule={rules.latencyMs}
          error={problems['budget.latencyMs']}
          onChange={budget('latencyMs')}
        />
        <NumberField
          label="RAM budget"
          unit="KB"
          value={settings.budget.ramKb}
          rule={rules.ramKb}
          error={problems['budget.ramKb']}
          onChange={budget('ramKb')}
        />
        <NumberField
          label="Flash budget"
          unit="KB"
          value={settings.budget.flashKb}
          rule={rules.flashKb}
          error={problems['budget.flashKb']}
          onChange={budget('flashKb')}
        />
      </div>
      <div className="row gap wrap tuner-fields" role="group" aria-label="Search">
        <NumberField
          label="Candidates"
          value={settings.candidates}
          rule={TUNE_RULES.candidates}
          error={problems.candidates}
          onChange={(candidates) => set({ ...settings, candidates })}
        />
        <NumberField
          label="First rung epochs"
          value={settings.minEpochs}
          rule={TUNE_RULES.minEpochs}
          error={problems.minEpochs}
          onChange={(minEpochs) => set({ ...settings, minEpochs })}
        />
        <NumberField
          label="Last rung epochs"
          value={settings.maxEpochs}
          rule={TUNE_RULES.maxEpochs}
          error={problems.maxEpochs}
          onChange={(maxEpochs) => set({ ...settings, maxEpochs })}
        />
        <NumberField
          label="Halving factor"
          value={settings.eta}
          rule={TUNE_RULES.eta}
          error={problems.eta}
          onChange={(eta) => set({ ...settings, eta })}
        />
        <NumberField
          label="Seed"
          value={settings.seed}
          rule={TUNE_RULES.seed}
          error={problems.seed}
          onChange={(seed) => set({ ...settings, seed })}
        />
      </div>
    </fieldset>
  );
}
