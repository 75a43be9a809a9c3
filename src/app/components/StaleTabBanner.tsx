import { useDbStatus } from '../../state/db';
import { ModalNotice } from './ModalNotice';

/**
 * Covers the page while the database cannot be used: closed because the studio was updated in another tab
 * (this tab must reload and writes nothing meanwhile), or waiting for older tabs to close so the update can
 * finish (the notice goes away by itself once they have).
 */
export function StaleTabBanner() {
  const status = useDbStatus((s) => s.status);
  const message = useDbStatus((s) => s.message);
  if (status === 'closed') {
    return (
      <ModalNotice
        key="closed"
        title="Reload to continue"
        testId="stale-tab-banner"
        actions={
          <button className="btn primary" autoFocus onClick={() => window.location.reload()}>
            Reload
          </button>
        }
      >
        {message}
      </ModalNotice>
    );
  }
  if (status === 'blocked') {
    return (
      <ModalNotice key="blocked" title="Finishing the update" testId="db-blocked-banner">
        {message}
      </ModalNotice>
    );
  }
  return null;
}
