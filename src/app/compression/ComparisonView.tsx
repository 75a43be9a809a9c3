import { boardShortName } from '../../core/mcu/boardShortName';
import { targetBoard } from '../../core/mcu/targetBoard';
import { useCompression, type ComparisonRow } from '../../state/compressionStore';
import { currentProject, useProjects } from '../../state/projectsStore';
import { formatKb, formatMs } from '../profiling/profileFormat';
import { pct } from './format';

function Figures({ row }: { row: ComparisonRow }) {
  if (row.error)
    return (
      <td colSpan={3} className="error-text small">
        {row.error}
      </td>
    );
  const p = row.profiles[0];
  if (!p) return <td colSpan={3}>—</td>;
  return (
    <>
      <td className="num">≈ {formatMs(p.latencyMs.ms)}</td>
      <td className="num">≈ {formatKb(p.ram.usedBytes)}</td>
      <td className="num">
        ≈ {formatKb(p.flash.usedBytes)}
        {!p.fits && <strong className="error-text"> does not fit</strong>}
      </td>
    </>
  );
}

/** Every impulse with a model, float32 and int8, side by side: test accuracy and the simulated MCU's estimates. */
export function ComparisonView() {
  const comparison = useCompression((s) => s.comparison);
  const running = useCompression((s) => s.running !== null);
  const board = targetBoard(useProjects(currentProject)?.targetBoard);
  const scope = comparison?.scope ?? 'target';
  const compare = (s: 'target' | 'all') => void useCompression.getState().compare(s, board.id);
  const boards = comparison?.rows[0]?.profiles.map((p) => p.board) ?? [];
  return (
    <section className="card compress-panel" data-testid="comparison" aria-labelledby="comparison-title">
      <div className="row gap wrap">
        <h2 id="comparison-title">Comparison</h2>
        <div className="segmented" role="group" aria-label="Boards">
          <button
            type="button"
            className="btn"
            aria-pressed={scope === 'target'}
            disabled={comparison?.status === 'running' || running}
            onClick={() => compare('target')}
          >
            Target board ({boardShortName(board.id)})
          </button>
          <button
            type="button"
            className="btn"
            aria-pressed={scope === 'all'}
            disabled={comparison?.status === 'running' || running}
            onClick={() => compare('all')}
          >
            All boards
          </button>
        </div>
        {comparison?.status === 'running' && (
          <span className="small muted">
            Profiling {comparison.done} of {comparison.total} impulses…
          </span>
        )}
      </div>
      <p className="muted small">
        Every impulse of the project with a trained model. Accuracy is on the test set (per window, from the
        model’s int8 quantisation); latency, RAM and flash are estimates of the simulated MCU (TFLite Micro +
        CMSIS-NN, DSP included). A model not yet quantised has no int8 row: quantise it on the Training page.
      </p>
      {!comparison && <p className="small">Choose the target board or all boards to compare.</p>}
      {comparison && scope === 'target' && (
        <div className="table-scroll">
          <table className="table compress-table" data-testid="comparison-table">
            <thead>
              <tr>
                <th scope="col">Impulse</th>
                <th scope="col">Precision</th>
                <th scope="col" className="num">
                  Test accuracy
                </th>
                <th scope="col" className="num">
                  Latency (estimate)
                </th>
                <th scope="col" className="num">
                  RAM (estimate)
                </th>
                <th scope="col" className="num">
                  Flash (estimate)
                </th>
              </tr>
            </thead>
            <tbody>
              {comparison.rows.map((r) => (
                <tr key={`${r.impulseId}|${r.precision}`} data-testid="comparison-row">
                  <td>{r.name}</td>
                  <td>{r.precision}</td>
                  <td className="num">{pct(r.accuracy)}</td>
                  <Figures row={r} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {comparison && scope === 'all' && (
        <div className="table-scroll">
          <table className="table compress-table" data-testid="comparison-table">
            <thead>
              <tr>
                <th scope="col">Impulse</th>
                <th scope="col">Precision</th>
                <th scope="col" className="num">
                  Test accuracy
                </th>
                {boards.map((b) => (
                  <th key={b} scope="col" className="num">
                    {boardShortName(b)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {comparison.rows.map((r) => (
                <tr key={`${r.impulseId}|${r.precision}`} data-testid="comparison-row">
                  <td>{r.name}</td>
                  <td>{r.precision}</td>
                  <td className="num">{pct(r.accuracy)}</td>
                  {r.error && (
                    <td colSpan={boards.length} className="error-text small">
                      {r.error}
                    </td>
                  )}
                  {!r.error &&
                    boards.map((b) => {
                      const p = r.profiles.find((x) => x.board === b);
                      return (
                        <td key={b} className="num small" title={p?.reason}>
                          {p
                            ? `≈ ${formatMs(p.latencyMs.ms)} · ${formatKb(p.ram.usedBytes)} · ${formatKb(p.flash.usedBytes)}${p.fits ? '' : ' ✗'}`
                            : '—'}
                        </td>
                      );
                    })}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">
            Each cell: latency · RAM · flash, estimated; ✗ does not fit the board.
          </p>
        </div>
      )}
    </section>
  );
}
