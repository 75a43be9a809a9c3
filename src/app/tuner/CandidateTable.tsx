import { accuracyKind, sortRows, type CandidateRow, type SortKey } from '../../core/tune/candidateRows';
import type { TunerRun } from '../../core/tune/tuneTypes';
import { useTuner } from '../../state/tunerStore';
import { formatKb, formatMs } from '../profiling/profileFormat';
import { percent } from './format';

const COLUMNS: Array<{ key: SortKey; title: string }> = [
  { key: 'accuracy', title: 'Accuracy' },
  { key: 'latency', title: 'Latency' },
  { key: 'ram', title: 'RAM' },
  { key: 'flash', title: 'Flash' },
];

function SortHeader({ column }: { column: (typeof COLUMNS)[number] }) {
  const sort = useTuner((s) => s.sort);
  const on = sort.key === column.key;
  return (
    <th scope="col" className="num" aria-sort={on ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="link sort-button"
        data-testid={`tuner-sort-${column.key}`}
        onClick={() => useTuner.getState().setSort(column.key)}
      >
        {column.title}
        <span aria-hidden="true">{on ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}

/** Every candidate drawn: what it is, where it stands, what it scored and costs; the trained ones can be saved. */
export function CandidateTable({ run, rows }: { run: TunerRun; rows: CandidateRow[] }) {
  const sort = useTuner((s) => s.sort);
  const saving = useTuner((s) => s.saving);
  const sorted = sortRows(rows, sort.key, sort.descending);
  const kind = accuracyKind(run);
  return (
    <div className="table-scroll">
      <table className="table tuner-table" data-testid="tuner-table">
        <caption className="muted small">
          Accuracy:{' '}
          {kind === 'test'
            ? 'the int8 model on the testing windows'
            : 'float32 on the validation split (no testing samples)'}
          . Latency, RAM and flash on the board: profiled after training, planned (≈ plan) before. Click a
          column to sort.
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Window</th>
            <th scope="col">Processing</th>
            <th scope="col">Network</th>
            {COLUMNS.map((c) => (
              <SortHeader key={c.key} column={c} />
            ))}
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const id = row.candidate.id;
            const planned = row.costFrom === 'planned' ? ' (plan)' : '';
            return (
              <tr
                key={id}
                data-testid="tuner-row"
                data-candidate={id}
                data-state={row.state}
                className={`state-${row.state}`}
              >
                <th scope="row">{id}</th>
                <td>{row.window}</td>
                <td>{row.dsp}</td>
                <td>{row.network}</td>
                <td className="num" data-testid="tuner-accuracy">
                  {percent(row.accuracy)}
                </td>
                <td className="num" data-testid="tuner-latency">
                  {row.cost ? `${formatMs(row.cost.latencyMs)}${planned}` : '—'}
                </td>
                <td className="num" data-testid="tuner-ram">
                  {row.cost ? `${formatKb(row.cost.ramBytes)}${planned}` : '—'}
                </td>
                <td className="num" data-testid="tuner-flash">
                  {row.cost ? `${formatKb(row.cost.flashBytes)}${planned}` : '—'}
                </td>
                <td className="tuner-status" data-testid="tuner-status">
                  {row.status}
                </td>
                <td>
                  {row.canSave && (
                    <button
                      type="button"
                      className="btn small-btn"
                      data-testid="tuner-save"
                      disabled={saving !== null}
                      aria-label={`Save ${id} as an impulse`}
                      onClick={() => void useTuner.getState().saveCandidate(id)}
                    >
                      {saving === id ? 'Saving…' : 'Save as impulse'}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
