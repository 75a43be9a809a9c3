import { useState } from 'react';
import { useImpulses } from '../../state/impulseStore';
import { ConfirmDialog } from '../components/ConfirmDialog';

export function ImpulseList() {
  const impulses = useImpulses((s) => s.impulses);
  const selectedId = useImpulses((s) => s.selectedId);
  const [deleting, setDeleting] = useState<string | null>(null);
  const actions = useImpulses.getState();
  const toDelete = impulses.find((i) => i.id === deleting);

  return (
    <div className="row gap wrap impulse-list" role="tablist" aria-label="Impulses">
      {impulses.map((i) => (
        <button
          key={i.id}
          role="tab"
          aria-selected={i.id === selectedId}
          className={`btn small ${i.id === selectedId ? 'on' : ''}`}
          onClick={() => actions.select(i.id)}
        >
          {i.name}
        </button>
      ))}
      <button className="btn small primary" onClick={() => void actions.create()}>
        + New impulse
      </button>
      {selectedId && (
        <button className="btn small danger" onClick={() => setDeleting(selectedId)}>
          Delete impulse
        </button>
      )}
      {toDelete && (
        <ConfirmDialog
          title={`Delete “${toDelete.name}”?`}
          confirmLabel="Delete impulse"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            void actions.remove(toDelete.id);
            setDeleting(null);
          }}
        >
          The impulse’s settings are deleted; your samples are not touched.
        </ConfirmDialog>
      )}
    </div>
  );
}
