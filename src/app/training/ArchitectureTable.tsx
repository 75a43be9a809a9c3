import type { ArchitectureCost } from '../../core/compress/layerCost';
import type { Architecture } from '../../core/learn/architecture';

const MAC_NOTE =
  'Multiply-accumulates of one inference: dense in·out; convolution cells·kernel·in·filters; depthwise-separable cells·kernel·in (depthwise) + cells·in·filters (pointwise). Pooling, reshapes and dropout multiply nothing.';

/**
 * Every layer with its output shape, parameter count and MACs, as the network will be built; after the input,
 * the standardisation every network applies (trainImpulse fits it; its mean and std are constants, not weights).
 * `cost` is architectureCost(arch): one row per planned layer.
 */
export function ArchitectureTable({ arch, cost }: { arch: Architecture; cost: ArchitectureCost }) {
  return (
    <div className="table-scroll">
      <table className="table compact architecture-table" data-testid="architecture">
        <thead>
          <tr>
            <th>Layer</th>
            <th>Output shape</th>
            <th className="num">Parameters</th>
            <th className="num">
              <abbr title={MAC_NOTE}>MACs</abbr>
            </th>
          </tr>
        </thead>
        <tbody>
          {arch.layers.map((l, i) => [
            <tr
              key={i}
              data-testid="architecture-row"
              data-layer-type={l.type}
              className={
                l.type === 'reshape' || l.type === 'flatten' || l.type === 'input' ? 'muted' : undefined
              }
            >
              <td>{l.title}</td>
              <td className="shape">{l.outputShape.join(' × ')}</td>
              <td className="num" data-testid="layer-params">
                {cost.layers[i].params.toLocaleString()}
              </td>
              <td className="num" data-testid="layer-macs">
                {cost.layers[i].macs.toLocaleString()}
              </td>
            </tr>,
            l.type === 'input' && (
              <tr key="standardize" className="muted" data-testid="standardize-row">
                <td title="Each feature minus its mean on the training windows, divided by its standard deviation. Part of the model: the .tflite files carry it in their metadata.">
                  Standardise features (training mean, std)
                </td>
                <td className="shape">{l.outputShape.join(' × ')}</td>
                <td className="num">0</td>
                <td className="num">0</td>
              </tr>
            ),
          ])}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={2}>Total</td>
            <td className="num" data-testid="total-params">
              {cost.totalParams.toLocaleString()}
            </td>
            <td className="num" data-testid="total-macs">
              {cost.totalMacs.toLocaleString()}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
