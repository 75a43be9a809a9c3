import { featureConfigHash, type Impulse } from '../../core/impulse/impulse';
import { useFeatureCache } from '../../state/featureCacheStore';
import { featureSettingsProblems } from '../../core/validation/impulseRules';
import { useImpulses } from '../../state/impulseStore';
import { formatDuration } from '../format';

export function GeneratePanel({ impulse }: { impulse: Impulse }) {
  const run = useImpulses((s) => (s.run?.impulseId === impulse.id ? s.run : null));
  const { generate, cancel } = useImpulses.getState();
  const running = run?.status === 'running';
  const p = run?.progress;
  const blocker = featureSettingsProblems(impulse)[0];
  const share = useFeatureCache((s) => s.share);
  const partial =
    !run &&
    share?.impulseId === impulse.id &&
    share.configHash === featureConfigHash(impulse) &&
    share.cached > 0
      ? share
      : null;

  return (
    <div className="card generate" data-testid="generate-panel">
      <div className="row gap wrap">
        <h2>Features</h2>
        {running ? (
          <button className="btn" onClick={cancel} disabled={run?.cancelling} data-testid="generate-cancel">
            {run?.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : (
          <button
            className="btn primary"
            disabled={!!blocker}
            aria-describedby={blocker ? 'generate-blocker' : undefined}
            onClick={() => void generate()}
          >
            Generate features
          </button>
        )}
        {!running && blocker && (
          <p className="error-text" id="generate-blocker" data-testid="generate-blocker">
            Fix this first: {blocker}
          </p>
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
      {partial && (
        <p className="muted" data-testid="generate-partial-cache">
          {partial.cached} of {partial.total} samples have cached features — Generate to compute the rest.
        </p>
      )}
      {run?.status === 'done' && run.summary && (
        <p data-testid="generate-summary" data-origin={run.origin}>
          {run.origin === 'cache' && <strong>From the cache: </strong>}
          {run.summary.windowCount.toLocaleString()} windows × {run.summary.featureCount.toLocaleString()}{' '}
          features from {run.samples.length} samples
          {run.origin === 'cache'
            ? ', as last generated (nothing computed).'
            : ` in ${formatDuration(run.summary.durationMs)} (${run.summary.computed} computed, ${run.summary.cached} from the cache).`}
          {run.leftOut > 0 && ` ${run.leftOut} enabled samples lack the impulse's axes and were left out.`}
          {run.summary.skipped.length > 0 &&
            ` ${run.summary.skipped.length} ${run.summary.skipped.length === 1 ? 'sample gives' : 'samples give'} no window. “${run.summary.skipped[0].name}”: ${run.summary.skipped[0].reason}`}
        </p>
      )}
      {run?.status === 'cancelled' && (
        <p className="muted">Cancelled. What was computed is cached and will be reused.</p>
      )}
      {run?.status === 'error' && <p className="error-text">{run.error}</p>}
    </div>
  );
}
