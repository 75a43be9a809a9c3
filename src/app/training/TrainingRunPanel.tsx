import type { Impulse } from '../../core/impulse/impulse';
import { etaMs, useTraining } from '../../state/trainingStore';
import type { BackendChoice } from '../../platform/tfjs/backend';
import { formatDuration } from '../format';
import { TrainingChart } from './TrainingChart';

/** Start / cancel training, the backend, progress with ETA, and the loss/accuracy chart as epochs land. */
export function TrainingRunPanel({
  impulse,
  canTrain,
  blocker,
  neural,
}: {
  impulse: Impulse;
  canTrain: boolean;
  /** Why training cannot start as the impulse is set (a wrong field…), shown by the button. */
  blocker: string | null;
  neural: boolean;
}) {
  const active = useTraining((s) => (s.active?.impulseId === impulse.id ? s.active : null));
  const lastRun = useTraining((s) => (s.lastRun?.impulseId === impulse.id ? s.lastRun : null));
  const backend = useTraining((s) => s.backend);
  const { train, cancel, setBackend } = useTraining.getState();
  const last = active?.history[active.history.length - 1];
  const eta = active ? etaMs(active) : null;
  return (
    <section className="card training-run" data-testid="training-run">
      <div className="row gap wrap">
        <h2>Train</h2>
        {neural && (
          <label>
            Backend
            <select
              value={backend}
              disabled={!!active}
              onChange={(e) => setBackend(e.target.value as BackendChoice)}
            >
              <option value="wasm">WebAssembly (SIMD, default)</option>
              <option value="cpu">CPU (plain JavaScript)</option>
            </select>
          </label>
        )}
        {active ? (
          <button className="btn" onClick={cancel} disabled={active.cancelling} data-testid="train-cancel">
            {active.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : (
          <button
            className="btn primary"
            disabled={!canTrain || !!blocker}
            aria-describedby={blocker ? 'train-blocker' : undefined}
            onClick={() => void train(impulse)}
            data-testid="train-start"
          >
            Start training
          </button>
        )}
        {!active && blocker && (
          <p className="error-text" id="train-blocker" data-testid="train-blocker">
            Fix this before training (settings with a mistake are not saved): {blocker}
          </p>
        )}
        <span className="muted small">
          Runs in a background worker: the page stays usable. The previous model is kept until the new one
          finishes.
        </span>
      </div>
      {active && (
        <div className="training-progress" data-testid="training-progress" aria-live="polite">
          {active.phase === 'features' && (
            <div className="record-status">
              <progress max={1} value={active.featureFraction} aria-label="Feature generation progress" />
              <span>Features {Math.round(active.featureFraction * 100)} %</span>
            </div>
          )}
          {(active.phase === 'preparing' || active.phase === 'training' || active.phase === 'finishing') && (
            <div className="record-status">
              <progress
                max={active.totalEpochs || 1}
                value={last?.epoch ?? 0}
                aria-label="Training progress"
              />
              <span data-testid="training-epoch">
                {active.phase === 'preparing'
                  ? 'Preparing…'
                  : active.phase === 'finishing'
                    ? 'Saving the model…'
                    : `Epoch ${last?.epoch ?? 0} / ${active.totalEpochs}`}
                {eta !== null && active.phase === 'training' && ` · about ${formatDuration(eta)} left`}
                {active.backend && ` · ${active.backend} backend`}
              </span>
            </div>
          )}
          {active.backendNote && <p className="callout warn">{active.backendNote}</p>}
          {last && (
            <p className="small">
              loss {last.loss.toFixed(3)}
              {last.valLoss !== null && ` · validation loss ${last.valLoss.toFixed(3)}`}
              {last.valAccuracy !== null && ` · validation accuracy ${(last.valAccuracy * 100).toFixed(1)} %`}
            </p>
          )}
          {active.history.length > 0 && (
            <TrainingChart
              history={active.history}
              classifier={last?.accuracy !== null}
              totalEpochs={active.totalEpochs}
            />
          )}
        </div>
      )}
      {!active && lastRun && lastRun.status !== 'completed' && (
        <p className={lastRun.status === 'failed' ? 'error-text' : 'callout'} data-testid="last-run-status">
          The last training run ({new Date(lastRun.startedAt).toLocaleString()}){' '}
          {lastRun.status === 'failed' ? 'failed' : 'was cancelled'}
          {lastRun.message ? `: ${lastRun.message}` : '.'} The previous model, if any, is unchanged.
        </p>
      )}
    </section>
  );
}
