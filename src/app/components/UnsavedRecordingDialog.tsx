import { useRecorder } from '../../state/recorderStore';
import { formatDuration } from '../format';
import { ModalNotice } from './ModalNotice';

/** A recording the database did not take: try again, download it as a file, or discard it. */
export function UnsavedRecordingDialog() {
  const unsaved = useRecorder((s) => s.unsaved);
  if (!unsaved) return null;
  const { sample, reason } = unsaved;
  const recorder = useRecorder.getState();
  return (
    <ModalNotice
      title="The recording was not saved"
      testId="unsaved-recording"
      actions={
        <>
          <button className="btn" onClick={() => recorder.discardUnsaved()}>
            Discard
          </button>
          <button className="btn" onClick={() => recorder.downloadUnsaved()}>
            Download
          </button>
          <button className="btn primary" autoFocus onClick={() => void recorder.retryUnsaved()}>
            Try saving again
          </button>
        </>
      }
    >
      <p>{reason}</p>
      <p>
        The {formatDuration(sample.frameCount * sample.intervalMs)} of “{sample.label}” are kept in this page
        until you save them (once space is free), download them as a file to import later, or discard them.
      </p>
    </ModalNotice>
  );
}
