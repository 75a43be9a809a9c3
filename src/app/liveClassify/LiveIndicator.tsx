import { useLiveClassify } from '../../state/liveClassifyStore';
import { routeHref, useRoute } from '../useRoute';
import './liveClassify.css';

/** In the top bar while live classification runs and another page is open: its newest result, and Stop. */
export function LiveIndicator() {
  const route = useRoute();
  const status = useLiveClassify((s) => s.session?.status ?? 'stopped');
  const text = useLiveClassify((s) => s.session?.readout?.text ?? null);
  if (status === 'stopped' || route === 'live') return null;
  return (
    <div className="live-indicator" data-testid="live-indicator">
      <span className="live-indicator-dot" aria-hidden="true" />
      <a href={routeHref('live')} className="live-indicator-label">
        Live classification running —{' '}
      </a>
      <strong className="live-indicator-result" title={text ?? undefined}>
        {text ?? 'waiting for a window'}
      </strong>
      <button
        type="button"
        className="btn small"
        onClick={() => useLiveClassify.getState().stop()}
        aria-label="Stop live classification"
      >
        Stop
      </button>
    </div>
  );
}
