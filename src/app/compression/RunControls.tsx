import type { Impulse } from '../../core/impulse/impulse';
import type { TrainedModel } from '../../core/learn/trainedModel';
import { problemList, type Problems } from '../../core/validation/numberRule';
import { useCompression, type TechniqueKind } from '../../state/compressionStore';

const PHASES = {
  features: 'Reading features',
  training: 'Training',
  quantising: 'Quantising to int8',
  testing: 'Testing float32 and int8',
  saving: 'Saving',
};

/** The Start button of one technique, the first problem of its settings, and its progress with Cancel. */
export function RunControls({
  kind,
  label,
  impulse,
  model,
  problems,
}: {
  kind: TechniqueKind;
  label: string;
  impulse: Impulse;
  model: TrainedModel;
  problems: Problems;
}) {
  const running = useCompression((s) => s.running);
  const { run, cancel } = useCompression.getState();
  const first = problemList(problems)[0];
  const mine = running?.technique === kind ? running : null;
  const p = mine?.progress;
  return (
    <div className="row gap wrap compress-run">
      <button
        type="button"
        className="btn primary"
        disabled={running !== null || !!first}
        onClick={() => void run(kind, impulse, model)}
      >
        {label}
      </button>
      {first && !running && <span className="error-text small">{first}</span>}
      {mine && (
        <>
          <progress max={1} value={p?.fraction ?? 0} aria-label={`${label} progress`} />
          <span className="small" data-testid={`compress-progress-${kind}`}>
            {p ? `${PHASES[p.phase]}${p.network ? ` the ${p.network}` : ''}…` : 'Starting…'}
          </span>
          <button type="button" className="btn" disabled={mine.cancelling} onClick={cancel}>
            {mine.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        </>
      )}
    </div>
  );
}
