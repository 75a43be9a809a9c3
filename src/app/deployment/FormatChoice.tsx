import { DEPLOY_FORMATS, type DeployFormat } from '../../core/deploy/formats';
import { formatDescription, formatProblem, type DeploySubject } from '../../core/deploy/choices';

/** The download formats as radio buttons; one that does not apply is disabled with its reason. */
export function FormatChoice({
  subject,
  value,
  disabled,
  onChange,
}: {
  subject: DeploySubject;
  value: DeployFormat;
  disabled: boolean;
  onChange: (format: DeployFormat) => void;
}) {
  return (
    <fieldset className="card deploy-choices" data-testid="deploy-formats">
      <legend>Format</legend>
      {DEPLOY_FORMATS.map((f) => {
        const problem = formatProblem(subject, f.id);
        return (
          <label key={f.id} className={`deploy-choice ${problem ? 'unavailable' : ''}`}>
            <input
              type="radio"
              name="deploy-format"
              value={f.id}
              checked={value === f.id}
              disabled={disabled || problem !== null}
              onChange={() => onChange(f.id)}
              data-testid={`deploy-format-${f.id}`}
            />
            <span>
              <strong>{f.title}</strong>
              <span className="muted small">{problem ?? formatDescription(subject, f.id)}</span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
