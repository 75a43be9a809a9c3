import type { Impulse } from '../../core/impulse/impulse';
import type { TrainedModel } from '../../core/learn/trainedModel';
import { structuredProblems } from '../../core/compress/compressSettings';
import { useCompression } from '../../state/compressionStore';
import { NumberField } from '../components/NumberField';
import { formatBytes } from '../format';
import { RunControls } from './RunControls';
import { TuneFields } from './TuneFields';
import { accuracyTitle, pct } from './format';

/** Structured pruning: fewer filters and neurons, a smaller network that is faster and lighter on the board. */
export function StructuredPanel({ impulse, model }: { impulse: Impulse; model: TrainedModel }) {
  const settings = useCompression((s) => s.structured);
  const busy = useCompression((s) => s.running !== null);
  const result = useCompression((s) => s.results.structured);
  const problems = structuredProblems(settings);
  const set = useCompression.getState().setStructured;
  const variant = result?.variants[0];
  return (
    <section
      className="card compress-panel"
      data-testid="structured-panel"
      aria-labelledby="structured-title"
    >
      <h2 id="structured-title">Structured pruning</h2>
      <p className="muted small">
        Removes the filters and neurons with the smallest L1 norm from every hidden layer, with the matching
        inputs of the next layer, then fine-tunes. The network itself gets smaller, so latency, RAM and flash
        drop on the board (see the comparison below).
      </p>
      <div className="row gap wrap compress-fields">
        <NumberField
          label="Fraction removed (0.01–0.9)"
          ariaLabel="Fraction of filters removed"
          value={settings.fraction}
          step={0.05}
          error={problems.fraction}
          disabled={busy}
          onChange={(fraction) => set({ ...settings, fraction })}
        />
        <TuneFields
          idPrefix="Structured"
          value={settings}
          problems={problems}
          onChange={set}
          disabled={busy}
        />
      </div>
      <RunControls
        kind="structured"
        label="Prune filters"
        impulse={impulse}
        model={model}
        problems={problems}
      />
      {result && variant && result.units && (
        <div className="compress-result" data-testid="structured-result">
          <p>
            Saved as <strong>{variant.impulse.name}</strong>. Test accuracy float32 {pct(variant.test.float)},
            int8 {pct(variant.test.int8)} (before: {pct(result.source.test.float)} /{' '}
            {pct(result.source.test.int8)}, {accuracyTitle(variant.test)}). int8 .tflite{' '}
            {formatBytes(result.source.int8.bytes)} → {formatBytes(variant.int8.bytes)}.
          </p>
          <table className="table compress-table">
            <thead>
              <tr>
                <th scope="col">Layer</th>
                <th scope="col" className="num">
                  Before
                </th>
                <th scope="col" className="num">
                  After
                </th>
              </tr>
            </thead>
            <tbody>
              {result.units.map((l) => (
                <tr key={l.layer}>
                  <td>{l.layer}</td>
                  <td className="num">{l.before}</td>
                  <td className="num">{l.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
