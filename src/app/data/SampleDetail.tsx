import { useState } from 'react';
import { useDataset } from '../../state/datasetStore';
import { editSampleMeta, exportOne, moveTo, removeSamples, setEnabled } from '../../state/datasetActions';
import { durationMs, isAudio } from '../../core/dataset/sample';
import { formatDuration, formatHz } from '../format';
import { SampleChart, type TimeRange } from './SampleChart';
import { CropTool } from './CropTool';
import { SplitTool } from './SplitTool';

type Tool = 'none' | 'crop' | 'split';

export function SampleDetail({ id }: { id: string }) {
  const meta = useDataset((s) => s.samples.find((m) => m.id === id));
  const values = useDataset((s) => s.selectedValues);
  const [tool, setTool] = useState<Tool>('none');
  const [range, setRange] = useState<TimeRange | null>(null);
  const [segments, setSegments] = useState<TimeRange[]>([]);
  if (!meta) return null;
  const audio = isAudio(meta);

  return (
    <div className="card sample-detail" data-testid="sample-detail">
      <MetaEditor key={`${meta.name}|${meta.label}`} id={id} name={meta.name} label={meta.label} />
      <div className="row gap wrap meta-line muted small">
        <span>{meta.sensors.map((s) => s.name).join(', ')}</span>
        <span>{formatHz(meta.intervalMs)}</span>
        <span data-testid="sample-duration">{formatDuration(durationMs(meta))}</span>
        <span>{meta.frameCount.toLocaleString()} frames</span>
        {meta.deviceName && <span>from {meta.deviceName}</span>}
        {meta.streamGaps !== undefined && meta.streamGaps > 0 && (
          <span
            className="gap-warning"
            data-testid="stream-gaps"
            title="Frames were lost or corrupt, or lines malformed, while this was recorded: the values jump over the missing readings there. Consider recording it again."
          >
            {meta.streamGaps === 1 ? '1 break in the stream' : `${meta.streamGaps} breaks in the stream`}
          </span>
        )}
        <span className={`cat ${meta.category}`} data-testid="sample-category">
          {meta.category}
        </span>
      </div>
      {values ? (
        <SampleChart
          meta={meta}
          values={values}
          range={tool === 'crop' ? range : null}
          segments={tool === 'split' ? segments : undefined}
          onSelectRange={
            tool === 'crop'
              ? setRange
              : tool === 'split'
                ? (r) => setSegments(addSegment(segments, r))
                : undefined
          }
        />
      ) : (
        <div className="chart-placeholder muted">Loading data…</div>
      )}
      <div className="row gap wrap toolbar">
        <div className="segmented" role="group" aria-label="Edit tool">
          <button
            className={`btn small ${tool === 'crop' ? 'on' : ''}`}
            onClick={() => setTool(tool === 'crop' ? 'none' : 'crop')}
            aria-pressed={tool === 'crop'}
          >
            Crop
          </button>
          <button
            className={`btn small ${tool === 'split' ? 'on' : ''}`}
            onClick={() => setTool(tool === 'split' ? 'none' : 'split')}
            aria-pressed={tool === 'split'}
          >
            Split
          </button>
        </div>
        <label className="row gap-s">
          <input
            type="checkbox"
            checked={meta.enabled}
            onChange={(e) => void setEnabled([id], e.target.checked)}
          />
          Enabled
        </label>
        <button
          className="btn small"
          onClick={() => void moveTo([id], meta.category === 'training' ? 'testing' : 'training')}
        >
          Move to {meta.category === 'training' ? 'testing' : 'training'}
        </button>
        <span className="spacer" />
        <span className="muted small">Export</span>
        <button className="btn small" onClick={() => void exportOne(id, 'json')}>
          JSON
        </button>
        <button className="btn small" onClick={() => void exportOne(id, 'cbor')}>
          CBOR
        </button>
        <button className="btn small" onClick={() => void exportOne(id, 'csv')}>
          CSV
        </button>
        {audio && (
          <button className="btn small" onClick={() => void exportOne(id, 'wav')}>
            WAV
          </button>
        )}
        <button className="btn small danger" onClick={() => void removeSamples([id])}>
          Delete
        </button>
      </div>
      {tool === 'crop' && (
        <CropTool
          id={id}
          totalMs={durationMs(meta)}
          range={range}
          onRange={setRange}
          onDone={() => setTool('none')}
        />
      )}
      {tool === 'split' && (
        <SplitTool
          id={id}
          totalMs={durationMs(meta)}
          segments={segments}
          onSegments={setSegments}
          onDone={() => setTool('none')}
        />
      )}
    </div>
  );
}

/** Adds a dragged range as a segment, keeping segments sorted and dropping any it overlaps. */
function addSegment(segments: TimeRange[], r: TimeRange): TimeRange[] {
  const kept = segments.filter((s) => s.endMs <= r.startMs || s.startMs >= r.endMs);
  return [...kept, r].sort((a, b) => a.startMs - b.startMs);
}

function MetaEditor({ id, name, label }: { id: string; name: string; label: string }) {
  const [n, setN] = useState(name);
  const [l, setL] = useState(label);
  return (
    <form
      className="row gap wrap meta-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void editSampleMeta(id, { name: n, label: l });
      }}
    >
      <label>
        Name
        <input aria-label="Sample name" value={n} onChange={(e) => setN(e.target.value)} />
      </label>
      <label>
        Label
        <input aria-label="Sample label" value={l} onChange={(e) => setL(e.target.value)} />
      </label>
      <button className="btn small primary" type="submit" disabled={n === name && l === label}>
        Save
      </button>
    </form>
  );
}
