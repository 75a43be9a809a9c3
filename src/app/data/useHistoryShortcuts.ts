import { useEffect } from 'react';
import { useDataset } from '../../state/datasetStore';

/** Ctrl/Cmd+Z undoes the last dataset edit and Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes it, except while typing in a field. */
export function useHistoryShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if (!(e.ctrlKey || e.metaKey) || typing) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void useDataset.getState().undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        void useDataset.getState().redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
