import { useRef, useState } from 'react';
import { importIntoProject, type ImportOutcome } from '../../state/datasetActions';
import type { CategoryChoice } from '../../state/datasetStore';
import { droppedItems, type PickedItem } from '../../platform/files';

export function ImportPanel() {
  const [label, setLabel] = useState('');
  const [category, setCategory] = useState<CategoryChoice>('auto');
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const input = useRef<HTMLInputElement>(null);

  // importIntoProject never rejects: a failure of the whole import is a toast and a null outcome.
  async function run(items: PickedItem[]) {
    setBusy(true);
    setOutcome(await importIntoProject(items, { label, category }));
    setBusy(false);
  }

  const failed = outcome?.results.filter((r) => !r.ok) ?? [];
  const notes =
    outcome?.results.flatMap((r) => (r.ok ? r.notes.map((n) => `${r.fileName}: ${n}`) : [])) ?? [];

  return (
    <div className="card import-panel">
      <h2>Import data</h2>
      <div
        className={`dropzone ${dragging ? 'over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void run(droppedItems(e.dataTransfer));
        }}
      >
        <p>
          Drop files here or{' '}
          <button className="link" onClick={() => input.current?.click()} disabled={busy}>
            choose files
          </button>
        </p>
        <p className="muted small">
          WAV, CSV (with a timestamp column), Edge Impulse JSON / CBOR, project .zip
        </p>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="import-input"
          accept=".wav,.csv,.json,.cbor,.zip"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            void run(files);
          }}
        />
      </div>
      <div className="row gap wrap">
        <label>
          Label
          <input
            placeholder="from file name"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            aria-describedby="label-help"
          />
        </label>
        <label>
          Category
          <select
            aria-label="Import category"
            value={category}
            onChange={(e) => setCategory(e.target.value as CategoryChoice)}
          >
            <option value="auto">Automatic 80/20 split</option>
            <option value="training">Training</option>
            <option value="testing">Testing</option>
          </select>
        </label>
      </div>
      <p id="label-help" className="muted small">
        Leave the label empty to take it from file names like <code>wave.01.csv</code>.
      </p>
      {busy && <progress aria-label="Importing" />}
      {outcome && (
        <div className="import-report" data-testid="import-report">
          <p>
            Imported {outcome.imported} sample{outcome.imported === 1 ? '' : 's'}
            {failed.length > 0 &&
              `; ${failed.length} file${failed.length === 1 ? '' : 's'} could not be imported`}
            .
          </p>
          {failed.length > 0 && (
            <ul className="errors">
              {failed.map((r, i) => (
                <li key={`${i}:${r.fileName}`} data-testid="import-error">
                  {r.ok ? null : r.error.message}
                </li>
              ))}
            </ul>
          )}
          {notes.length > 0 && (
            <ul className="notes">
              {notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
