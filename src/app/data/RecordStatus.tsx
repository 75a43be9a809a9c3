import { useRecorder } from '../../state/recorderStore';

/**
 * The countdown or the recording's progress. A component of its own: the recorder updates the progress on every
 * chunk of data (60 times a second for audio), and only this line, not the whole Record panel, re-renders for it.
 */
export function RecordStatus() {
  const phase = useRecorder((s) => s.phase);
  const countdownLeft = useRecorder((s) => s.countdownLeft);
  const recordedMs = useRecorder((s) => s.recordedMs);
  const targetMs = useRecorder((s) => s.targetMs);
  if (phase !== 'countdown' && phase !== 'recording') return null;
  return (
    <div className="record-status" data-testid="record-status">
      {phase === 'countdown' ? (
        <span className="countdown">Recording in {countdownLeft}…</span>
      ) : (
        <>
          <span>
            Recording {(recordedMs / 1000).toFixed(1)} / {(targetMs / 1000).toFixed(1)} s
          </span>
          <progress max={targetMs} value={recordedMs} aria-label="Recording progress" />
        </>
      )}
    </div>
  );
}
