import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDataset } from '../../state/datasetStore';
import { durationMs } from '../../core/dataset/sample';
import { formatDuration, formatHz } from '../format';
import { useVisibleSamples } from './useVisibleSamples';

const ROW_HEIGHT = 36;
const LIST_MAX_HEIGHT = 440;

/** A virtualised list: only the rows in view are in the DOM, so thousands of samples scroll smoothly. */
export function SampleList() {
  const visible = useVisibleSamples();
  const selectedId = useDataset((s) => s.selectedId);
  const checked = useDataset((s) => s.checked);
  const { select, toggleChecked } = useDataset.getState();
  const scroller = useRef<HTMLDivElement>(null);
  const laidOut = useAfterFirstFrame();
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The virtualiser measures and scrolls its element as it starts, which forces a layout of the whole page in
    // the task that mounts the list (the first sample's row appearing as a recording is saved, with a board
    // streaming): over 50 ms on a slow CPU. Started a frame later, the page is laid out already.
    enabled: laidOut,
  });

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const i = visible.findIndex((s) => s.id === selectedId);
    const next = visible[Math.max(0, Math.min(visible.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      void select(next.id);
      virtualizer.scrollToIndex(visible.indexOf(next));
    }
  }

  if (visible.length === 0) return <p className="muted">No sample matches the filters.</p>;

  return (
    <div
      className="sample-list"
      ref={scroller}
      tabIndex={0}
      role="listbox"
      aria-label="Samples"
      onKeyDown={onKeyDown}
      data-testid="sample-list"
      style={{ height: Math.min(LIST_MAX_HEIGHT, visible.length * ROW_HEIGHT + 2) }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const s = visible[row.index];
          return (
            <div
              key={s.id}
              role="option"
              aria-selected={s.id === selectedId}
              className={`sample-row ${s.id === selectedId ? 'selected' : ''} ${s.enabled ? '' : 'disabled'}`}
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              onClick={() => void select(s.id)}
              data-testid="sample-row"
              data-name={s.name}
            >
              <input
                type="checkbox"
                aria-label={`Select ${s.name}`}
                checked={checked.has(s.id)}
                onClick={(e) => e.stopPropagation()}
                onChange={() => toggleChecked(s.id)}
              />
              <span className="name" title={s.name}>
                {s.name}
              </span>
              <span className="label-chip">{s.label}</span>
              <span className={`cat ${s.category}`}>{s.category === 'training' ? 'train' : 'test'}</span>
              <span className="num muted">{formatDuration(durationMs(s))}</span>
              <span className="num muted small">{formatHz(s.intervalMs)}</span>
              {!s.enabled && <span className="badge warn">off</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** False until the next animation frame after mounting. */
function useAfterFirstFrame(): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setDone(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return done;
}
