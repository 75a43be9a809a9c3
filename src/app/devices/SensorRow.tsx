import { useDevices } from '../../state/devicesStore';
import { useRecorder } from '../../state/recorderStore';
import type { SensorSnapshot } from '../../state/devices/types';

const hzText = (hz: number) => `${Number(hz.toFixed(2))} Hz`;

/**
 * One row of a source's sensor table. Studio boards take commands: a stream switch and, where the handshake
 * offers several, a rate. Both show what the board acknowledged, not what was asked.
 */
export function SensorRow({
  sourceId,
  sensor: s,
  connected,
}: {
  sourceId: string;
  sensor: SensorSnapshot;
  connected: boolean;
}) {
  const recording = useRecorder((r) => r.phase === 'recording' || r.phase === 'countdown');
  const actions = useDevices.getState();
  const controllable = connected && !recording;
  const why = recording ? 'Not while recording' : undefined;
  const rates = s.rates ?? [];
  return (
    <tr>
      <td>
        {s.streaming === undefined ? (
          s.name
        ) : (
          <label className="row gap-s" title={why}>
            <input
              type="checkbox"
              aria-label={`Stream ${s.name}`}
              checked={s.streaming}
              disabled={!controllable}
              onChange={(e) => void actions.setStreaming(sourceId, s.key, e.target.checked)}
            />
            {s.name}
          </label>
        )}
      </td>
      <td>
        {s.axes.map((a) => (a.units && a.units !== 'N/A' ? `${a.name} (${a.units})` : a.name)).join(', ')}
      </td>
      <td className="num">
        {rates.length > 1 ? (
          <select
            aria-label={`${s.name} rate`}
            value={s.declaredHz}
            disabled={!controllable}
            title={why}
            onChange={(e) => void actions.setSensorRate(sourceId, s.key, Number(e.target.value))}
          >
            {rates.map((r) => (
              <option key={r} value={r}>
                {hzText(r)}
              </option>
            ))}
          </select>
        ) : s.declaredHz ? (
          hzText(s.declaredHz)
        ) : (
          'detecting…'
        )}
        {s.rateSource && (
          <div className="muted small" data-testid="rate-source">
            {s.rateSource === 'user'
              ? `set by you${s.detectedHz ? ` (detected ${hzText(s.detectedHz)})` : ''}`
              : 'detected'}
          </div>
        )}
      </td>
      <td className="num" data-testid="measured-rate">
        {s.streaming === false ? 'stopped' : s.measuredHz ? `${s.measuredHz.toFixed(1)} Hz` : '—'}
      </td>
      <td className="num">{s.framesReceived.toLocaleString()}</td>
    </tr>
  );
}
