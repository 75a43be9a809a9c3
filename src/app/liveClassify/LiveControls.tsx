import type { Impulse } from '../../core/impulse/impulse';
import type { TrainedModel } from '../../core/learn/trainedModel';
import type { SensorSnapshot, SourceSnapshot } from '../../state/devices/types';
import { useLiveClassify } from '../../state/liveClassifyStore';
import { CONFIDENCE_RULE, liveSettingsProblems, SMOOTHING_RULE } from '../../core/validation/classifyRules';
import { NumberField } from '../components/NumberField';
import { VirtualBoardControl } from '../components/VirtualBoardControl';

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
  const problems = liveSettingsProblems(kind, settings);
  return (
    <section className="card" data-testid="live-controls">
      <form
        className="row gap wrap live-controls"
        noValidate
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
        <VirtualBoardControl source={source} sensor={sensor} />
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
          label="Smoothing"
          unit="windows"
          ariaLabel="Smoothing (windows)"
          value={settings.smoothing}
          onChange={(v) => setSettings({ smoothing: v })}
          rule={SMOOTHING_RULE}
          error={problems.smoothing}
        />
        {kind === 'classifier' && (
          <NumberField
            label="Confidence threshold"
            value={settings.threshold}
            onChange={(v) => setSettings({ threshold: v })}
            rule={CONFIDENCE_RULE}
            error={problems.threshold}
            step={0.05}
          />
        )}
        {/* Keyed apart: were the Stop button's element reused as Start, the click that stops would also submit. */}
        {running ? (
          <button key="stop" type="button" className="btn" onClick={() => stop()} data-testid="live-stop">
            Stop
          </button>
        ) : (
          <button
            key="start"
            type="submit"
            className="btn primary"
            disabled={!sensor || !!problem || Object.keys(problems).length > 0}
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
