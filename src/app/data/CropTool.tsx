import { crop } from '../../state/datasetActions';
import type { TimeRange } from './SampleChart';

interface Props {
  id: string;
  totalMs: number;
  range: TimeRange | null;
  onRange: (r: TimeRange | null) => void;
  onDone: () => void;
}

/** Crop: drag a range on the chart or type it; keeps only that range (undoable). */
export function CropTool({ id, totalMs, range, onRange, onDone }: Props) {
  const r = range ?? { startMs: 0, endMs: totalMs };
  const valid = r.endMs > r.startMs && r.startMs >= 0 && r.endMs <= totalMs + 1e-6;
  const set = (patch: Partial<TimeRange>) => onRange({ ...r, ...patch });
  return (
    <form
      className="tool-panel row gap wrap"
      data-testid="crop-tool"
      onSubmit={(e) => {
        e.preventDefault();
        void crop(id, r.startMs, r.endMs).then((ok) => {
          if (ok) {
            onRange(null);
            onDone();
          }
        });
      }}
    >
      <span className="muted small">Drag across the chart to choose what to keep, or type it:</span>
      <label>
        From (ms)
        <input
          type="number"
          min={0}
          max={totalMs}
          step="any"
          value={Math.round(r.startMs)}
          onChange={(e) => set({ startMs: Number(e.target.value) })}
          aria-label="Crop start (ms)"
        />
      </label>
      <label>
        To (ms)
        <input
          type="number"
          min={0}
          max={totalMs}
          step="any"
          value={Math.round(r.endMs)}
          onChange={(e) => set({ endMs: Number(e.target.value) })}
          aria-label="Crop end (ms)"
        />
      </label>
      <button
        className="btn primary small"
        type="submit"
        disabled={!valid || (r.startMs <= 0 && r.endMs >= totalMs)}
      >
        Crop to {Math.round(r.endMs - r.startMs)} ms
      </button>
      {!valid && (
        <span className="error-text">
          The range must lie within 0–{Math.round(totalMs)} ms and not be empty.
        </span>
      )}
    </form>
  );
}
