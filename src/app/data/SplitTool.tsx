import { useState } from 'react';
import { useDataset } from '../../state/datasetStore';
import { segmentLengthProblems } from '../../core/validation/sampleToolRules';
import { split, suggestSegments } from '../../state/datasetActions';
import { NumberField } from '../components/NumberField';
import type { TimeRange } from './SampleChart';

interface Props {
  id: string;
  totalMs: number;
  segments: TimeRange[];
  onSegments: (s: TimeRange[]) => void;
  onDone: () => void;
}

/** Split: find events automatically by signal energy or drag segments by hand, then cut into new samples. */
export function SplitTool({ id, totalMs, segments, onSegments, onDone }: Props) {
  const [lengthMs, setLengthMs] = useState(1000);
  const problems = segmentLengthProblems(lengthMs, totalMs);
  const intervalMs = useDataset((s) => s.samples.find((m) => m.id === id)?.intervalMs ?? 1);
  const toFrames = (r: TimeRange) => ({
    startFrame: Math.round(r.startMs / intervalMs),
    endFrame: Math.round(r.endMs / intervalMs),
  });

  return (
    <div className="tool-panel" data-testid="split-tool">
      <div className="row gap wrap">
        <NumberField
          label="Segment length"
          unit="ms"
          ariaLabel="Segment length (ms)"
          value={lengthMs}
          error={problems.lengthMs}
          onChange={setLengthMs}
        />
        <button
          className="btn small"
          disabled={!!problems.lengthMs}
          onClick={async () => {
            const found = await suggestSegments(id, lengthMs);
            onSegments(
              found.map((f) => ({ startMs: f.startFrame * intervalMs, endMs: f.endFrame * intervalMs })),
            );
          }}
        >
          Find segments automatically
        </button>
        <span className="muted small">or drag across the chart to add a segment.</span>
      </div>
      {segments.length > 0 ? (
        <ol className="segment-list" data-testid="segment-list">
          {segments.map((s, i) => (
            <li key={`${s.startMs}-${s.endMs}`}>
              {Math.round(s.startMs)}–{Math.round(s.endMs)} ms
              <button
                className="link"
                aria-label={`Remove segment ${i + 1}`}
                onClick={() => onSegments(segments.filter((x) => x !== s))}
              >
                remove
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted small">No segments yet.</p>
      )}
      <div className="row gap">
        <button
          className="btn primary small"
          disabled={segments.length === 0}
          onClick={() =>
            void split(id, segments.map(toFrames)).then((ok) => {
              if (ok) {
                onSegments([]);
                onDone();
              }
            })
          }
        >
          Split into {segments.length} sample{segments.length === 1 ? '' : 's'}
        </button>
        {segments.length > 0 && (
          <button className="btn small" onClick={() => onSegments([])}>
            Clear
          </button>
        )}
      </div>
    </div>
  );
}
