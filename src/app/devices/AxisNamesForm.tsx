import { useState } from 'react';
import type { SensorInfo } from '../../core/dataset/sample';
import { useDevices } from '../../state/devicesStore';

/** The data-forwarder format carries only numbers: the user names the columns once per board. */
export function AxisNamesForm({ sourceId, axes }: { sourceId: string; axes: SensorInfo[] }) {
  const [draft, setDraft] = useState(axes);
  const edit = (i: number, patch: Partial<SensorInfo>) =>
    setDraft(draft.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <form
      className="tool-panel axis-form"
      data-testid="axis-names"
      onSubmit={(e) => {
        e.preventDefault();
        void useDevices.getState().setForwarderAxes(
          sourceId,
          draft.map((a) => ({ name: a.name.trim() || 'axis', units: a.units.trim() || 'N/A' })),
        );
      }}
    >
      <p className="small">
        This board sends {axes.length} numbers per line. Name them (remembered for this board):
      </p>
      <div className="row gap wrap">
        {draft.map((a, i) => (
          <div key={i} className="axis-field">
            <input
              aria-label={`Axis ${i + 1} name`}
              value={a.name}
              onChange={(e) => edit(i, { name: e.target.value })}
            />
            <input
              aria-label={`Axis ${i + 1} units`}
              value={a.units}
              onChange={(e) => edit(i, { units: e.target.value })}
            />
          </div>
        ))}
        <button className="btn small primary" type="submit">
          Save names
        </button>
      </div>
    </form>
  );
}
