import type { Impulse } from '../../core/impulse/impulse';
import type { TrainedModel } from '../../core/learn/trainedModel';
import { magnitudeProblems } from '../../core/compress/compressSettings';
import { useCompression } from '../../state/compressionStore';
import { NumberField } from '../components/NumberField';
import { formatBytes } from '../format';
import { RunControls } from './RunControls';
import { TuneFields } from './TuneFields';
import { accuracyTitle, pct } from './format';

const ratio = (a: number, b: number) => `${((1 - a / b) * 100).toFixed(0)} % smaller`;

/** Magnitude pruning to a target sparsity during fine-tuning, and what it really buys. */
export function MagnitudePanel({ impulse, model }: { impulse: Impulse; model: TrainedModel }) {
  const settings = useCompression((s) => s.magnitude);
  const busy = useCompression((s) => s.running !== null);
  const result = useCompression((s) => s.results.magnitude);
  const problems = magnitudeProblems(settings);
  const set = useCompression.getState().setMagnitude;
  const variant = result?.variants[0];
  return (
    <section className="card compress-panel" data-testid="magnitude-panel" aria-labelledby="magnitude-title">
      <h2 id="magnitude-title">Magnitude pruning</h2>
      <p className="muted small">
        Zeroes the smallest weights of every layer while fine-tuning: the sparsity rises on a polynomial
        schedule over the first 70 % of the steps and the masks hold through every later step.
      </p>
      <div className="row gap wrap compress-fields">
        <NumberField
          label="Target sparsity (0.01–0.99)"
          ariaLabel="Target sparsity"
          value={settings.sparsity}
          step={0.05}
          error={problems.sparsity}
          disabled={busy}
          onChange={(sparsity) => set({ ...settings, sparsity })}
        />
        <TuneFields idPrefix="Pruning" value={settings} problems={problems} onChange={set} disabled={busy} />
      </div>
      <RunControls kind="magnitude" label="Prune" impulse={impulse} model={model} problems={problems} />
      {result && variant && result.sparsity && (
        <div className="compress-result" data-testid="magnitude-result">
          <p>
            Saved as <strong>{variant.impulse.name}</strong>. Test accuracy float32 {pct(variant.test.float)},
            int8 {pct(variant.test.int8)} (before: {pct(result.source.test.float)} /{' '}
            {pct(result.source.test.int8)}, {accuracyTitle(variant.test)}).
          </p>
          <table className="table compress-table" data-testid="sparsity-table">
            <caption className="muted small">Share of exact zeros per layer</caption>
            <thead>
              <tr>
                <th scope="col">Layer</th>
                <th scope="col" className="num">
                  Weights
                </th>
                <th scope="col" className="num">
                  Sparsity
                </th>
              </tr>
            </thead>
            <tbody>
              {result.sparsity.map((l) => (
                <tr key={l.layer}>
                  <td>{l.layer}</td>
                  <td className="num">{l.weights.toLocaleString()}</td>
                  <td className="num">{pct(l.sparsity)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="callout" data-testid="sparsity-honesty">
            <p>
              <strong>What this buys:</strong> the int8 kernels on the board (TFLite Micro, CMSIS-NN and the
              studio’s generated C) are dense: they multiply every weight, zero or not, so{' '}
              <strong>latency, RAM and flash are unchanged on dense kernels</strong>. Only the compressed
              download is smaller:
            </p>
            <table className="table compress-table" data-testid="size-table">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col" className="num">
                    Before
                  </th>
                  <th scope="col" className="num">
                    After
                  </th>
                  <th scope="col" className="num">
                    Deflated before
                  </th>
                  <th scope="col" className="num">
                    Deflated after
                  </th>
                </tr>
              </thead>
              <tbody>
                {(['float', 'int8'] as const).map((k) => (
                  <tr key={k}>
                    <td>{k === 'float' ? 'float32' : 'int8'} .tflite</td>
                    <td className="num">{formatBytes(result.source[k].bytes)}</td>
                    <td className="num">{formatBytes(variant[k].bytes)}</td>
                    <td className="num">{formatBytes(result.source[k].deflatedBytes)}</td>
                    <td className="num">
                      {formatBytes(variant[k].deflatedBytes)} (
                      {ratio(variant[k].deflatedBytes, result.source[k].deflatedBytes)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">Deflate (zip) at level 9, as fflate writes the downloads.</p>
          </div>
        </div>
      )}
    </section>
  );
}
