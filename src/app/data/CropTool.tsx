import { cropRangeProblems } from '../../core/validation/sampleToolRules';
import { crop } from '../../state/datasetActions';
import { NumberField } from '../components/NumberField';
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
  const problems = cropRangeProblems(r, totalMs);
  const valid = Object.keys(problems).length === 0;
  const set = (patch: Partial<TimeRange>) => onRange({ ...r, ...patch });
  return (
    <form
      className="tool-panel row gap wrap"
      data-testid="crop-tool"
      noValidate
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
      <NumberField
        label="From"
        unit="ms"
        ariaLabel="Crop start (ms)"
        value={r.startMs}
        format={(v) => String(Math.round(v))}
        error={problems.startMs}
        onChange={(startMs) => set({ startMs })}
      />
      <NumberField
        label="To"
        unit="ms"
        ariaLabel="Crop end (ms)"
        value={r.endMs}
        format={(v) => String(Math.round(v))}
        error={problems.endMs}
        onChange={(endMs) => set({ endMs })}
      />
      <button
        className="btn primary small"
        type="submit"
        disabled={!valid || (r.startMs <= 0 && r.endMs >= totalMs)}
      >
        {valid ? `Crop to ${Math.round(r.endMs - r.startMs)} ms` : 'Crop to the range'}
      </button>
    </form>
  );
}
