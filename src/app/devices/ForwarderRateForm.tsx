import { useState } from 'react';
import { useDevices } from '../../state/devicesStore';
import type { SensorSnapshot } from '../../state/devices/types';

/**
 * The forwarder's rate is detected from the line timing; as with Edge Impulse's data forwarder, the user can
 * state it instead (remembered for this board). Recordings use whichever the card shows.
 */
export function ForwarderRateForm({ sourceId, sensor }: { sourceId: string; sensor: SensorSnapshot }) {
  const detected = sensor.detectedHz ? String(sensor.detectedHz) : '';
  const [auto, setAuto] = useState(sensor.rateSource !== 'user');
  const [hz, setHz] = useState(sensor.rateSource === 'user' ? String(sensor.declaredHz) : '');
  return (
    <form
      className="tool-panel row gap wrap"
      data-testid="forwarder-rate"
      onSubmit={(e) => {
        e.preventDefault();
        void useDevices.getState().setForwarderRate(sourceId, auto ? null : Number(hz.trim() || NaN));
      }}
    >
      <label className="row gap-s">
        <input
          type="checkbox"
          checked={auto}
          onChange={(e) => {
            setAuto(e.target.checked);
            // Start from what was detected: usually the user only corrects it.
            if (!e.target.checked && !hz) setHz(detected);
          }}
        />
        Auto-detect the rate
      </label>
      <label>
        Sampling rate (Hz)
        <input
          type="number"
          inputMode="decimal"
          min="0"
          step="any"
          value={auto ? detected : hz}
          disabled={auto}
          placeholder={auto ? 'detecting…' : ''}
          onChange={(e) => setHz(e.target.value)}
        />
      </label>
      <button className="btn small primary" type="submit">
        Save rate
      </button>
    </form>
  );
}
