import type { Impulse } from '../../core/impulse/impulse';
import type { TrainedModel } from '../../core/learn/trainedModel';
import type { SensorSnapshot, SourceSnapshot } from '../../state/devices/types';
import { useLiveClassify } from '../../state/liveClassifyStore';
import { NumberField } from '../components/NumberField';

interface Props {
  impulse: Impulse;
  model: TrainedModel;
  sources: SourceSnapshot[];
  source: SourceSnapshot;
  sensor: SensorSnapshot | undefined;
  /** Why the chosen sensor cannot feed this impulse, if it cannot. */
  problem: string | null;
}

/** Source, sensor, precision, smoothing and threshold, and Start / Stop. */
export function LiveControls({ impulse, model, sources, source, sensor, problem }: Props) {
  const settings = useLiveClassify((s) => s.settings);
  const status = useLiveClassify((s) => s.session?.status ?? 'stopped');
  const { setSettings, start, stop } = useLiveClassify.getState();
  const running = status !== 'stopped';
  const kind = model.learn.kind;
  return (
    <section className="card" data-testid="live-controls">
      <form
        className="row gap wrap live-controls"
        onSubmit={(e) => {
          e.preventDefault();
          if (sensor) void start(impulse, model, source, sensor.key);
        }}
      >
        <label>
          Source
          <select
            aria-label="Classify from"
            value={source.id}
            disabled={running}
            onChange={(e) => setSettings({ sourceId: e.target.value, sensorKey: null })}
          >
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sensor
          <select
            aria-label="Sensor"
            value={sensor?.key ?? ''}
            disabled={running}
            onChange={(e) => setSettings({ sensorKey: e.target.value })}
          >
            {source.sensors.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Precision
          <select
            aria-label="Precision"
            value={model.int8 ? settings.precision : 'float32'}
            disabled={running}
            onChange={(e) => setSettings({ precision: e.target.value as 'float32' | 'int8' })}
          >
            <option value="float32">float32</option>
            {model.int8 && <option value="int8">int8 (quantised)</option>}
          </select>
        </label>
        <NumberField
          label="Smoothing (windows)"
          value={settings.smoothing}
          onChange={(v) => setSettings({ smoothing: v })}
          min={1}
          max={50}
          step={1}
        />
        {kind === 'classifier' && (
          <NumberField
            label="Confidence threshold"
            value={settings.threshold}
            onChange={(v) => setSettings({ threshold: v })}
            min={0}
            max={1}
            step={0.05}
          />
        )}
        {running ? (
          <button type="button" className="btn" onClick={() => stop()} data-testid="live-stop">
            Stop
          </button>
        ) : (
          <button
            type="submit"
            className="btn primary"
            disabled={!sensor || !!problem || !Number.isInteger(settings.smoothing)}
            data-testid="live-start"
          >
            Start
          </button>
        )}
      </form>
      {problem && <p className="error-text">{problem}</p>}
      <p className="muted small">
        Every {impulse.input.windowStrideMs} ms the newest {impulse.input.windowSizeMs} ms window (
        {impulse.input.axes.join(', ')} at {impulse.input.frequencyHz} Hz) is classified in the training
        worker; the result shown is the mean of the last {settings.smoothing}.
        {source.simulated && ' The virtual board’s data is simulated.'}
      </p>
    </section>
  );
}
