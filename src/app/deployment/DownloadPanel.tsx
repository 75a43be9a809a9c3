/** The download button, the build's progress and what went wrong. */
export function DownloadPanel({
  label,
  blocker,
  building,
  error,
  onDownload,
}: {
  label: string;
  /** Why nothing can be downloaded yet, or null. */
  blocker: string | null;
  building: { step: string } | null;
  error: string | null;
  onDownload: () => void;
}) {
  return (
    <section className="card deploy-download">
      <div className="row gap wrap">
        <button
          className="btn primary"
          data-testid="deploy-download"
          disabled={blocker !== null || building !== null}
          onClick={onDownload}
        >
          {label}
        </button>
        {blocker && <span className="muted small">{blocker}</span>}
      </div>
      {building && (
        <div className="deploy-progress" data-testid="deploy-progress" aria-live="polite">
          <p className="small">{building.step}…</p>
          <progress aria-label="Building the download" />
        </div>
      )}
      {error && (
        <div className="callout error" role="alert" data-testid="deploy-error">
          The download could not be built: {error}
        </div>
      )}
    </section>
  );
}
