import type { Architecture } from '../../core/learn/architecture';

/**
 * Every layer with its output shape and parameter count, as the network will be built; after the input, the
 * standardisation every network applies (trainImpulse fits it; its mean and std are constants, not weights).
 */
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
        {arch.layers.map((l, i) => [
          <tr
            key={i}
            className={
              l.type === 'reshape' || l.type === 'flatten' || l.type === 'input' ? 'muted' : undefined
            }
          >
            <td>{l.title}</td>
            <td>{l.outputShape.join(' × ')}</td>
            <td className="num">{l.params.toLocaleString()}</td>
          </tr>,
          l.type === 'input' && (
            <tr key="standardize" className="muted" data-testid="standardize-row">
              <td title="Each feature minus its mean on the training windows, divided by its standard deviation. Part of the model: the .tflite files carry it in their metadata.">
                Standardise features (training mean, std)
              </td>
              <td>{l.outputShape.join(' × ')}</td>
              <td className="num">0</td>
            </tr>
          ),
        ])}
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
