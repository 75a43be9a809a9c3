import type { Estimate } from '../../state/deploymentStore';
import { approx, budgetTitle, formatKb, formatMs, msTitle, runtimeTitle } from '../profiling/profileFormat';

/** The simulated latency, RAM and flash of the chosen download on the target board, and whether it fits. */
export function TargetEstimate({ estimate, boardName }: { estimate: Estimate | null; boardName: string }) {
  const p = estimate?.profile;
  return (
    <section className="card deploy-estimate" data-testid="deploy-estimate" aria-live="polite">
      <h2>On {boardName}</h2>
      {(!estimate || estimate.status === 'running') && (
        <p className="muted small" data-testid="deploy-estimating">
          Simulating this choice on the board…
        </p>
      )}
      {estimate?.status === 'error' && (
        <p className="error-text" role="alert">
          The estimate failed: {estimate.error}
        </p>
      )}
      {p && (
        <>
          <p className="muted small">
            {runtimeTitle(p.runtime)}, {p.precision === 'none' ? 'k-means scoring' : p.precision}; simulated,
            hover a figure for what it rests on. <a href="#/profiling">Every board on the Profiling page</a>.
          </p>
          <dl className="deploy-figures">
            <div title={msTitle(p.latencyMs)}>
              <dt>Latency per window</dt>
              <dd data-testid="deploy-latency">
                {approx(p.latencyMs.accuracy)}
                {formatMs(p.latencyMs.ms)}
              </dd>
            </div>
            <div title={budgetTitle(p.ram)}>
              <dt>RAM</dt>
              <dd data-testid="deploy-ram">
                {approx(p.ram.accuracy)}
                {formatKb(p.ram.usedBytes)} <span className="muted">of {formatKb(p.ram.availableBytes)}</span>
              </dd>
            </div>
            <div title={budgetTitle(p.flash)}>
              <dt>Flash</dt>
              <dd data-testid="deploy-flash">
                {approx(p.flash.accuracy)}
                {formatKb(p.flash.usedBytes)}{' '}
                <span className="muted">of {formatKb(p.flash.availableBytes)}</span>
              </dd>
            </div>
          </dl>
          {p.fits ? (
            <p className="ok-text" data-testid="deploy-fit" data-fits="true">
              ✓ {p.reason}
            </p>
          ) : (
            <div className="callout error" role="alert" data-testid="deploy-fit" data-fits="false">
              <strong>Too big for {boardName}.</strong> {p.reason} Choose int8, a smaller model or another
              board before you flash it.
            </div>
          )}
        </>
      )}
    </section>
  );
}
