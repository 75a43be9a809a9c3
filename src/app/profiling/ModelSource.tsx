import { useRef, useState } from 'react';
import type { Impulse } from '../../core/impulse/impulse';
import type { TrainedModel } from '../../core/learn/trainedModel';
import { useProfiling } from '../../state/profilingStore';

/** What to profile: the selected impulse's trained model, or any .tflite dropped or picked here. */
export function ModelSource({
  impulse,
  model,
}: {
  impulse: Impulse | undefined;
  model: TrainedModel | null;
}) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const running = useProfiling((s) => s.status === 'running');
  const { profileImpulse, profileFile } = useProfiling.getState();
  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file) void profileFile(file);
  };
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
      <div
        className={`dropzone ${over ? 'over' : ''}`}
        data-testid="tflite-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          take(e.dataTransfer.files);
        }}
      >
        <p>
          <strong>Bring your own model:</strong> drop a <code>.tflite</code> here or{' '}
          <button className="link" onClick={() => input.current?.click()} disabled={running}>
            choose a file
          </button>
        </p>
        <p className="muted small">
          It runs once in the studio’s interpreter on a seeded input, then gets the same report.
        </p>
        <input
          ref={input}
          type="file"
          hidden
          accept=".tflite"
          data-testid="tflite-input"
          onChange={(e) => {
            take(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
    </section>
  );
}
