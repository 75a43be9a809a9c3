import { useEffect, useRef } from 'react';
import { useToasts } from '../../state/toastStore';

/**
 * Toasts sit over the sidebar's foot on wide screens, away from the page. On narrow screens they run along
 * the bottom, and their height is reserved under the page (--toast-space) so nothing stays hidden under them.
 */
export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  const region = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = region.current!;
    const root = document.documentElement;
    const observer = new ResizeObserver(() =>
      root.style.setProperty('--toast-space', `${el.offsetHeight}px`),
    );
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--toast-space');
    };
  }, []);

  return (
    <div className="toasts" ref={region} aria-live="polite" data-testid="toasts">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span className="toast-message">{t.message}</span>
          {t.action && (
            <button
              className="btn small"
              onClick={() => {
                t.action!.run();
                dismiss(t.id);
              }}
            >
              {t.action.label}
            </button>
          )}
          <button className="close" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
