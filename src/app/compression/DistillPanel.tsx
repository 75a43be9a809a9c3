import { useEffect } from 'react';
import type { Impulse } from '../../core/impulse/impulse';
import type { TrainedModel } from '../../core/learn/trainedModel';
import { distillProblems } from '../../core/compress/compressSettings';
import { useCompression } from '../../state/compressionStore';
import { NumberField } from '../components/NumberField';
import { LayerEditor } from '../training/LayerEditor';
import { RunControls } from './RunControls';
import { TuneFields } from './TuneFields';
import { accuracyTitle, pct } from './format';

/** Knowledge distillation from the selected impulse's model into a smaller student, against the student alone. */
export function DistillPanel({ impulse, model }: { impulse: Impulse; model: TrainedModel }) {
  const settings = useCompression((s) => s.distill);
  const busy = useCompression((s) => s.running !== null);
  const result = useCompression((s) => s.results.distill);
  const problems = distillProblems(settings);
  const set = useCompression.getState().setDistill;
  useEffect(() => useCompression.getState().defaultStudent(impulse, model), [impulse, model]);
  const rows = result
    ? [
        { name: `Teacher (${impulse.name})`, test: result.source.test },
        ...result.variants.map((v, i) => ({
          name: i === 0 ? 'Distilled student' : 'Same student from scratch',
          test: v.test,
        })),
      ]
    : [];
  return (
    <section className="card compress-panel" data-testid="distill-panel" aria-labelledby="distill-title">
      <h2 id="distill-title">Knowledge distillation</h2>
      <p className="muted small">
        The teacher is this impulse’s trained model. The student learns from the labels and from the teacher’s
        outputs softened by the temperature T: loss = (1 − α)·cross-entropy + α·T²·KL(teacher ‖ student). The
        same student is also trained from scratch (same seed, same epochs) to show what the teacher adds.
      </p>
      <h3 className="small">Student layers</h3>
      <LayerEditor
        layers={settings.studentLayers}
        problems={problems}
        onChange={(studentLayers) => set({ ...settings, studentLayers })}
      />
      <div className="row gap wrap compress-fields">
        <NumberField
          label="Temperature T"
          value={settings.temperature}
          error={problems.temperature}
          disabled={busy}
          onChange={(temperature) => set({ ...settings, temperature })}
        />
        <NumberField
          label="Weight α of the soft targets"
          ariaLabel="Weight alpha"
          value={settings.alpha}
          step={0.05}
          error={problems.alpha}
          disabled={busy}
          onChange={(alpha) => set({ ...settings, alpha })}
        />
        <TuneFields
          idPrefix="Distillation"
          value={settings}
          problems={problems}
          onChange={set}
          disabled={busy}
        />
      </div>
      <RunControls kind="distill" label="Distil" impulse={impulse} model={model} problems={problems} />
      {result && (
        <div className="compress-result" data-testid="distill-result">
          <table className="table compress-table" data-testid="distill-table">
            <caption className="muted small">
              Test accuracy per window, {accuracyTitle(result.source.test)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col" className="num">
                  float32
                </th>
                <th scope="col" className="num">
                  int8
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.name}>
                  <td>{r.name}</td>
                  <td className="num">{pct(r.test.float)}</td>
                  <td className="num">{pct(r.test.int8)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">
            Saved as {result.variants.map((v) => `“${v.impulse.name}”`).join(' and ')}.
          </p>
        </div>
      )}
    </section>
  );
}
