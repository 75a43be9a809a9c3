import type { BoardId } from '../../core/mcu/boards';
import type { BoardProfile, Budget } from '../../core/mcu/profileTypes';
import { approx, budgetTitle, formatKb, formatMs, msTitle, partTitle } from './profileFormat';

function BudgetCell({ budget, testId }: { budget: Budget; testId: string }) {
  return (
    <td className="num" title={budgetTitle(budget)} data-testid={testId}>
      {approx(budget.accuracy)}
      {formatKb(budget.usedBytes)}
      <span className="muted"> / {formatKb(budget.availableBytes)}</span>
    </td>
  );
}

/** Every board side by side under one runtime and precision; a row's button shows its memory plan and layers. */
export function BoardTable({
  profiles,
  target,
  selected,
  onSelect,
}: {
  profiles: BoardProfile[];
  target: BoardId;
  selected: BoardId;
  onSelect: (board: BoardId) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="table compact profile-table" data-testid="profile-table">
        <thead>
          <tr>
            <th scope="col">Board</th>
            <th
              scope="col"
              className="num"
              title="DSP + network (+ anomaly score) for one window, this runtime"
            >
              Latency
            </th>
            <th scope="col" className="num" title="The same latency under each of the three runtimes">
              Range
            </th>
            <th scope="col" className="num">
              DSP
            </th>
            <th scope="col" className="num">
              Network
            </th>
            <th scope="col" className="num" title="This runtime's tensor arena">
              Arena
            </th>
            <th scope="col" className="num" title="Needed / free after the board's own firmware">
              RAM
            </th>
            <th scope="col" className="num" title="Needed / free after the board's own firmware">
              Flash
            </th>
            <th scope="col">Fits</th>
            <th scope="col">
              <span className="visually-hidden">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((p) => (
            <tr
              key={p.board}
              data-testid="profile-row"
              data-board={p.board}
              className={`${p.board === selected ? 'selected' : ''} ${p.fits ? '' : 'no-fit'}`}
            >
              <th scope="row">
                {p.boardName}
                {p.board === target && <span className="badge">target</span>}
                <div className="muted small">
                  {p.core}, {p.clockMhz} MHz{p.calibrated ? '' : ' · not calibrated on this core'}
                </div>
              </th>
              <td className="num" title={msTitle(p.latencyMs)} data-testid="profile-latency">
                ≈ {formatMs(p.latencyMs.ms)}
              </td>
              <td className="num muted" title="Lowest and highest latency over the three runtimes">
                {formatMs(p.latencyRangeMs[0])}–{formatMs(p.latencyRangeMs[1])}
              </td>
              <td
                className="num"
                title={p.dspMs ? msTitle(p.dspMs) : (p.dspProblem ?? 'No processing block')}
              >
                {p.dspMs ? `≈ ${formatMs(p.dspMs.ms)}` : '–'}
              </td>
              <td className="num" title={p.nnMs ? msTitle(p.nnMs) : 'k-means anomaly score'}>
                {p.nnMs ? `≈ ${formatMs(p.nnMs.ms)}` : p.anomalyMs ? `≈ ${formatMs(p.anomalyMs.ms)}` : '–'}
              </td>
              <td className="num" title={partTitle(p.arena.used)}>
                {approx(p.arena.used.accuracy)}
                {formatKb(p.arena.used.bytes)}
              </td>
              <BudgetCell budget={p.ram} testId="profile-ram" />
              <BudgetCell budget={p.flash} testId="profile-flash" />
              <td data-testid="profile-fits" className={p.fits ? 'ok-text' : 'error-text'} title={p.reason}>
                {p.fits ? 'fits' : 'does not fit'}
              </td>
              <td>
                <button
                  className={`btn small ${p.board === selected ? 'on' : ''}`}
                  aria-pressed={p.board === selected}
                  onClick={() => onSelect(p.board)}
                >
                  Details
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
