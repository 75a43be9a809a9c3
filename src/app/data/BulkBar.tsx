import { useState } from 'react';
import { useDataset } from '../../state/datasetStore';
import { moveTo, relabel, removeSamples, setEnabled } from '../../state/datasetActions';
import { useVisibleSamples } from './useVisibleSamples';

/** Actions on the checked samples: relabel, enable/disable, move, delete (all undoable). */
export function BulkBar() {
  const checked = useDataset((s) => s.checked);
  const setChecked = useDataset((s) => s.setChecked);
  const visible = useVisibleSamples();
  const [label, setLabel] = useState('');
  const ids = [...checked];
  const allChecked = visible.length > 0 && visible.every((s) => checked.has(s.id));

  return (
    <div className="bulk-bar row gap wrap" data-testid="bulk-bar">
      <label className="row gap-s">
        <input
          type="checkbox"
          checked={allChecked}
          onChange={() => setChecked(allChecked ? [] : visible.map((s) => s.id))}
          aria-label="Select all shown samples"
        />
        <span>{ids.length > 0 ? `${ids.length} selected` : 'Select all'}</span>
      </label>
      {ids.length > 0 && (
        <>
          <form
            className="row gap-s"
            onSubmit={(e) => {
              e.preventDefault();
              void relabel(ids, label).then(() => setLabel(''));
            }}
          >
            <input
              aria-label="New label for selected"
              placeholder="New label"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
            />
            <button className="btn small" type="submit" disabled={!label.trim()}>
              Relabel
            </button>
          </form>
          <button className="btn small" onClick={() => void setEnabled(ids, true)}>
            Enable
          </button>
          <button className="btn small" onClick={() => void setEnabled(ids, false)}>
            Disable
          </button>
          <button className="btn small" onClick={() => void moveTo(ids, 'training')}>
            To training
          </button>
          <button className="btn small" onClick={() => void moveTo(ids, 'testing')}>
            To testing
          </button>
          <button className="btn small danger" onClick={() => void removeSamples(ids)}>
            Delete
          </button>
        </>
      )}
    </div>
  );
}
