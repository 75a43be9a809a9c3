import { useRecorder } from '../../state/recorderStore';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatDuration } from '../format';

/** A recording cut short (board unplugged): keep what was captured, or discard it. */
export function InterruptedDialog() {
  const partial = useRecorder((s) => s.partial);
  if (!partial) return null;
  const got = partial.sample.frameCount * partial.sample.intervalMs;
  return (
    <ConfirmDialog
      title="Recording interrupted"
      confirmLabel={`Keep ${formatDuration(got)}`}
      onConfirm={() => void useRecorder.getState().keepPartial()}
      onCancel={() => useRecorder.getState().discardPartial()}
      cancelLabel="Discard"
      escapeCancels={false}
    >
      {partial.reason} {formatDuration(got)} of the {formatDuration(partial.targetMs)} were captured before
      that.
    </ConfirmDialog>
  );
}
