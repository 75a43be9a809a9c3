import type { Impulse } from '../../core/impulse/impulse';
import type { TrainedModel } from '../../core/learn/trainedModel';
import { useTesting } from '../../state/testingStore';
import { useTraining } from '../../state/trainingStore';
import { CONFIDENCE_RULE, testSettingsProblems, TOLERANCE_RULE } from '../../core/validation/classifyRules';
import { NumberField } from '../components/NumberField';

/** Precision and threshold, the "Classify all test samples" button, and progress with cancel. */
export function TestRunPanel({
  impulse,
  model,
  sampleCount,
  canRun,
}: {
  impulse: Impulse;
  model: TrainedModel;
  sampleCount: number;
  canRun: boolean;
}) {
  const threshold = useTesting((s) => s.threshold);
  const precision = useTesting((s) => s.precision);
  const active = useTesting((s) => s.active);
  const notice = useTesting((s) => (s.notice?.impulseId === impulse.id ? s.notice : null));
  const training = useTraining((s) => s.active !== null);
  const { setThreshold, setPrecision, run, cancel } = useTesting.getState();
  const kind = model.learn.kind;
  const running = active?.impulseId === impulse.id;
  const problems = testSettingsProblems(kind, threshold);

  return (
    <section className="card" data-testid="test-panel">
      <div className="row gap wrap test-settings">
        <h2>Test the model</h2>
        <label>
          Precision
          <select
            aria-label="Precision"
            value={model.int8 ? precision : 'float32'}
            disabled={!!active}
            onChange={(e) => setPrecision(e.target.value as 'float32' | 'int8')}
          >
            <option value="float32">float32</option>
            {model.int8 && <option value="int8">int8 (quantised)</option>}
          </select>
        </label>
        {kind === 'classifier' && (
          <NumberField
            label="Confidence threshold"
            value={threshold}
            onChange={setThreshold}
            rule={CONFIDENCE_RULE}
            error={problems.threshold}
            step={0.05}
          />
        )}
        {kind === 'regression' && (
          <NumberField
            label="Tolerance (±)"
            value={threshold}
            onChange={setThreshold}
            rule={TOLERANCE_RULE}
            error={problems.threshold}
          />
        )}
        {running ? (
          <button className="btn" onClick={cancel} disabled={active.cancelling} data-testid="test-cancel">
            {active.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : (
          <button
            className="btn primary"
            disabled={!canRun || !!active || training || !!problems.threshold}
            onClick={() => void run(impulse, model)}
            data-testid="test-run"
          >
            Classify all test samples
          </button>
        )}
      </div>
      <p className="muted small">
        {sampleCount} enabled testing sample{sampleCount === 1 ? '' : 's'} with the impulse’s axes.{' '}
        {kind === 'classifier' &&
          'A window whose top score is below the threshold is uncertain and casts no vote; a sample takes the label most of its confident windows vote for, and is uncertain (counted wrong) when none is confident.'}
        {kind === 'regression' &&
          'A sample counts as right when its mean prediction is within the tolerance of its label.'}
        {kind === 'anomaly' &&
          'A sample counts as right when none of its windows scores above 0 (outside every cluster).'}
        {!model.int8 && ' Quantise the model on the Training page to test it in int8.'}
      </p>
      {training && !running && <p className="callout">Training is running: test when it has finished.</p>}
      {running && (
        <div className="test-progress" data-testid="test-progress" aria-live="polite">
          <progress max={active.total || 1} value={active.done} aria-label="Testing progress" />
          <span>
            {active.done} / {active.total} samples
          </span>
        </div>
      )}
      {notice && !running && (
        <p className={notice.cancelled ? 'muted' : 'error-text'}>
          {notice.cancelled ? 'Testing was cancelled.' : notice.message}
        </p>
      )}
    </section>
  );
}
