import type { LayerRow } from '../../core/mcu/profileTypes';
import { formatMs } from './profileFormat';

const shape = (s: number[] | null) => (s === null ? '–' : `[${s.join('×')}]`);

/** Each op on the board: its kernel, shapes, work, estimated cycles and time, and its output's place in the arena. */
export function LayerTable({ layers }: { layers: LayerRow[] }) {
  return (
    <div className="table-scroll">
      <table className="table compact" data-testid="layer-table">
        <caption className="muted small">
          MACs and shapes are exact (counted from the model); cycles and ms are estimated by the cost model;
          the arena offset and size are the plan’s.
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Op</th>
            <th scope="col">Kernel</th>
            <th scope="col">Input → output</th>
            <th scope="col">Weights</th>
            <th scope="col" className="num">
              MACs
            </th>
            <th scope="col" className="num">
              Cycles
            </th>
            <th scope="col" className="num">
              ms
            </th>
            <th scope="col" className="num">
              Arena offset
            </th>
            <th scope="col" className="num">
              Size
            </th>
          </tr>
        </thead>
        <tbody>
          {layers.map((l) => (
            <tr key={l.index} data-testid="layer-row">
              <td>{l.index}</td>
              <td>{l.kind}</td>
              <td className="small">{l.path}</td>
              <td className="small">
                {shape(l.inputShape)} → {shape(l.outputShape)}
              </td>
              <td className="small">{shape(l.weightShape)}</td>
              <td className="num">{l.macs.toLocaleString()}</td>
              <td className="num">≈ {Math.round(l.cycles).toLocaleString()}</td>
              <td className="num">≈ {formatMs(l.ms)}</td>
              <td className="num">{l.arenaOffset === null ? '–' : l.arenaOffset.toLocaleString()}</td>
              <td className="num">{l.arenaBytes === null ? '–' : l.arenaBytes.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
