import type { Architecture } from '../../core/learn/architecture';

/** Every layer with its output shape and parameter count, as the network will be built. */
export function ArchitectureTable({ arch }: { arch: Architecture }) {
  return (
    <table className="table compact" data-testid="architecture">
      <thead>
        <tr>
          <th>Layer</th>
          <th>Output shape</th>
          <th className="num">Parameters</th>
        </tr>
      </thead>
      <tbody>
        {arch.layers.map((l, i) => (
          <tr
            key={i}
            className={
              l.type === 'reshape' || l.type === 'flatten' || l.type === 'input' ? 'muted' : undefined
            }
          >
            <td>{l.title}</td>
            <td>{l.outputShape.join(' × ')}</td>
            <td className="num">{l.params.toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={2}>Total</td>
          <td className="num">{arch.totalParams.toLocaleString()}</td>
        </tr>
      </tfoot>
    </table>
  );
}
