import { GestureSelect, SoundSelect } from '../components/VirtualBoardControl';
import { useDevices } from '../../state/devicesStore';
import type { SourceSnapshot } from '../../state/devices/types';
import { FORWARDER_KEY } from '../../state/devices/serialRuntime';
import { AxisNamesForm } from './AxisNamesForm';
import { ForwarderRateForm } from './ForwarderRateForm';
import { SensorRow } from './SensorRow';

const KIND_LABEL = {
  serial: 'Web Serial',
  webusb: 'WebUSB',
  virtual: 'Simulated',
  microphone: 'Microphone',
} as const;

export function SourceCard({ source }: { source: SourceSnapshot }) {
  const actions = useDevices.getState();
  const connected = source.status === 'connected';
  const forwarder = source.sensors.find((s) => s.key === FORWARDER_KEY);

  return (
    <div className="card source-card" data-testid="source-card" data-kind={source.kind}>
      <div className="row between wrap gap">
        <div className="row gap wrap">
          <h2 className="source-name">{source.name}</h2>
          <span className="badge">{KIND_LABEL[source.kind]}</span>
          {source.simulated && <span className="badge warn">simulated data</span>}
          <span className={`badge ${connected ? 'ok' : 'warn'}`} data-testid="source-status">
            {source.status}
          </span>
        </div>
        {connected ? (
          <button className="btn small" onClick={() => void actions.disconnect(source.id)}>
            Disconnect
          </button>
        ) : (
          <button className="btn small" onClick={() => actions.forget(source.id)}>
            Remove
          </button>
        )}
      </div>
      <p className="muted small">
        {source.protocol}
        {source.details.map((d) => ` · ${d}`)}
      </p>
      {source.sensors.length > 0 && (
        <div className="table-scroll">
          <table className="table compact" data-testid="sensor-table">
            <thead>
              <tr>
                <th>Sensor</th>
                <th>Axes (units)</th>
                <th className="num">Rate</th>
                <th className="num">Measured</th>
                <th className="num">Readings</th>
              </tr>
            </thead>
            <tbody>
              {source.sensors.map((s) => (
                <SensorRow key={s.key} sourceId={source.id} sensor={s} connected={connected} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="row gap wrap integrity small">
        <span data-testid="dropped-frames">Dropped frames: {source.droppedFrames}</span>
        <span data-testid="corrupt-frames">Corrupt frames: {source.corruptFrames}</span>
        <span data-testid="malformed-lines">Malformed lines skipped: {source.malformedLines}</span>
      </div>
      {source.errors.length > 0 && (
        <ul className="errors small" data-testid="source-errors">
          {source.errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
      {forwarder && connected && (
        <>
          {/* Keyed on the axis count: a board that changes its layout gets a fresh form of the right size. */}
          <AxisNamesForm key={forwarder.axes.length} sourceId={source.id} axes={forwarder.axes} />
          <ForwarderRateForm key={`rate-${forwarder.axes.length}`} sourceId={source.id} sensor={forwarder} />
        </>
      )}
      {source.kind === 'virtual' && connected && (
        <div className="row gap wrap tool-panel">
          <GestureSelect />
          <SoundSelect />
          <button
            className="btn small"
            onClick={() => actions.unplugVirtual(source.id)}
            title="Test what happens when a board is unplugged"
          >
            Simulate unplugging
          </button>
        </div>
      )}
    </div>
  );
}
