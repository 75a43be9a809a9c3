import type { TrainedModel } from '../../core/learn/trainedModel';
import { precisionProblem } from '../../core/deploy/choices';
import type { Precision } from '../../state/deploymentStore';

const PRECISIONS: { id: Precision; title: string; description: string }[] = [
  { id: 'int8', title: 'int8', description: 'Quantised: about 4× smaller weights, integer kernels.' },
  { id: 'float32', title: 'float32', description: 'The trained network as it is.' },
];

/** int8 or float32 for a network (k-means anomaly detection has one precision and shows none). */
export function PrecisionChoice({
  model,
  value,
  disabled,
  onChange,
}: {
  model: TrainedModel;
  value: Precision;
  disabled: boolean;
  onChange: (precision: Precision) => void;
}) {
  if (model.learn.kind === 'anomaly') return null;
  return (
    <fieldset className="card deploy-choices" data-testid="deploy-precisions">
      <legend>Precision</legend>
      {PRECISIONS.map((p) => {
        const problem = precisionProblem(model, p.id);
        return (
          <label key={p.id} className={`deploy-choice ${problem ? 'unavailable' : ''}`}>
            <input
              type="radio"
              name="deploy-precision"
              value={p.id}
              checked={value === p.id}
              disabled={disabled || problem !== null}
              onChange={() => onChange(p.id)}
              data-testid={`deploy-precision-${p.id}`}
            />
            <span>
              <strong>{p.title}</strong>
              <span className="muted small">{problem ?? p.description}</span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
