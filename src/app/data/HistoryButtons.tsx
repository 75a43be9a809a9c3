import { useDataset } from '../../state/datasetStore';

export function HistoryButtons() {
  const undo = useDataset((s) => s.undoStack.at(-1));
  const redo = useDataset((s) => s.redoStack.at(-1));
  return (
    <div className="row gap-s">
      <button
        className="btn small"
        disabled={!undo}
        onClick={() => void useDataset.getState().undo()}
        title={undo ? `Undo: ${undo.description} (Ctrl+Z)` : 'Nothing to undo'}
      >
        ↶ Undo
      </button>
      <button
        className="btn small"
        disabled={!redo}
        onClick={() => void useDataset.getState().redo()}
        title={redo ? `Redo: ${redo.description} (Ctrl+Shift+Z)` : 'Nothing to redo'}
      >
        ↷ Redo
      </button>
    </div>
  );
}
