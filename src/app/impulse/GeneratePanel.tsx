import type { Impulse } from '../../core/impulse/impulse';
import { useImpulses } from '../../state/impulseStore';
import { formatDuration } from '../format';

export function GeneratePanel({ impulse }: { impulse: Impulse }) {
  const run = useImpulses((s) => (s.run?.impulseId === impulse.id ? s.run : null));
  const { generate, cancel } = useImpulses.getState();
  const running = run?.status === 'running';
  const p = run?.progress;

  return (
    <div className="card generate" data-testid="generate-panel">
      <div className="row gap wrap">
        <h2>Features</h2>
        {running ? (
          <button className="btn" onClick={cancel}>
            Cancel
          </button>
        ) : (
          <button className="btn primary" onClick={() => void generate()}>
            Generate features
          </button>
        )}
        <span className="muted small">
          Runs in a background worker; features are cached per sample, so a re-run only computes what changed.
        </span>
      </div>
      {running && (
        <div className="record-status" data-testid="generate-progress">
          <progress max={p?.total ?? 1} value={p?.done ?? 0} aria-label="Feature generation progress" />
          <span>{p ? `${p.done} / ${p.total} samples` : 'Starting…'}</span>
        </div>
      )}
      {run?.status === 'done' && run.summary && (
        <p data-testid="generate-summary">
          {run.summary.windowCount.toLocaleString()} windows × {run.summary.featureCount.toLocaleString()}{' '}
          features from {run.samples.length} samples in {formatDuration(run.summary.durationMs)} (
          {run.summary.computed} computed, {run.summary.cached} from the cache).
          {run.leftOut > 0 && ` ${run.leftOut} enabled samples lack the impulse's axes and were left out.`}
          {run.summary.skipped.length > 0 &&
            ` ${run.summary.skipped.length} samples gave no window (${run.summary.skipped[0].reason}${run.summary.skipped.length > 1 ? ', …' : ''}).`}
        </p>
      )}
      {run?.status === 'cancelled' && (
        <p className="muted">Cancelled. What was computed is cached and will be reused.</p>
      )}
      {run?.status === 'error' && <p className="error-text">{run.error}</p>}
    </div>
  );
}
