/// <reference types="vite-plugin-pwa/react" />
import type { CSSProperties } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';

// Set through the CSSOM by React, which the Content-Security-Policy allows without 'unsafe-inline'.
const BANNER: CSSProperties = {
  position: 'fixed',
  // Below the top bar, so the project picker and the storage meter stay visible.
  top: 60,
  right: 12,
  maxWidth: 360,
  zIndex: 60,
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: 8,
  boxShadow: '0 6px 20px rgba(0, 0, 0, 0.2)',
};

/**
 * The service worker of a newer build waits until the user says so: reloading on its own could cut a
 * recording or a training run short, so the banner asks, and the user picks the moment.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();
  if (!needRefresh) return null;
  return (
    <div className="callout" role="status" aria-live="polite" style={BANNER} data-testid="update-prompt">
      <span>
        A new version of the studio is ready. Reloading stops any job that is running; your data stays stored.
      </span>
      <button className="btn primary small" onClick={() => void updateServiceWorker(true)}>
        Reload
      </button>
      <button className="btn small" onClick={() => setNeedRefresh(false)}>
        Later
      </button>
    </div>
  );
}
