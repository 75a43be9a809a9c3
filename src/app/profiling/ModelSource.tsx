import type { Impulse } from '../../core/impulse/impulse';
import type { TrainedModel } from '../../core/learn/trainedModel';
import { useProfiling } from '../../state/profilingStore';
import { TfliteDropzone } from '../components/TfliteDropzone';

/** What to profile: the selected impulse's trained model, or any .tflite dropped or picked here. */
export function ModelSource({
  impulse,
  model,
}: {
  impulse: Impulse | undefined;
  model: TrainedModel | null;
}) {
  const running = useProfiling((s) => s.status === 'running');
  const { profileImpulse, profileFile } = useProfiling.getState();
  return (
    <section className="card profile-source">
      <div className="row gap wrap">
        <button
          className="btn primary"
          data-testid="profile-impulse"
          disabled={!impulse || !model || running}
          onClick={() => impulse && model && void profileImpulse(impulse, model)}
        >
          Profile {impulse ? `“${impulse.name}”` : 'the impulse'}
        </button>
        {!model && impulse && (
          <span className="muted small">
            Train the impulse on the <a href="#/training">Training</a> page to profile it.
          </span>
        )}
      </div>
      <TfliteDropzone
        zoneTestId="tflite-dropzone"
        inputTestId="tflite-input"
        disabled={running}
        onFile={(file) => void profileFile(file)}
        note="It runs once in the studio’s interpreter on a seeded input, then gets the same report."
      />
    </section>
  );
}
