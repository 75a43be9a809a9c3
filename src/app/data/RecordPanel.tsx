import { useEffect, useState } from 'react';
import type { SampleCategory } from '../../core/dataset/sample';
import { useRecorder } from '../../state/recorderStore';
import { runtimeRegistry } from '../../state/devices/registry';
import { RECORDING_RULES, recordingProblems } from '../../core/validation/recordingRules';
import { NumberField } from '../components/NumberField';
import { VirtualBoardControl } from '../components/VirtualBoardControl';
import { LiveBuffer } from '../live/liveBuffer';
import { LiveChart } from '../live/LiveChart';
import { routeHref } from '../useRoute';
import { RecordStatus } from './RecordStatus';
import { useRecordableSources } from './useRecordableSources';

/** Record a labelled sample from a connected source, with a live chart of the chosen sensor. */
export function RecordPanel() {
  const live = useRecordableSources();
  const [sourceId, setSourceId] = useState('');
  const [sensorKey, setSensorKey] = useState('');
  const [label, setLabel] = useState('');
  const [lengthMs, setLengthMs] = useState(2000);
  const [category, setCategory] = useState<'auto' | SampleCategory>('auto');
  const [countdownS, setCountdownS] = useState(0);
  const [labelEdited, setLabelEdited] = useState(false);
  const problems = recordingProblems({ label, lengthMs, countdownS });
  // An empty label is only called a mistake once the user has typed and cleared it.
  const labelError = labelEdited ? problems.label : undefined;
  const phase = useRecorder((s) => s.phase);

  const source = live.find((s) => s.id === sourceId) ?? live[0];
  const sensor = source?.sensors.find((s) => s.key === sensorKey) ?? source?.sensors[0];
  const axesKey = sensor ? sensor.axes.length : 0;
  const windowSeconds = sensor?.kind === 'audio' ? 2 : 5;
  const rate = sensor?.declaredHz || 100;
  const buffer = useLiveBuffer(source?.id, sensor?.key, axesKey, Math.ceil(rate * windowSeconds) + 1);

  if (live.length === 0) {
    return (
      <div className="card record-panel">
        <h2>Record new data</h2>
        <p className="muted">
          Connect a board, the microphone or the virtual board on the{' '}
          <a href={routeHref('devices')}>Devices</a> page to record samples here.
        </p>
      </div>
    );
  }

  const busy = phase === 'countdown' || phase === 'recording';
  return (
    <div className="card record-panel" data-testid="record-panel">
      <h2>Record new data</h2>
      <form
        className="row gap wrap"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (source && sensor)
            useRecorder
              .getState()
              .start({ source, sensorKey: sensor.key, label, lengthMs, countdownS, category });
        }}
      >
        <label>
          Source
          <select
            aria-label="Record from"
            value={source?.id ?? ''}
            onChange={(e) => setSourceId(e.target.value)}
            disabled={busy}
          >
            {live.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.simulated && !/simulated/i.test(s.name) ? ' (simulated)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sensor
          <select
            aria-label="Sensor"
            value={sensor?.key ?? ''}
            onChange={(e) => setSensorKey(e.target.value)}
            disabled={busy}
          >
            {source?.sensors.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <VirtualBoardControl source={source} sensor={sensor} disabled={busy} />
        <label className={labelError ? 'invalid' : undefined}>
          Label
          <input
            aria-label="Recording label"
            required
            value={label}
            onChange={(e) => {
              setLabel(e.target.value);
              setLabelEdited(true);
            }}
            disabled={busy}
            placeholder="e.g. wave"
            aria-invalid={!!labelError}
            aria-describedby={labelError ? 'record-label-error' : undefined}
          />
          {labelError && (
            <span id="record-label-error" className="field-error" role="alert">
              {labelError}
            </span>
          )}
        </label>
        <NumberField
          label="Length"
          unit="ms"
          ariaLabel="Recording length (ms)"
          rule={RECORDING_RULES.lengthMs}
          step={100}
          error={problems.lengthMs}
          value={lengthMs}
          onChange={setLengthMs}
          disabled={busy}
        />
        <NumberField
          label="Countdown"
          unit="s"
          ariaLabel="Countdown (s)"
          rule={RECORDING_RULES.countdownS}
          error={problems.countdownS}
          value={countdownS}
          onChange={setCountdownS}
          disabled={busy}
        />
        <label>
          Category
          <select
            aria-label="Recording category"
            value={category}
            onChange={(e) => setCategory(e.target.value as 'auto' | SampleCategory)}
            disabled={busy}
          >
            <option value="auto">Automatic 80/20</option>
            <option value="training">Training</option>
            <option value="testing">Testing</option>
          </select>
        </label>
        {/* Distinct keys: React must not reuse the Cancel button as the submit button, or the click that
            cancels would also start a new recording. */}
        {busy ? (
          <button key="cancel" className="btn" type="button" onClick={() => useRecorder.getState().cancel()}>
            Cancel
          </button>
        ) : (
          <button
            key="start"
            className="btn primary"
            type="submit"
            disabled={!sensor || Object.keys(problems).length > 0}
            aria-describedby={problems.label && !labelError ? 'record-blocker' : undefined}
          >
            Start recording
          </button>
        )}
        {!busy && problems.label && !labelError && (
          <span id="record-blocker" className="muted small">
            Enter a label to record.
          </span>
        )}
      </form>
      <RecordStatus />
      {sensor && buffer && (
        <LiveChart axes={sensor.axes} sampleRateHz={rate} windowSeconds={windowSeconds} source={buffer} />
      )}
      {source?.simulated && <p className="muted small">The virtual board’s data is simulated.</p>}
    </div>
  );
}

/** A ring buffer fed by one sensor of one source, for the live chart; replaced when the choice changes. */
function useLiveBuffer(
  sourceId: string | undefined,
  sensorKey: string | undefined,
  axes: number,
  capacity: number,
) {
  const [buffer, setBuffer] = useState<LiveBuffer | null>(null);
  useEffect(() => {
    if (!sourceId || !sensorKey || axes === 0) {
      setBuffer(null);
      return;
    }
    const b = new LiveBuffer(axes, capacity);
    setBuffer(b);
    return runtimeRegistry.get(sourceId)?.subscribe(sensorKey, (values, frames) => b.push(values, frames));
  }, [sourceId, sensorKey, axes, capacity]);
  return buffer;
}
