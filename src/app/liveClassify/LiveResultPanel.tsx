import type { LiveSession, Timing } from '../../state/liveClassifyStore';
import { labelColor } from './labelColor';
import { LiveTimeline } from './LiveTimeline';
import { formatDuration, performanceClockResolution } from './timing';

const mean = (t: Timing) => (t.count ? t.total / t.count : 0);

/** The current smoothed result, the per-class bars, the timeline and the per-window timing. */
export function LiveResultPanel({ session }: { session: LiveSession }) {
  const r = session.readout;
  const stopped = session.status === 'stopped';
  const labelClass = stopped
    ? 'stopped'
    : r?.text === 'uncertain'
      ? 'uncertain'
      : r?.text === 'anomaly'
        ? 'anomaly'
        : '';
  const tick = performanceClockResolution();
  const ms = (v: number) => formatDuration(v, tick);
  return (
    <section className={`card${stopped ? ' live-stopped' : ''}`} data-testid="live-results">
      <div className="live-main">
        <div>
          {/* A stopped session's result is history, not what the sensor shows now: say so, in a muted style. */}
          {stopped && r && <div className="live-stopped-caption">Stopped — last result:</div>}
          <div
            className={`live-label ${labelClass}`}
            data-testid="live-label"
            data-state={stopped ? 'stopped' : 'current'}
            aria-live="polite"
          >
            {r ? r.text : stopped ? '–' : 'Waiting for the first window…'}
          </div>
          {r && session.kind === 'classifier' && (
            <div className="live-sub">smoothed probability {r.value.toFixed(2)}</div>
          )}
          {r && session.kind === 'regression' && <div className="live-sub">predicted value</div>}
          {r && session.kind === 'anomaly' && (
            <div className="live-sub">
              anomaly score {r.value.toFixed(3)} (above 0: outside every cluster)
            </div>
          )}
          <div
            className="live-timing small"
            data-testid="live-timing"
            title={
              tick > 0
                ? `Timed in the worker with the browser’s clock, which here ticks every ${formatDuration(tick, 0)}`
                : undefined
            }
          >
            {session.dsp.count > 0 ? (
              <>
                DSP {ms(session.dsp.last)} (mean {ms(mean(session.dsp))}) · inference{' '}
                {ms(session.inference.last)} (mean {ms(mean(session.inference))})
              </>
            ) : (
              'No window classified yet.'
            )}
            <br />
            {session.classified} window{session.classified === 1 ? '' : 's'} classified · {session.skipped}{' '}
            skipped while the worker was busy
            {session.gaps > 0 &&
              ` · ${session.gaps} gap${session.gaps === 1 ? '' : 's'} in the stream (windowing restarted)`}
          </div>
        </div>
        {session.kind === 'classifier' && r && (
          <ul className="live-bars" aria-label="Smoothed class probabilities">
            {session.labels.map((label, i) => (
              <li key={label} className="live-bar">
                <span className="live-bar-name" title={label}>
                  {label}
                </span>
                <span className="live-bar-track">
                  <span
                    className="live-bar-fill"
                    style={{
                      display: 'block',
                      width: `${Math.round((r.smoothed[i] ?? 0) * 100)}%`,
                      background: labelColor(session.labels, label),
                    }}
                  />
                </span>
                <span className="num">{(r.smoothed[i] ?? 0).toFixed(2)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <LiveTimeline session={session} />
    </section>
  );
}
